//! The metrics mcc knows by id and name: the ones it computes from exports and the checklist items
//! a metric summary file may also give. Summary values are read the way the wizard reads answers.

use crate::checklist::Unit;
use crate::checklist::answer::{self, Parsed};

use super::report::MetricUnit;
use super::sources::normalize;

/// A metric's id, name, unit and the other names a summary file may use for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MetricDef {
    pub id: &'static str,
    pub name: &'static str,
    pub unit: MetricUnit,
    pub aliases: &'static [&'static str],
}

const fn def(
    id: &'static str,
    name: &'static str,
    unit: MetricUnit,
    aliases: &'static [&'static str],
) -> MetricDef {
    MetricDef {
        id,
        name,
        unit,
        aliases,
    }
}

/// The metrics computed from exports, in report order.
pub(crate) const COMPUTED: [MetricDef; 14] = [
    def(
        "lead_count",
        "Leads",
        MetricUnit::Count,
        &["leads", "number of leads"],
    ),
    def(
        "lead_response_time",
        "Lead response time",
        MetricUnit::Minutes,
        &[
            "avg_lead_response_time",
            "average lead response time",
            "mean lead response time",
        ],
    ),
    def(
        "lead_response_time_median",
        "Median lead response time",
        MetricUnit::Minutes,
        &["median response time"],
    ),
    def(
        "leads_contacted_within_5_min",
        "Leads contacted in 5 min",
        MetricUnit::Percent,
        &[
            "pct_inbound_contacted_5min",
            "leads contacted within 5 minutes",
        ],
    ),
    def(
        "lead_follow_up_rate",
        "Lead follow-up rate",
        MetricUnit::Percent,
        &["follow up rate"],
    ),
    def(
        "lead_to_opportunity_rate",
        "Lead to opportunity rate",
        MetricUnit::Percent,
        &["conversion rate", "lead conversion rate"],
    ),
    def(
        "opportunity_count",
        "Opportunities",
        MetricUnit::Count,
        &["opportunities", "deals"],
    ),
    def(
        "pipeline_amount",
        "Pipeline amount",
        MetricUnit::Money,
        &["pipeline"],
    ),
    def(
        "marketing_pipeline_share",
        "Marketing share of pipeline",
        MetricUnit::Percent,
        &[
            "marketing_sourced_pipeline_pct",
            "marketing sourced pipeline",
        ],
    ),
    def(
        "marketing_revenue_share",
        "Marketing share of revenue",
        MetricUnit::Percent,
        &["marketing_sourced_revenue_pct", "marketing sourced revenue"],
    ),
    def("win_rate", "Win rate", MetricUnit::Percent, &[]),
    def(
        "marketing_win_rate",
        "Win rate on marketing deals",
        MetricUnit::Percent,
        &[],
    ),
    def(
        "other_win_rate",
        "Win rate on other deals",
        MetricUnit::Percent,
        &[],
    ),
    def(
        "average_deal_size",
        "Average deal size",
        MetricUnit::Money,
        &["avg deal size"],
    ),
];

/// Checklist items a summary may give that no export computes.
const TYPED_ONLY: [MetricDef; 5] = [
    def(
        "mql_to_sql_rate",
        "MQL to SQL rate",
        MetricUnit::Percent,
        &[],
    ),
    def(
        "pipeline_coverage",
        "Pipeline coverage",
        MetricUnit::Ratio,
        &["marketing_pipeline_coverage"],
    ),
    def(
        "ltv_to_cac",
        "LTV to CAC ratio",
        MetricUnit::Ratio,
        &["ltv cac"],
    ),
    def(
        "sales_marketing_sla",
        "Sales-marketing agreement",
        MetricUnit::YesNo,
        &["sla"],
    ),
    def(
        "cmo_comp_tied_to_revenue",
        "CMO bonus tied to revenue",
        MetricUnit::YesNo,
        &[],
    ),
];

/// The metric a summary row names, by id, name or alias (ignoring case and punctuation).
pub(crate) fn find(text: &str) -> Option<&'static MetricDef> {
    let wanted = normalize(text);
    if wanted.is_empty() {
        return None;
    }
    COMPUTED.iter().chain(TYPED_ONLY.iter()).find(|m| {
        normalize(m.id) == wanted
            || normalize(m.name) == wanted
            || m.aliases.iter().any(|a| normalize(a) == wanted)
    })
}

/// The definition of a computed metric.
pub(crate) fn computed(id: &str) -> &'static MetricDef {
    COMPUTED
        .iter()
        .find(|m| m.id == id)
        .expect("a known metric id")
}

/// Reads a summary value as the wizard would; `Ok(None)` means "don't know".
pub(crate) fn parse_value(metric: &MetricDef, text: &str) -> Result<Option<f64>, String> {
    let unit = metric.unit.checklist_unit().unwrap_or(Unit::Money);
    match answer::parse(unit, text) {
        Ok(Parsed::Value(value)) => Ok(Some(value)),
        Ok(Parsed::Unknown) => Ok(None),
        Err(error) => Err(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_metrics_by_id_name_or_alias() {
        assert_eq!(find("lead_response_time").unwrap().id, "lead_response_time");
        assert_eq!(find("Lead response time").unwrap().id, "lead_response_time");
        assert_eq!(
            find("Marketing Share of Pipeline").unwrap().id,
            "marketing_pipeline_share"
        );
        assert_eq!(
            find("marketing_sourced_revenue_pct").unwrap().id,
            "marketing_revenue_share"
        );
        assert_eq!(find("LTV to CAC ratio").unwrap().unit, MetricUnit::Ratio);
        assert!(find("happiness").is_none());
        assert!(find("").is_none());
    }

    #[test]
    fn values_read_like_wizard_answers() {
        let response = find("lead_response_time").unwrap();
        assert_eq!(parse_value(response, "1h 30m"), Ok(Some(90.0)));
        assert_eq!(parse_value(response, "?"), Ok(None));
        let share = find("marketing_pipeline_share").unwrap();
        assert_eq!(parse_value(share, "27.5%"), Ok(Some(27.5)));
        assert!(
            parse_value(share, "250%")
                .unwrap_err()
                .contains("between 0% and 100%")
        );
        let count = find("lead_count").unwrap();
        assert_eq!(parse_value(count, "1,204"), Ok(Some(1204.0)));
        let sla = find("sla").unwrap();
        assert_eq!(parse_value(sla, "partly"), Ok(Some(0.5)));
    }
}
