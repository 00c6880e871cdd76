//! What each column holds: the fields mcc reads, their names in Salesforce, HubSpot, Pipedrive and
//! Zoho exports (labels and API names, matched ignoring case and punctuation), and the kind of file
//! a header describes.

use std::fmt;

use serde::Serialize;

use super::options::ColumnMapping;
use super::sources::normalize;

/// A piece of data mcc reads from a column; its `name` is what `--map` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The record's own id (lead id in a leads export).
    Id,
    /// When the lead or opportunity was created.
    Created,
    /// When someone first contacted the lead (call, email, meeting).
    FirstResponse,
    /// Lead source or original source.
    Source,
    /// Lead status, or won/lost/open status of a deal.
    Status,
    /// Whether the lead became an opportunity.
    Converted,
    /// The rep or queue that owns the record.
    Owner,
    /// Opportunity amount.
    Amount,
    /// Opportunity stage.
    Stage,
    /// Won flag.
    Won,
    /// Closed flag.
    Closed,
    /// Opportunity close date.
    CloseDate,
    /// The lead an opportunity was converted from, or an activity is about.
    LeadId,
    /// When an activity happened.
    ActivityTime,
    /// Metric id or name in a metric summary.
    Metric,
    /// Metric value in a metric summary.
    Value,
}

impl Field {
    /// Every field, in the order mappings are listed.
    pub const ALL: [Field; 16] = [
        Field::Id,
        Field::Created,
        Field::FirstResponse,
        Field::Source,
        Field::Status,
        Field::Converted,
        Field::Owner,
        Field::Amount,
        Field::Stage,
        Field::Won,
        Field::Closed,
        Field::CloseDate,
        Field::LeadId,
        Field::ActivityTime,
        Field::Metric,
        Field::Value,
    ];

    /// The snake_case name used by `--map` and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Created => "created",
            Field::FirstResponse => "first_response",
            Field::Source => "source",
            Field::Status => "status",
            Field::Converted => "converted",
            Field::Owner => "owner",
            Field::Amount => "amount",
            Field::Stage => "stage",
            Field::Won => "won",
            Field::Closed => "closed",
            Field::CloseDate => "close_date",
            Field::LeadId => "lead_id",
            Field::ActivityTime => "activity_time",
            Field::Metric => "metric",
            Field::Value => "value",
        }
    }

    /// The field with this name, ignoring case and punctuation (`First Response` works).
    pub fn from_name(text: &str) -> Option<Field> {
        let wanted = normalize(text);
        Field::ALL
            .into_iter()
            .find(|f| normalize(f.name()) == wanted)
    }

    /// What the column holds, in words for messages and the column picker.
    pub fn describe(self) -> &'static str {
        match self {
            Field::Id => "the record's id",
            Field::Created => "the date and time the record was created",
            Field::FirstResponse => "the date and time of the first call or email to the lead",
            Field::Source => "the lead source",
            Field::Status => "the status",
            Field::Converted => "whether the lead was converted to an opportunity",
            Field::Owner => "the owner",
            Field::Amount => "the opportunity amount",
            Field::Stage => "the opportunity stage",
            Field::Won => "whether the opportunity was won",
            Field::Closed => "whether the opportunity is closed",
            Field::CloseDate => "the close date",
            Field::LeadId => "the id of the lead it belongs to",
            Field::ActivityTime => "the date and time of the activity",
            Field::Metric => "the metric id or name",
            Field::Value => "the metric value",
        }
    }

    /// Which kind of file this field points to, when mapped by hand.
    fn hints(self) -> Option<FileKind> {
        match self {
            Field::FirstResponse | Field::Converted => Some(FileKind::Leads),
            Field::Amount | Field::Stage | Field::Won | Field::Closed | Field::CloseDate => {
                Some(FileKind::Opportunities)
            }
            Field::ActivityTime => Some(FileKind::Activities),
            Field::Metric | Field::Value => Some(FileKind::MetricSummary),
            _ => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a file holds, detected from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// `metric,value` rows typed or exported elsewhere.
    MetricSummary,
    /// One row per lead.
    Leads,
    /// One row per opportunity or deal.
    Opportunities,
    /// One row per call, task, email or meeting.
    Activities,
    /// One row per lead that also carries its converted opportunity's amount and stage.
    LeadsWithOpportunities,
}

impl FileKind {
    /// Whether rows are leads.
    pub fn has_leads(self) -> bool {
        matches!(self, FileKind::Leads | FileKind::LeadsWithOpportunities)
    }

    /// Whether rows carry opportunities.
    pub fn has_opportunities(self) -> bool {
        matches!(
            self,
            FileKind::Opportunities | FileKind::LeadsWithOpportunities
        )
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::MetricSummary => "a metric summary",
            FileKind::Leads => "a leads export",
            FileKind::Opportunities => "an opportunities export",
            FileKind::Activities => "an activities export",
            FileKind::LeadsWithOpportunities => "a leads export with converted opportunities",
        })
    }
}

