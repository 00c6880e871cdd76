//! Talking points for the meeting: for each poor or unknown item the question to put to the
//! marketing leader, for follow-up items the question for the sales leader's own team, and
//! for every item one sentence for its presentation slide. The questions are data in the
//! checklist (`ask_marketing`, `ask_own_team`); they are about the number, not about blame.

use super::trends::against_benchmark;
use crate::checklist::answer::format_value;
use crate::checklist::scoring::{Rating, rate_answer};
use crate::checklist::session::Session;
use crate::checklist::{Checklist, Item};

/// What to say and ask about one item.
#[derive(Debug, Clone)]
pub struct TalkingPoint<'a> {
    /// The checklist item.
    pub item: &'a Item,
    /// The value, when one was given.
    pub value: Option<f64>,
    /// How the value compares with the benchmark.
    pub rating: Rating,
    /// The question for the marketing leader, for poor and unknown items.
    pub ask_marketing: Option<&'a str>,
    /// The question for the sales leader's own team, for follow-up items that are poor or
    /// unknown.
    pub ask_own_team: Option<&'a str>,
    /// One sentence for the item's slide, by rating.
    pub point: String,
}

impl<'a> TalkingPoint<'a> {
    /// The talking point for `item` as answered in `session`.
    pub fn new(item: &'a Item, session: &Session) -> Self {
        let answer = session.answer(&item.id);
        let value = answer.and_then(|a| a.value);
        let rating = match answer {
            Some(_) => rate_answer(item, value),
            None => Rating::Unanswered,
        };
        let asked = matches!(rating, Rating::Poor | Rating::Unknown);
        let ask = match &item.ask_own_team {
            Some(own) => format!("Ask your own team first: {own}"),
            None => format!("Ask marketing: {}", item.ask_marketing),
        };
        let point = match (rating, value) {
            (Rating::Good, Some(v)) => format!(
                "{} {}: say so out loud, and agree together how to keep it there.",
                format_value(item.unit, v),
                against_benchmark(item, v)
            ),
            (Rating::Watch, Some(v)) => format!(
                "{} is {}: short of it, but not yet a problem. {ask}",
                format_value(item.unit, v),
                against_benchmark(item, v)
            ),
            (Rating::Poor, Some(v)) => format!(
                "{} is {}, and that costs deals. {ask}",
                format_value(item.unit, v),
                against_benchmark(item, v)
            ),
            (Rating::Unanswered, _) => format!("Not answered yet. {}", item.question),
            _ => format!(
                "Nobody knows this number yet, so nobody can say whether it helps or hurts. {ask}"
            ),
        };
        Self {
            item,
            value,
            rating,
            ask_marketing: asked.then_some(item.ask_marketing.as_str()),
            ask_own_team: item.ask_own_team.as_deref().filter(|_| asked),
            point,
        }
    }
}

