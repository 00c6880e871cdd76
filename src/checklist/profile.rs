//! Go-to-market profiles and the effective checklist for a session: the bands that depend on
//! how a company sells shift with its profile, the organisation's own benchmarks (see
//! [`super::benchmarks`]) override both, and each shifted item says why.

use serde::{Deserialize, Serialize};

use super::answer::format_value;
use super::benchmarks::{Benchmarks, Override};
use super::session::Session;
use super::{Bands, Checklist, Direction, Item, Verdicts};

/// How a company mostly finds its deals; chosen once per session.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum GoToMarket {
    /// Most deals start from leads marketing brings in.
    Inbound,
    /// Reps and SDRs find most deals themselves.
    Outbound,
    /// Partners and resellers bring in most deals.
    Partner,
    /// A few large named accounts, sold to account by account.
    Enterprise,
}

impl GoToMarket {
    /// Every profile, in the order a picker offers them.
    pub const ALL: [GoToMarket; 4] = [
        GoToMarket::Inbound,
        GoToMarket::Outbound,
        GoToMarket::Partner,
        GoToMarket::Enterprise,
    ];

    /// The key used in files and on the command line: "inbound", "outbound", ...
    pub fn key(self) -> &'static str {
        match self {
            GoToMarket::Inbound => "inbound",
            GoToMarket::Outbound => "outbound",
            GoToMarket::Partner => "partner",
            GoToMarket::Enterprise => "enterprise",
        }
    }

    /// The profile in words: "inbound-led", "enterprise account-based", ...
    pub fn label(self) -> &'static str {
        match self {
            GoToMarket::Inbound => "inbound-led",
            GoToMarket::Outbound => "outbound-led",
            GoToMarket::Partner => "partner / channel",
            GoToMarket::Enterprise => "enterprise account-based",
        }
    }

    /// One sentence on who the profile fits.
    pub fn description(self) -> &'static str {
        match self {
            GoToMarket::Inbound => {
                "Most deals start from leads marketing brings in: forms, content, search, events."
            }
            GoToMarket::Outbound => "Your reps and SDRs find most deals themselves.",
            GoToMarket::Partner => "Partners, resellers or a channel bring in most deals.",
            GoToMarket::Enterprise => "You sell to a few large named accounts, account by account.",
        }
    }
}

/// An item's bands for one go-to-market profile, as written in the checklist.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileBands {
    /// The bands in force for the profile.
    pub bands: Bands,
    /// The benchmark in a few words for the profile.
    pub benchmark: String,
    /// Why the bands are what they are, with the source or "mcc default".
    pub reason: String,
    /// Verdicts that read differently for the profile; the others stay.
    #[serde(default, skip_serializing_if = "VerdictChanges::is_empty")]
    pub verdicts: VerdictChanges,
}

/// Verdict sentences that replace the item's own for a profile.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictChanges {
    /// Replaces the good verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good: Option<String>,
    /// Replaces the watch verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watch: Option<String>,
    /// Replaces the poor verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poor: Option<String>,
}

impl VerdictChanges {
    /// Whether nothing is replaced.
    pub fn is_empty(&self) -> bool {
        self.good.is_none() && self.watch.is_none() && self.poor.is_none()
    }

    fn apply(&self, verdicts: &mut Verdicts) {
        for (change, verdict) in [
            (&self.good, &mut verdicts.good),
            (&self.watch, &mut verdicts.watch),
            (&self.poor, &mut verdicts.poor),
        ] {
            if let Some(text) = change {
                verdict.clone_from(text);
            }
        }
    }
}

impl Checklist {
    /// The checklist as it applies to `session`: its go-to-market profile's bands, then the
    /// organisation's `benchmarks` over them. Items that changed carry a `band_reason`.
    pub fn for_session(&self, session: &Session, benchmarks: &Benchmarks) -> Checklist {
        self.effective(session.go_to_market, benchmarks)
    }

    /// The checklist with `profile`'s bands, then the organisation's `benchmarks` over them.
    pub fn effective(&self, profile: Option<GoToMarket>, benchmarks: &Benchmarks) -> Checklist {
        Checklist {
            items: self
                .items
                .iter()
                .map(|item| item.effective(profile, benchmarks.get(&item.id)))
                .collect(),
        }
    }
}