/// How the converted column says a lead converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ConvertedRule {
    /// A yes/no flag (`Converted`, `IsConverted`).
    #[default]
    Flag,
    /// Any value means converted (`Converted Date`, `Converted Opportunity ID`).
    NonBlank,
    /// A number above zero (`Number of Associated Deals`).
    Count,
}

/// Which column holds each field in one file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    columns: [Option<usize>; 16],
    /// How to read the converted column.
    pub converted: ConvertedRule,
}

impl Layout {
    /// The column of `field`, if the file has one.
    #[inline]
    pub(crate) fn get(&self, field: Field) -> Option<usize> {
        self.columns[field as usize]
    }

    fn set(&mut self, field: Field, column: usize) {
        self.columns[field as usize] = Some(column);
    }

    /// Removes a field (e.g. opportunity columns of a leads file when an opportunities file is given).
    pub(crate) fn clear(&mut self, field: Field) {
        self.columns[field as usize] = None;
    }

    /// (field, column) pairs in field order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (Field, usize)> + '_ {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|c| (f, c)))
    }
}

/// A header cell prepared for matching.
#[derive(Debug, Clone)]
struct Head {
    /// Whole header, normalised: "Deal - Value" -> "dealvalue".
    full: String,
    /// Without a Pipedrive-style object prefix: "Deal - Value" -> "value".
    rest: String,
    /// The object prefix, normalised: "deal".
    object: String,
}

const OBJECTS: [&str; 11] = [
    "deal",
    "lead",
    "person",
    "contact",
    "organization",
    "organisation",
    "activity",
    "opportunity",
    "call",
    "task",
    "email",
];

fn heads(headers: &[String]) -> Vec<Head> {
    headers
        .iter()
        .map(|h| {
            let h = h.trim_start_matches('\u{feff}');
            let full = normalize(h);
            match h.split_once(" - ").or_else(|| h.split_once(": ")) {
                Some((object, rest)) if OBJECTS.contains(&normalize(object).as_str()) => Head {
                    full,
                    rest: normalize(rest),
                    object: normalize(object),
                },
                _ => Head {
                    rest: full.clone(),
                    full,
                    object: String::new(),
                },
            }
        })
        .collect()
}