/// A talking point per checklist item, in checklist order (pass the session's effective
/// checklist).
pub fn talking_points<'a>(checklist: &'a Checklist, session: &Session) -> Vec<TalkingPoint<'a>> {
    checklist
        .items
        .iter()
        .map(|item| TalkingPoint::new(item, session))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use crate::report::tests::at;

    fn session() -> Session {
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        for (id, value, text) in [
            ("lead_response_time", Parsed::Value(40.0), "40m"),
            ("lead_follow_up_rate", Parsed::Value(35.0), "35%"),
            ("leads_contacted_within_5_min", Parsed::Unknown, "?"),
            ("marketing_pipeline_share", Parsed::Value(30.0), "30%"),
            ("mql_to_sql_rate", Parsed::Value(10.0), "10%"),
            ("ltv_to_cac", Parsed::Unknown, "?"),
        ] {
            session.record_typed(id, value, text, at(9));
        }
        session
    }

    fn point<'a>(points: &'a [TalkingPoint<'a>], id: &str) -> &'a TalkingPoint<'a> {
        points.iter().find(|p| p.item.id == id).unwrap()
    }

    #[test]
    fn poor_and_unknown_items_get_the_question_for_marketing() {
        let checklist = Checklist::built_in();
        let points = talking_points(&checklist, &session());
        assert_eq!(points.len(), checklist.items.len());
        let asked: Vec<&str> = points
            .iter()
            .filter(|p| p.ask_marketing.is_some())
            .map(|p| p.item.id.as_str())
            .collect();
        assert_eq!(
            asked,
            [
                "leads_contacted_within_5_min",
                "lead_follow_up_rate",
                "mql_to_sql_rate",
                "ltv_to_cac"
            ]
        );
        let mql = point(&points, "mql_to_sql_rate");
        assert_eq!(
            mql.ask_marketing,
            Some(
                checklist
                    .item("mql_to_sql_rate")
                    .unwrap()
                    .ask_marketing
                    .as_str()
            )
        );
        assert_eq!(mql.ask_own_team, None, "not a follow-up item");
        assert_eq!(
            point(&points, "lead_response_time").ask_marketing,
            None,
            "watch is not asked"
        );
    }

    #[test]
    fn follow_up_items_also_get_the_question_for_the_team() {
        let checklist = Checklist::built_in();
        let points = talking_points(&checklist, &session());
        let follow_up = point(&points, "lead_follow_up_rate");
        assert!(
            follow_up
                .ask_own_team
                .unwrap()
                .starts_with("What share of marketing's leads did we call or email")
        );
        assert!(
            point(&points, "leads_contacted_within_5_min")
                .ask_own_team
                .is_some()
        );
        assert_eq!(
            point(&points, "lead_response_time").ask_own_team,
            None,
            "watch"
        );
    }

    #[test]
    fn each_rating_has_its_own_slide_sentence() {
        let checklist = Checklist::built_in();
        let points = talking_points(&checklist, &session());
        assert_eq!(
            point(&points, "marketing_pipeline_share").point,
            "30% meets the 25% benchmark: say so out loud, and agree together how to keep it there."
        );
        assert_eq!(
            point(&points, "lead_response_time").point,
            "40 min is 8x the 5-minute benchmark: short of it, but not yet a problem. Ask your own team first: What was our median time to first call or email on inbound leads last quarter, and what would it take to get it under 5 minutes?"
        );
        assert!(
            point(&points, "mql_to_sql_rate")
                .point
                .starts_with("10% is 40 points short of the 50% benchmark, and that costs deals. Ask marketing: Of the leads you marked ready")
        );
        assert!(
            point(&points, "ltv_to_cac")
                .point
                .starts_with("Nobody knows this number yet, so nobody can say whether it helps or hurts. Ask marketing: What does it cost")
        );
        let unanswered = point(&points, "sales_marketing_sla");
        assert_eq!(unanswered.rating, Rating::Unanswered);
        assert!(
            unanswered
                .point
                .starts_with("Not answered yet. Is there a written agreement")
        );
    }

    #[test]
    fn a_profile_moves_the_rating_and_so_the_question() {
        let built_in = Checklist::built_in();
        let mut session = session();
        session.record_typed(
            "marketing_pipeline_share",
            Parsed::Value(12.0),
            "12%",
            at(9),
        );
        let plain = built_in.for_session(&session, &Default::default());
        assert!(
            point(
                &talking_points(&plain, &session),
                "marketing_pipeline_share"
            )
            .ask_marketing
            .is_some()
        );
        session.go_to_market = Some(crate::checklist::profile::GoToMarket::Enterprise);
        let enterprise = built_in.for_session(&session, &Default::default());
        let share = talking_points(&enterprise, &session)
            .into_iter()
            .find(|p| p.item.id == "marketing_pipeline_share")
            .unwrap();
        assert_eq!(share.rating, Rating::Good);
        assert_eq!(share.ask_marketing, None);
        assert!(
            share.point.starts_with("12% meets the 10% benchmark"),
            "{}",
            share.point
        );
    }
}