impl Item {
    /// This item with `profile`'s bands and then `own` (the organisation's override) applied.
    fn effective(&self, profile: Option<GoToMarket>, own: Option<&Override>) -> Item {
        let mut item = self.clone();
        let mut replaced = format!(
            "the built-in benchmark, {} (source: {})",
            item.benchmark, item.source
        );
        if let Some(profile) = profile
            && let Some(shift) = self.by_profile.get(&profile)
        {
            item.bands = shift.bands;
            item.benchmark.clone_from(&shift.benchmark);
            shift.verdicts.apply(&mut item.verdicts);
            item.band_reason = Some(shift.reason.clone());
            replaced = format!("the {} benchmark, {}", profile.label(), edge_text(&item));
        }
        if let Some(own) = own {
            item.bands = own.bands;
            item.benchmark = own.benchmark.clone().unwrap_or_else(|| edge_text(&item));
            let benchmark = &item.benchmark;
            item.verdicts.good = format!("meets your organisation's benchmark of {benchmark}");
            item.verdicts.watch = format!(
                "short of your organisation's benchmark of {benchmark}, but inside its watch band"
            );
            item.verdicts.poor = format!(
                "outside your organisation's watch band (benchmark: {benchmark}); agree with marketing what would move it"
            );
            item.band_reason = Some(format!(
                "Your organisation's benchmark, from benchmarks.toml line {}: good {} {}, watch {} {}. It replaces {replaced}.",
                own.line,
                edge_word(item.better, true),
                format_value(item.unit, own.bands.good),
                edge_word(item.better, false),
                format_value(item.unit, own.bands.watch),
            ));
        }
        item
    }
}

/// "at or below" / "up to" for lower-is-better items, "from" for higher-is-better ones.
fn edge_word(better: Direction, good: bool) -> &'static str {
    match (better, good) {
        (Direction::Lower, true) => "at or below",
        (Direction::Lower, false) => "up to",
        (Direction::Higher, _) => "from",
    }
}