type Table = &'static [(Field, &'static [&'static str])];

const CONVERTED_FLAG: &[&str] = &[
    "converted",
    "isconverted",
    "leadconverted",
    "convertedflag",
    "convertedtoopportunity",
];
const CONVERTED_NON_BLANK: &[&str] = &[
    "converteddate",
    "convertedopportunityid",
    "convertedopportunity",
    "converteddeal",
    "becameanopportunitydate",
    "leadconversiontime",
    "dateconverted",
];
const CONVERTED_COUNT: &[&str] = &[
    "numberofassociateddeals",
    "numassociateddeals",
    "associateddeals",
];

const FIRST_RESPONSE: &[&str] = &[
    "firstresponse",
    "firstresponsedate",
    "firstresponsetime",
    "firstresponsedatetime",
    "firstresponseat",
    "firstcall",
    "firstcalldate",
    "firstcalldatetime",
    "firstemaildate",
    "firstemaildatetime",
    "firstactivity",
    "firstactivitydate",
    "firstactivitytime",
    "firstcontact",
    "firstcontactdate",
    "firstcontacted",
    "firstcontactedat",
    "dateoffirstengagement",
    "firstengagementdate",
    "hssafirstengagementdate",
    "firsttouch",
    "firsttouchdate",
    "firstoutreach",
    "firstoutreachdate",
    "firstreplydate",
    "respondedat",
];

const CREATED: &[&str] = &[
    "createddate",
    "createdate",
    "created",
    "createdat",
    "createdtime",
    "createddatetime",
    "createdon",
    "datecreated",
    "creationdate",
    "leadcreated",
    "leadcreateddate",
    "leadcreatedate",
    "opportunitycreateddate",
    "dealcreated",
    "dealcreatedon",
    "dealcreatedate",
    "addtime",
    "becamealeaddate",
];

const SOURCE: &[&str] = &[
    "leadsource",
    "originalsource",
    "originaltrafficsource",
    "hsanalyticssource",
    "originalsourcetype",
    "dealsource",
    "opportunitysource",
    "source",
    "sourceorigin",
    "sourcechannel",
    "leadchannel",
    "channel",
    "leadorigin",
    "utmsource",
    "primarycampaignsource",
    "campaignsource",
];

const OWNER: &[&str] = &[
    "leadowner",
    "opportunityowner",
    "dealowner",
    "contactowner",
    "owner",
    "ownerid",
    "ownername",
    "hubspotownerid",
    "assignedto",
    "salesrep",
    "rep",
];

const LEAD_TABLE: Table = &[
    (
        Field::Id,
        &[
            "leadid",
            "id",
            "recordid",
            "hsobjectid",
            "contactid",
            "personid",
            "leadrecordid",
        ],
    ),
    (Field::Created, CREATED),
    (Field::FirstResponse, FIRST_RESPONSE),
    (Field::Source, SOURCE),
    (
        Field::Status,
        &["leadstatus", "status", "hsleadstatus", "lifecyclestage"],
    ),
    (Field::Owner, OWNER),
    (
        Field::Amount,
        &[
            "opportunityamount",
            "convertedopportunityamount",
            "dealamount",
            "amount",
        ],
    ),
    (
        Field::Stage,
        &[
            "opportunitystage",
            "convertedopportunitystage",
            "opportunitystagename",
            "dealstage",
            "stagename",
            "stage",
        ],
    ),
    (Field::Won, &["opportunitywon", "iswon", "won"]),
    (Field::Closed, &["opportunityclosed", "isclosed", "closed"]),
];

const OPP_TABLE: Table = &[
    (
        Field::Id,
        &[
            "opportunityid",
            "opportunityid18",
            "dealid",
            "id",
            "recordid",
            "hsobjectid",
            "opportunityrecordid",
        ],
    ),
    (
        Field::Amount,
        &[
            "amount",
            "opportunityamount",
            "dealamount",
            "value",
            "dealvalue",
            "opportunityvalue",
            "dealsize",
            "totalamount",
            "amountconverted",
        ],
    ),
    (
        Field::Stage,
        &[
            "stage",
            "stagename",
            "dealstage",
            "opportunitystage",
            "pipelinestage",
            "salesstage",
        ],
    ),
    (
        Field::Status,
        &["status", "dealstatus", "opportunitystatus"],
    ),
    (
        Field::Won,
        &[
            "won",
            "iswon",
            "closedwon",
            "isclosedwon",
            "hsisclosedwon",
            "wonflag",
        ],
    ),
    (
        Field::Closed,
        &["closed", "isclosed", "hsisclosed", "closedflag"],
    ),
    (Field::Created, CREATED),
    (
        Field::CloseDate,
        &[
            "closedate",
            "closingdate",
            "closeddate",
            "closedon",
            "dealclosedon",
            "closetime",
            "dateclosed",
            "actualclosedate",
            "wontime",
            "expectedclosedate",
            "estimatedclosedate",
        ],
    ),
    (Field::Source, SOURCE),
    (
        Field::LeadId,
        &[
            "convertedleadid",
            "leadid",
            "originalleadid",
            "sourceleadid",
            "originallead",
        ],
    ),
    (Field::Owner, OWNER),
];

const ACTIVITY_TABLE: Table = &[
    (
        Field::LeadId,
        &[
            "leadid",
            "whoid",
            "leadcontactid",
            "contactleadid",
            "leadorcontactid",
            "contactid",
            "relatedtoid",
            "relatedleadid",
            "associatedcontactid",
            "associatedcontactids",
            "associatedleadid",
            "personid",
            "prospectid",
            "nameid",
        ],
    ),
    (
        Field::ActivityTime,
        &[
            "activitydate",
            "activitydatetime",
            "activitytime",
            "startdatetime",
            "starttime",
            "start",
            "startdate",
            "date",
            "datetime",
            "timestamp",
            "hstimestamp",
            "calldate",
            "calltime",
            "emaildate",
            "sentdate",
            "sentat",
            "completeddatetime",
            "completeddate",
            "completedon",
            "duedatetime",
            "duedate",
            "activitycreateddate",
            "createddate",
            "createdate",
            "created",
            "createdat",
            "createddatetime",
        ],
    ),
    (
        Field::Id,
        &["activityid", "taskid", "eventid", "engagementid", "id"],
    ),
    (Field::Owner, OWNER),
];

const SUMMARY_TABLE: Table = &[
    (
        Field::Metric,
        &[
            "metric",
            "metricid",
            "metricname",
            "item",
            "itemid",
            "checklistitem",
            "kpi",
            "measure",
            "id",
            "name",
        ],
    ),
    (
        Field::Value,
        &["value", "answer", "metricvalue", "result", "figure"],
    ),
];

const LEAD_MARKS: &[&str] = &[
    "leadid",
    "leadstatus",
    "hsleadstatus",
    "lifecyclestage",
    "leadowner",
    "contactowner",
    "leadcreated",
    "leadcreateddate",
    "becamealeaddate",
    "leadconversiontime",
];
const OPP_MARKS: &[&str] = &[
    "opportunityid",
    "opportunityname",
    "dealname",
    "dealid",
    "stagename",
    "stage",
    "dealstage",
    "closedate",
    "closingdate",
    "iswon",
    "won",
    "isclosed",
    "closed",
    "probability",
    "probabilitypercent",
    "forecastcategory",
    "expectedrevenue",
    "dealvalue",
    "dealstatus",
    "dealowner",
    "opportunityowner",
    "pipeline",
];
const ACTIVITY_MARKS: &[&str] = &[
    "subject",
    "activitytype",
    "activitysubtype",
    "tasksubtype",
    "eventsubtype",
    "tasktype",
    "task",
    "activityid",
    "taskid",
    "eventid",
    "calltype",
    "callresult",
    "calldisposition",
    "callduration",
    "calldurationinseconds",
    "calltitle",
    "callnotes",
    "whoid",
    "whatid",
    "engagementtype",
    "activitydate",
    "activitydatetime",
    "duedate",
    "completeddatetime",
    "emailsubject",
    "meetingname",
];

fn table(kind: FileKind) -> Table {
    match kind {
        FileKind::MetricSummary => SUMMARY_TABLE,
        FileKind::Leads | FileKind::LeadsWithOpportunities => LEAD_TABLE,
        FileKind::Opportunities => OPP_TABLE,
        FileKind::Activities => ACTIVITY_TABLE,
    }
}

/// The kind of file and where each field is, from the header and the user's mappings.
#[derive(Debug, Clone)]
pub(crate) struct Detection {
    /// What the file holds, if mcc could tell.
    pub kind: Option<FileKind>,
    /// Where each field is (for the detected kind).
    pub layout: Layout,
}

/// Detects the kind of file a header describes and maps its columns.
pub(crate) fn detect(headers: &[String], mappings: &[ColumnMapping]) -> Detection {
    let heads = heads(headers);
    let mapped: Vec<(usize, Field)> = mappings
        .iter()
        .filter_map(|m| {
            let wanted = normalize(&m.header);
            heads
                .iter()
                .position(|h| h.full == wanted)
                .map(|i| (i, m.field))
        })
        .collect();
    let kind = kind_of(&heads, &mapped);
    let layout = kind
        .map(|k| resolve(k, &heads, &mapped))
        .unwrap_or_default();
    Detection { kind, layout }
}

fn has(heads: &[Head], names: &[&str]) -> bool {
    heads
        .iter()
        .any(|h| names.contains(&h.full.as_str()) || names.contains(&h.rest.as_str()))
}

fn marks(heads: &[Head], names: &[&str], objects: &[&str]) -> usize {
    heads
        .iter()
        .filter(|h| {
            names.contains(&h.full.as_str())
                || names.contains(&h.rest.as_str())
                || objects.contains(&h.object.as_str())
        })
        .count()
}

fn kind_of(heads: &[Head], mapped: &[(usize, Field)]) -> Option<FileKind> {
    let hinted = |kind: FileKind| {
        mapped
            .iter()
            .filter(|(_, f)| f.hints() == Some(kind))
            .count()
            * 10
    };
    let summary_cols = has(heads, &SUMMARY_TABLE[0].1[..8]) && has(heads, SUMMARY_TABLE[1].1);
    let short_summary = heads.len() <= 3
        && has(heads, SUMMARY_TABLE[0].1)
        && has(heads, SUMMARY_TABLE[1].1)
        && !has(heads, CREATED);
    if hinted(FileKind::MetricSummary) > 0 || (summary_cols && heads.len() <= 6) || short_summary {
        return Some(FileKind::MetricSummary);
    }
    let lead_extra = marks(heads, CONVERTED_FLAG, &[])
        + marks(heads, CONVERTED_NON_BLANK, &[])
        + marks(heads, CONVERTED_COUNT, &[])
        + marks(heads, FIRST_RESPONSE, &[]);
    let lead_id = usize::from(has(heads, &["leadid"]));
    let lead = marks(heads, LEAD_MARKS, &["lead", "person", "contact"])
        + lead_extra
        + hinted(FileKind::Leads);
    let lead_without_id = lead - lead_id.min(lead);
    let opp = marks(heads, OPP_MARKS, &["deal", "opportunity"]) + hinted(FileKind::Opportunities);
    let act = marks(
        heads,
        ACTIVITY_MARKS,
        &["activity", "call", "task", "email"],
    ) + hinted(FileKind::Activities);
    let leads_table = || resolve(FileKind::Leads, heads, mapped);
    if act > 0 && act >= opp && lead_without_id == 0 {
        return Some(FileKind::Activities);
    }
    if opp > 0 && lead_without_id == 0 {
        return Some(FileKind::Opportunities);
    }
    if lead > 0 {
        let layout = leads_table();
        let with_opps = layout.get(Field::Amount).is_some()
            && (layout.get(Field::Stage).is_some() || layout.get(Field::Won).is_some());
        return Some(if with_opps {
            FileKind::LeadsWithOpportunities
        } else {
            FileKind::Leads
        });
    }
    if opp > 0 {
        return Some(FileKind::Opportunities);
    }
    let layout = leads_table();
    (layout.get(Field::Created).is_some() && layout.get(Field::Source).is_some())
        .then_some(FileKind::Leads)
}

fn resolve(kind: FileKind, heads: &[Head], mapped: &[(usize, Field)]) -> Layout {
    let mut layout = Layout::default();
    let mut used = vec![false; heads.len()];
    for &(column, field) in mapped {
        layout.set(field, column);
        used[column] = true;
    }
    let find = |names: &[&str], used: &[bool]| -> Option<usize> {
        names.iter().find_map(|name| {
            (0..heads.len())
                .find(|&i| !used[i] && heads[i].full == *name)
                .or_else(|| (0..heads.len()).find(|&i| !used[i] && heads[i].rest == *name))
        })
    };
    for &(field, names) in table(kind) {
        if layout.get(field).is_some() {
            continue;
        }
        if let Some(column) = find(names, &used) {
            layout.set(field, column);
            used[column] = true;
        }
    }
    if kind.has_leads() {
        if let Some(&(column, _)) = mapped.iter().find(|(_, f)| *f == Field::Converted) {
            layout.set(Field::Converted, column);
        } else {
            let rules = [
                (CONVERTED_FLAG, ConvertedRule::Flag),
                (CONVERTED_NON_BLANK, ConvertedRule::NonBlank),
                (CONVERTED_COUNT, ConvertedRule::Count),
            ];
            for (names, rule) in rules {
                if let Some(column) = find(names, &used) {
                    layout.set(Field::Converted, column);
                    layout.converted = rule;
                    break;
                }
            }
        }
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(String::from).collect()
    }

    fn detected(line: &str) -> (Option<FileKind>, Vec<(Field, String)>) {
        let hs = headers(line);
        let d = detect(&hs, &[]);
        let pairs = d.layout.pairs().map(|(f, c)| (f, hs[c].clone())).collect();
        (d.kind, pairs)
    }

    fn column(line: &str, field: Field) -> Option<String> {
        detected(line)
            .1
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, h)| h)
    }

    #[test]
    fn salesforce_lead_report_with_opportunity_columns_counts_as_both() {
        let line = "\u{feff}Lead ID,Created Date,First Response Date,Lead Source,Lead Status,Lead Owner,Company,Converted,Opportunity Amount,Opportunity Stage";
        let (kind, pairs) = detected(line);
        assert_eq!(kind, Some(FileKind::LeadsWithOpportunities));
        let names: Vec<_> = pairs.iter().map(|(f, h)| format!("{f}={h}")).collect();
        assert_eq!(
            names,
            [
                "id=\u{feff}Lead ID",
                "created=Created Date",
                "first_response=First Response Date",
                "source=Lead Source",
                "status=Lead Status",
                "converted=Converted",
                "owner=Lead Owner",
                "amount=Opportunity Amount",
                "stage=Opportunity Stage"
            ]
        );
    }

    #[test]
    fn salesforce_api_names() {
        let line = "Id,CreatedDate,LeadSource,Status,IsConverted,OwnerId,FirstCallDateTime";
        let (kind, _) = detected(line);
        assert_eq!(kind, Some(FileKind::Leads));
        assert_eq!(
            column(line, Field::Converted).as_deref(),
            Some("IsConverted")
        );
        assert_eq!(
            column(line, Field::FirstResponse).as_deref(),
            Some("FirstCallDateTime")
        );
        let opps = "Id,Name,Amount,StageName,CloseDate,CreatedDate,LeadSource,IsWon,IsClosed";
        assert_eq!(detected(opps).0, Some(FileKind::Opportunities));
        assert_eq!(column(opps, Field::Stage).as_deref(), Some("StageName"));
        assert_eq!(column(opps, Field::Won).as_deref(), Some("IsWon"));
        assert_eq!(column(opps, Field::Closed).as_deref(), Some("IsClosed"));
    }

    #[test]
    fn salesforce_opportunity_report_with_converted_lead_id() {
        let line = "Opportunity Name,Opportunity ID,Amount,Stage,Close Date,Created Date,Lead ID,Won,Closed";
        let (kind, _) = detected(line);
        assert_eq!(kind, Some(FileKind::Opportunities));
        assert_eq!(column(line, Field::LeadId).as_deref(), Some("Lead ID"));
        assert_eq!(column(line, Field::Id).as_deref(), Some("Opportunity ID"));
        assert_eq!(column(line, Field::Source), None);
    }

    #[test]
    fn hubspot_contacts_and_deals() {
        let contacts = "Record ID,First Name,Last Name,Email,Create Date,Lifecycle Stage,Lead Status,Original Source,Contact owner,Number of Associated Deals";
        assert_eq!(detected(contacts).0, Some(FileKind::Leads));
        assert_eq!(
            column(contacts, Field::Source).as_deref(),
            Some("Original Source")
        );
        assert_eq!(
            column(contacts, Field::Created).as_deref(),
            Some("Create Date")
        );
        assert_eq!(
            column(contacts, Field::Status).as_deref(),
            Some("Lead Status")
        );
        let d = detect(&headers(contacts), &[]);
        assert_eq!(d.layout.converted, ConvertedRule::Count);
        let deals = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Original Source Type";
        assert_eq!(detected(deals).0, Some(FileKind::Opportunities));
        assert_eq!(column(deals, Field::Stage).as_deref(), Some("Deal Stage"));
        assert_eq!(
            column(deals, Field::Source).as_deref(),
            Some("Original Source Type")
        );
    }

    #[test]
    fn pipedrive_deal_prefixes() {
        let line = "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Source";
        assert_eq!(detected(line).0, Some(FileKind::Opportunities));
        assert_eq!(column(line, Field::Amount).as_deref(), Some("Deal - Value"));
        assert_eq!(
            column(line, Field::Status).as_deref(),
            Some("Deal - Status")
        );
        assert_eq!(
            column(line, Field::Created).as_deref(),
            Some("Deal - Deal created")
        );
        assert_eq!(
            column(line, Field::CloseDate).as_deref(),
            Some("Deal - Won time")
        );
        assert_eq!(
            column(line, Field::Source).as_deref(),
            Some("Deal - Source")
        );
    }

    #[test]
    fn zoho_leads_and_deals() {
        let leads = "Lead Owner,Lead Source,Lead Status,Created Time,Converted Deal,Company";
        assert_eq!(detected(leads).0, Some(FileKind::Leads));
        assert_eq!(
            column(leads, Field::Created).as_deref(),
            Some("Created Time")
        );
        assert_eq!(
            detect(&headers(leads), &[]).layout.converted,
            ConvertedRule::NonBlank
        );
        let deals = "Deal Name,Deal Owner,Amount,Stage,Closing Date,Lead Source,Created Time";
        assert_eq!(detected(deals).0, Some(FileKind::Opportunities));
        assert_eq!(
            column(deals, Field::CloseDate).as_deref(),
            Some("Closing Date")
        );
    }

    #[test]
    fn activities_and_summaries_and_snake_case() {
        let tasks = "Activity ID,Subject,Task Subtype,Lead ID,Activity Date,Assigned";
        assert_eq!(detected(tasks).0, Some(FileKind::Activities));
        assert_eq!(column(tasks, Field::LeadId).as_deref(), Some("Lead ID"));
        assert_eq!(
            column(tasks, Field::ActivityTime).as_deref(),
            Some("Activity Date")
        );
        assert_eq!(detected("metric,value").0, Some(FileKind::MetricSummary));
        assert_eq!(
            detected("Item,Answer,Note").0,
            Some(FileKind::MetricSummary)
        );
        let snake = "lead_id,created_at,first_response_at,lead_source,status,converted,owner";
        assert_eq!(detected(snake).0, Some(FileKind::Leads));
        assert_eq!(
            column(snake, Field::FirstResponse).as_deref(),
            Some("first_response_at")
        );
    }

    #[test]
    fn unknown_files_and_hand_mappings() {
        assert_eq!(detected("foo,bar,baz").0, None);
        let hs = headers("Lead,Born,First Call,Where From");
        let mappings: Vec<ColumnMapping> = [
            "First Call=first_response",
            "born=created",
            "Where From=source",
        ]
        .iter()
        .map(|m| m.parse().unwrap())
        .collect();
        let d = detect(&hs, &mappings);
        assert_eq!(d.kind, Some(FileKind::Leads));
        assert_eq!(d.layout.get(Field::FirstResponse), Some(2));
        assert_eq!(d.layout.get(Field::Created), Some(1));
        assert_eq!(d.layout.get(Field::Source), Some(3));
    }

    #[test]
    fn field_names_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.name()), Some(field));
            assert!(!field.describe().is_empty());
        }
        assert_eq!(
            Field::from_name("First Response"),
            Some(Field::FirstResponse)
        );
        assert_eq!(Field::from_name("nope"), None);
    }
}