/// The good edge in words: "10 min or less", "20% or more".
fn edge_text(item: &Item) -> String {
    let edge = format_value(item.unit, item.bands.good);
    match item.better {
        Direction::Lower => format!("{edge} or less"),
        Direction::Higher => format!("{edge} or more"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::scoring::{Rating, rate, verdict};

    fn with_profile(profile: GoToMarket) -> Checklist {
        Checklist::built_in().effective(Some(profile), &Benchmarks::default())
    }

    #[test]
    fn without_a_profile_or_benchmarks_nothing_changes() {
        let built_in = Checklist::built_in();
        let same = built_in.effective(None, &Benchmarks::default());
        for (a, b) in built_in.items.iter().zip(&same.items) {
            assert_eq!(
                (a.bands, &a.benchmark, &a.verdicts.watch),
                (b.bands, &b.benchmark, &b.verdicts.watch)
            );
            assert_eq!(b.band_reason, None, "{}", b.id);
        }
    }

    #[test]
    fn enterprise_sellers_get_the_forrester_siriusdecisions_bands_with_the_reason() {
        let checklist = with_profile(GoToMarket::Enterprise);
        for id in ["marketing_pipeline_share", "marketing_revenue_share"] {
            let item = checklist.item(id).unwrap();
            assert_eq!(
                item.bands,
                Bands {
                    good: 10.0,
                    watch: 5.0
                },
                "{id}"
            );
            assert_eq!(
                [rate(item, 10.0), rate(item, 7.0), rate(item, 4.9)],
                [Rating::Good, Rating::Watch, Rating::Poor]
            );
            let reason = checklist.band_reason(id).unwrap();
            assert!(
                reason.starts_with("Enterprise account-based")
                    && reason.contains("SiriusDecisions"),
                "{reason}"
            );
        }
        let share = checklist.item("marketing_pipeline_share").unwrap();
        assert_eq!(share.benchmark, "10% or more (enterprise account-based)");
        assert!(
            verdict(share, Some(7.0)).starts_with("7%: below the 10% mark"),
            "{}",
            verdict(share, Some(7.0))
        );
        assert_eq!(
            share.verdicts.good,
            Checklist::built_in()
                .item("marketing_pipeline_share")
                .unwrap()
                .verdicts
                .good
        );
        assert_eq!(
            checklist.band_reason("lead_response_time"),
            None,
            "response time does not depend on the profile"
        );
    }

    #[test]
    fn outbound_and_partner_bands_say_they_are_mcc_defaults() {
        for profile in [GoToMarket::Outbound, GoToMarket::Partner] {
            let checklist = with_profile(profile);
            let share = checklist.item("marketing_pipeline_share").unwrap();
            assert_eq!(
                share.bands,
                Bands {
                    good: 15.0,
                    watch: 8.0
                }
            );
            assert!(
                share
                    .band_reason
                    .as_deref()
                    .unwrap()
                    .contains("mcc defaults, not from a study")
            );
            assert!(
                verdict(share, Some(12.0)).contains("reach 15%"),
                "{}",
                verdict(share, Some(12.0))
            );
            assert_eq!(
                rate(share, 18.0),
                Rating::Good,
                "18% is good for {profile:?}"
            );
        }
    }

    #[test]
    fn inbound_keeps_the_mid_market_bands_and_still_says_why() {
        let checklist = with_profile(GoToMarket::Inbound);
        let share = checklist.item("marketing_pipeline_share").unwrap();
        assert_eq!(
            share.bands,
            Bands {
                good: 25.0,
                watch: 15.0
            }
        );
        assert!(
            share
                .band_reason
                .as_deref()
                .unwrap()
                .starts_with("Inbound-led")
        );
    }

    #[test]
    fn every_profile_has_bands_for_both_share_items_and_names_round_trip() {
        let built_in = Checklist::built_in();
        for id in ["marketing_pipeline_share", "marketing_revenue_share"] {
            let item = built_in.item(id).unwrap();
            assert_eq!(item.by_profile.len(), GoToMarket::ALL.len(), "{id}");
        }
        for profile in GoToMarket::ALL {
            let json = serde_json::to_value(profile).unwrap();
            assert_eq!(json, profile.key());
            assert!(!profile.label().is_empty() && profile.description().ends_with('.'));
        }
    }

    #[test]
    fn a_session_s_profile_decides_its_checklist() {
        let mut session = Session::new("2026-Q3".parse().unwrap(), chrono::Utc::now());
        let built_in = Checklist::built_in();
        let share = |c: &Checklist| c.item("marketing_pipeline_share").unwrap().bands.good;
        assert_eq!(
            share(&built_in.for_session(&session, &Benchmarks::default())),
            25.0
        );
        session.go_to_market = Some(GoToMarket::Enterprise);
        assert_eq!(
            share(&built_in.for_session(&session, &Benchmarks::default())),
            10.0
        );
    }

    #[test]
    fn the_organisation_s_benchmarks_win_over_the_profile_and_say_so() {
        let (benchmarks, warnings) = Benchmarks::parse(
            "[marketing_pipeline_share]\ngood = 20\nwatch = 12\n\n[lead_response_time]\ngood = 10\nbenchmark = \"10 minutes, our SLA\"\n",
            &Checklist::built_in(),
        );
        assert_eq!(warnings, []);
        let checklist = Checklist::built_in().effective(Some(GoToMarket::Enterprise), &benchmarks);
        let share = checklist.item("marketing_pipeline_share").unwrap();
        assert_eq!(
            share.bands,
            Bands {
                good: 20.0,
                watch: 12.0
            }
        );
        assert_eq!(share.benchmark, "20% or more");
        assert_eq!(
            share.band_reason.as_deref(),
            Some(
                "Your organisation's benchmark, from benchmarks.toml line 1: good from 20%, watch from 12%. It replaces the enterprise account-based benchmark, 10% or more."
            )
        );
        assert_eq!(
            verdict(share, Some(15.0)),
            "15%: short of your organisation's benchmark of 20% or more, but inside its watch band"
        );

        let response = checklist.item("lead_response_time").unwrap();
        assert_eq!(
            response.bands,
            Bands {
                good: 10.0,
                watch: 60.0
            }
        );
        assert_eq!(
            verdict(response, Some(8.0)),
            "8 min: meets your organisation's benchmark of 10 minutes, our SLA"
        );
        assert!(
            verdict(response, Some(90.0))
                .starts_with("1 h 30 min: outside your organisation's watch band")
        );
        assert_eq!(
            response.band_reason.as_deref(),
            Some(
                "Your organisation's benchmark, from benchmarks.toml line 5: good at or below 10 min, watch up to 1 h. It replaces the built-in benchmark, 5 minutes or less (source: Lead Response Management Study, Oldroyd (MIT) with InsideSales.com, 2007; 1-hour edge: HBR, The Short Life of Online Sales Leads, 2011)."
            )
        );
        assert!(
            verdict(response, None).starts_with("Not known: ask sales ops"),
            "unknown keeps its advice"
        );
    }
}
