//! The revenue gap in plain English: from quota, revenue closed, win rate, average deal size
//! and the lead-to-opportunity rate, how big the miss was and what it means in pipeline,
//! opportunities and leads; and, where response time or follow-up is short of the benchmark,
//! what fixing it could be worth, naming the sourced figure and the assumption used.
//! Missing or zero inputs give "need X to say this", never a division by zero.

use serde::Serialize;
use serde_json::{Value, json};

use crate::checklist::answer::format_value;
use crate::checklist::quarter::Quarter;
use crate::checklist::scoring::{Rating, rate_answer};
use crate::checklist::session::{AnswerSource, GapInput, Session};
use crate::checklist::{Checklist, Unit};
use crate::import::count;

/// The checklist item the lead-to-opportunity rate falls back to when none was typed.
const LEAD_TO_OPPORTUNITY_ITEM: &str = "lead_to_opportunity_rate";

/// How much mcc assumes a faster response lifts the lead-to-opportunity rate: a deliberately
/// small share of the studies' odds, which were measured on qualifying leads, not on
/// opportunities.
const RESPONSE_LIFT: f64 = 1.5;

/// The follow-up rate the CSO Insights 2012 figure is about.
const FOLLOW_UP_TARGET: f64 = 75.0;

/// The minutes past which the HBR 2011 one-hour figure applies.
const HOUR: f64 = 60.0;

/// The minutes within which the LRM 2007 five-minute figure applies.
const FIVE_MINUTES: f64 = 5.0;

/// HBR 2011, on responding within the hour.
const HBR_2011: &str = "HBR, The Short Life of Online Sales Leads, 2011: firms that tried to reach a lead within an hour were nearly 7x as likely to qualify it as firms that tried even an hour later";

/// LRM 2007, on responding within 5 minutes.
const LRM_2007: &str = "Lead Response Management Study, Oldroyd (MIT) with InsideSales.com, 2007: a lead called within 5 minutes was 21x more likely to qualify than one called at 30 minutes";

/// CSO Insights 2012, on working marketing's leads.
const CSO_2012: &str = "CSO Insights Sales Performance Optimization study, 2012: only 55% of companies had reps working 75% or more of marketing's leads";

/// Where an input's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputSource {
    /// Typed in the gap screen or on the command line.
    Typed,
    /// Computed from CRM exports.
    Imported,
    /// The checklist's own answer for the same number.
    Checklist,
}

/// One input as the calculation used it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GapFigure {
    /// Which input.
    pub input: GapInput,
    /// The value; `None` when not given or not known.
    pub value: Option<f64>,
    /// Where it came from; `None` when not given.
    pub source: Option<InputSource>,
}

impl GapFigure {
    /// The value in words: "$5M", "22%", "not known" or "not given".
    pub fn text(&self) -> String {
        match (self.value, self.source) {
            (Some(v), _) => format_value(self.input.unit(), v),
            (None, Some(_)) => "not known".to_string(),
            (None, None) => "not given".to_string(),
        }
    }

    /// The value when it is above zero, the only values the calculation can divide by.
    fn positive(&self) -> Option<f64> {
        self.value.filter(|v| *v > 0.0)
    }
}

/// What fixing response time or follow-up could be worth, with the figure and assumption.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixEstimate {
    /// The checklist item that is short of its benchmark.
    pub item: String,
    /// Its rating.
    pub rating: Rating,
    /// The sourced figure used, with its source.
    pub figure: String,
    /// The assumption that turns the figure into a number, in words.
    pub assumption: String,
    /// Leads the gap would take after the fix (unrounded); `None` when it can't be said.
    pub leads_needed: Option<f64>,
    /// The estimate in one or two sentences.
    pub sentence: String,
}

/// The miss and what it means in pipeline, opportunities and leads.
#[derive(Debug, Clone, PartialEq)]
pub struct RevenueGap {
    /// The quarter.
    pub quarter: Quarter,
    /// The five inputs, in [`GapInput::ALL`] order.
    pub inputs: [GapFigure; 5],
    /// Quota less revenue closed; negative when the number was beaten.
    pub miss: Option<f64>,
    /// Pipeline it would take to close the miss at the win rate (unrounded).
    pub pipeline_needed: Option<f64>,
    /// Opportunities of the average deal size in that pipeline (unrounded).
    pub opportunities_needed: Option<f64>,
    /// Leads it would take at the lead-to-opportunity rate (unrounded).
    pub leads_needed: Option<f64>,
    /// The answer in plain English, rounded: "You missed by $1.4M. At a 22% win rate ...".
    pub sentence: String,
    /// What is missing to say more: "Need the win rate to say how much pipeline that is."
    pub needs: Vec<String>,
    /// What fixing response time or follow-up could be worth.
    pub fixes: Vec<FixEstimate>,
}

impl RevenueGap {
    /// The gap for `session`, rating response time and follow-up against `checklist` (pass
    /// the session's effective checklist).
    pub fn new(checklist: &Checklist, session: &Session) -> Self {
        let inputs = GapInput::ALL.map(|input| figure(session, input));
        let mut gap = Self::compute(session.quarter, inputs);
        gap.fixes = fixes(checklist, session, inputs[4].value, gap.leads_needed);
        gap
    }

    /// The arithmetic and the sentence from the inputs alone.
    fn compute(quarter: Quarter, inputs: [GapFigure; 5]) -> Self {
        let [quota, closed, win_rate, deal_size, lead_rate] = inputs;
        let (quota, closed) = (quota.value, closed.value);
        let mut gap = Self {
            quarter,
            inputs,
            miss: None,
            pipeline_needed: None,
            opportunities_needed: None,
            leads_needed: None,
            sentence: String::new(),
            needs: Vec::new(),
            fixes: Vec::new(),
        };
        let (quota, closed) = match (quota.filter(|q| *q > 0.0), closed) {
            (Some(quota), Some(closed)) => (quota, closed),
            (None, _) if quota == Some(0.0) => {
                gap.needs
                    .push("Need a quota above $0 to say how big the miss was.".into());
                return gap.finish();
            }
            (q, c) => {
                let missing: Vec<&str> = [(q, GapInput::Quota), (c, GapInput::Closed)]
                    .iter()
                    .filter(|(value, _)| value.is_none())
                    .map(|(_, input)| input.label())
                    .collect();
                gap.needs.push(format!(
                    "Need {} to say how big the miss was.",
                    missing.join(" and ")
                ));
                return gap.finish();
            }
        };
        let miss = quota - closed;
        gap.miss = Some(miss);
        let money = |v: f64| format_value(Unit::Money, v);
        if miss <= 0.0 {
            gap.sentence = if miss == 0.0 {
                format!("You made the number exactly: {} closed.", money(closed))
            } else {
                format!(
                    "You made the number: {} closed against a {} quota, {} over.",
                    money(closed),
                    money(quota),
                    money(-miss)
                )
            };
            return gap;
        }
        gap.sentence = format!("You missed by {}.", money(miss));
        let Some(rate) = win_rate.positive() else {
            gap.needs
                .push(need(&win_rate, "say how much pipeline that is"));
            return gap.finish();
        };
        let pipeline = miss / (rate / 100.0);
        gap.pipeline_needed = Some(pipeline);
        let rate_text = format_value(Unit::Percent, rate);
        let Some(size) = deal_size.positive() else {
            gap.sentence += &format!(
                " At a {rate_text} win rate that is {} of pipeline.",
                money(pipeline)
            );
            gap.needs
                .push(need(&deal_size, "say how many opportunities that is"));
            return gap.finish();
        };
        let opportunities = pipeline / size;
        gap.opportunities_needed = Some(opportunities);
        gap.sentence += &format!(
            " At a {rate_text} win rate and {} deals that is {} of pipeline, {}",
            money(size),
            money(pipeline),
            about(opportunities, "opportunity", "opportunities")
        );
        let Some(lead_rate) = lead_rate.positive() else {
            gap.sentence.push('.');
            gap.needs
                .push(need(&lead_rate, "say how many leads that is"));
            return gap.finish();
        };
        let leads = opportunities / (lead_rate / 100.0);
        gap.leads_needed = Some(leads);
        gap.sentence += &format!(
            ", {} at your {} lead-to-opportunity rate.",
            about(leads, "lead", "leads"),
            format_value(Unit::Percent, lead_rate)
        );
        gap
    }

    /// Puts the needs into the sentence when there is nothing else to say.
    fn finish(mut self) -> Self {
        let needs = self.needs.join(" ");
        self.sentence = [self.sentence.as_str(), needs.as_str()]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        self
    }

    /// The gap as plain text: the inputs, the sentence, then each estimate.
    pub fn to_text(&self) -> String {
        let mut text = format!("Revenue gap for {}\n\n", self.quarter);
        for figure in &self.inputs {
            let source = match figure.source {
                Some(InputSource::Typed) => " (typed)",
                Some(InputSource::Imported) => " (imported)",
                Some(InputSource::Checklist) => " (from the checklist answer)",
                None => "",
            };
            let label = super::sentence_case(figure.input.label().trim_start_matches("the "));
            text += &format!("{label:<28}{}{source}\n", figure.text());
        }
        text += &format!("\n{}\n", self.sentence);
        for fix in &self.fixes {
            text += &format!("\n{}\n", fix.sentence);
        }
        if self.fixes.len() > 1 {
            text += "\nEach estimate stands alone; they overlap, so don't add them up.\n";
        }
        text
    }

    /// The gap as JSON: `quarter`, `inputs` (each `{value, source}`), `miss`,
    /// `pipeline_needed`, `opportunities_needed`, `leads_needed` (unrounded), `sentence`,
    /// `needs` and `fixes` (each `{item, rating, figure, assumption, leads_needed, sentence}`).
    pub fn to_json(&self) -> Value {
        let inputs: serde_json::Map<String, Value> = self
            .inputs
            .iter()
            .map(|f| {
                let entry = json!({ "value": f.value, "source": f.source });
                (f.input.key().to_string(), entry)
            })
            .collect();
        json!({
            "quarter": self.quarter,
            "inputs": inputs,
            "miss": self.miss,
            "pipeline_needed": self.pipeline_needed,
            "opportunities_needed": self.opportunities_needed,
            "leads_needed": self.leads_needed,
            "sentence": self.sentence,
            "needs": self.needs,
            "fixes": self.fixes,
        })
    }
}

/// One input from the session: its gap section first, then (for the lead-to-opportunity
/// rate) the checklist answer.
fn figure(session: &Session, input: GapInput) -> GapFigure {
    if let Some(answer) = session.gap.get(&input) {
        let source = match answer.source {
            AnswerSource::Typed => InputSource::Typed,
            AnswerSource::Imported { .. } => InputSource::Imported,
        };
        return GapFigure {
            input,
            value: answer.value,
            source: Some(source),
        };
    }
    let answer = (input == GapInput::LeadToOpportunityRate)
        .then(|| session.answer(LEAD_TO_OPPORTUNITY_ITEM))
        .flatten();
    GapFigure {
        input,
        value: answer.and_then(|a| a.value),
        source: answer.map(|_| InputSource::Checklist),
    }
}

/// "Need the win rate to say ...", or "Need a win rate above 0% to say ..." when it is zero.
fn need(figure: &GapFigure, to_say: &str) -> String {
    if figure.value == Some(0.0) {
        let name = figure.input.label().trim_start_matches("the ");
        let zero = format_value(figure.input.unit(), 0.0);
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("Need {article} {name} above {zero} to {to_say}.")
    } else {
        format!("Need {} to {to_say}.", figure.input.label())
    }
}

/// What fixing response time and follow-up could be worth, where they are short of the
/// benchmark: at most one estimate for response, one for follow-up.
fn fixes(
    checklist: &Checklist,
    session: &Session,
    lead_rate: Option<f64>,
    leads_needed: Option<f64>,
) -> Vec<FixEstimate> {
    let short = |id: &str| {
        let item = checklist.item(id)?;
        let value = session.answer(id)?.value?;
        let rating = rate_answer(item, Some(value));
        matches!(rating, Rating::Watch | Rating::Poor).then_some((item, value, rating))
    };
    let mut fixes = Vec::new();
    let response = short("lead_response_time")
        .filter(|(_, minutes, _)| *minutes > FIVE_MINUTES)
        .map(|(item, minutes, rating)| {
            let figure = if minutes > HOUR { HBR_2011 } else { LRM_2007 };
            let value = format_value(item.unit, minutes);
            (item, rating, figure, format!("{} is {value}", item.name))
        })
        .or_else(|| {
            let rated = session
                .answer("lead_response_time")
                .and_then(|a| a.value)
                .and_then(|v| {
                    checklist
                        .item("lead_response_time")
                        .map(|i| rate_answer(i, Some(v)))
                });
            if rated == Some(Rating::Good) {
                return None;
            }
            short("leads_contacted_within_5_min").map(|(item, share, rating)| {
                let value = format_value(item.unit, share);
                let said = format!("{value} of inbound leads are contacted within 5 minutes");
                (item, rating, LRM_2007, said)
            })
        });
    if let Some((item, rating, figure, said)) = response {
        let assumption = format!(
            "only a {RESPONSE_LIFT}x rise in your lead-to-opportunity rate (an mcc assumption, well below the study's figure, which measured qualifying leads, not opportunities)"
        );
        let after = match (leads_needed, lead_rate.filter(|r| *r > 0.0)) {
            (Some(leads), Some(rate)) => Some(leads * rate / (rate * RESPONSE_LIFT).min(100.0)),
            _ => None,
        };
        let effect = match (after, leads_needed) {
            (Some(after), Some(before)) => format!(
                "answering sooner could close the same gap with {} instead of {}",
                about(after, "lead", "leads"),
                about(before, "lead", "leads")
            ),
            _ => format!(
                "answering sooner could turn the same leads into about {RESPONSE_LIFT}x as many opportunities"
            ),
        };
        fixes.push(FixEstimate {
            item: item.id.clone(),
            rating,
            figure: figure.to_string(),
            sentence: format!("{said}. {figure}. Assuming {assumption}, {effect}."),
            assumption,
            leads_needed: after,
        });
    }
    let follow_up =
        short("lead_follow_up_rate").filter(|(_, rate, _)| *rate > 0.0 && *rate < FOLLOW_UP_TARGET);
    if let Some((item, rate, rating)) = follow_up {
        let assumption = "the extra leads worked turn into opportunities as often as the ones your reps work now (a best case: the leads reps skip may be weaker)".to_string();
        let after = leads_needed.map(|leads| leads * rate / FOLLOW_UP_TARGET);
        let effect = match (after, leads_needed) {
            (Some(after), Some(before)) => format!(
                "the same gap could take as few as {} instead of {}",
                about(after, "lead", "leads"),
                about(before, "lead", "leads")
            ),
            _ => format!(
                "the same leads could give up to {}% more opportunities",
                ((FOLLOW_UP_TARGET / rate - 1.0) * 100.0).round()
            ),
        };
        let target = format_value(item.unit, FOLLOW_UP_TARGET);
        fixes.push(FixEstimate {
            item: item.id.clone(),
            rating,
            figure: CSO_2012.to_string(),
            sentence: format!(
                "{} is {}. {CSO_2012}. Working {target} of marketing's leads would put about {} more of every 100 in front of a rep. Assuming {assumption}, {effect}.",
                item.name,
                format_value(item.unit, rate),
                (FOLLOW_UP_TARGET - rate).round(),
            ),
            assumption,
            leads_needed: after,
        });
    }
    fixes
}

/// A count with no invented precision: "about 133 opportunities" below 1,000 (at least 1),
/// "about 1,300 leads" (two significant figures) from 1,000 up.
pub fn about(n: f64, one: &str, many: &str) -> String {
    let rounded = if n < 1000.0 {
        n.round().max(1.0)
    } else {
        let scale = 10f64.powi(n.log10().floor() as i32 - 1);
        (n / scale).round() * scale
    };
    let whole = rounded as u64;
    let noun = if whole == 1 { one } else { many };
    format!("about {} {noun}", count(whole))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use crate::checklist::session::Answer;
    use crate::report::tests::at;

    /// A session with the gap inputs typed as given ("" leaves one out).
    fn typed(inputs: [&str; 5]) -> Session {
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        for (input, text) in GapInput::ALL.into_iter().zip(inputs) {
            if !text.is_empty() {
                let parsed = crate::checklist::answer::parse(input.unit(), text).unwrap();
                session.record_gap_typed(input, parsed, text, at(9));
            }
        }
        session
    }

    fn gap(inputs: [&str; 5]) -> RevenueGap {
        RevenueGap::new(&Checklist::built_in(), &typed(inputs))
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-6 * b.abs().max(1.0))
    }

    #[test]
    fn the_worked_example_from_miss_to_leads() {
        // 5M - 3.6M = 1.4M; 1.4M / 0.22 = 6,363,636; / 48k = 132.6; / 0.10 = 1,325.8.
        let gap = gap(["5M", "3.6M", "22", "48k", "10%"]);
        assert!(close(gap.miss, 1_400_000.0));
        assert!(close(gap.pipeline_needed, 1_400_000.0 / 0.22));
        assert!(close(
            gap.opportunities_needed,
            1_400_000.0 / 0.22 / 48_000.0
        ));
        assert!(close(
            gap.leads_needed,
            1_400_000.0 / 0.22 / 48_000.0 / 0.10
        ));
        assert_eq!(
            gap.sentence,
            "You missed by $1.4M. At a 22% win rate and $48k deals that is $6.4M of pipeline, about 133 opportunities, about 1,300 leads at your 10% lead-to-opportunity rate."
        );
        assert!(gap.needs.is_empty());
        assert!(gap.fixes.is_empty(), "no response or follow-up answers");
        assert_eq!(gap.inputs[0].source, Some(InputSource::Typed));
    }

    #[test]
    fn a_second_worked_example_with_odd_numbers() {
        // 2.8M - 2.45M = 350k; 350k / 0.25 = 1.4M; / 35k = 40; / 0.08 = 500.
        let gap = gap(["2.8M", "2,450,000", "25%", "$35,000", "8"]);
        assert!(close(gap.pipeline_needed, 1_400_000.0));
        assert!(close(gap.opportunities_needed, 40.0));
        assert!(close(gap.leads_needed, 500.0));
        assert_eq!(
            gap.sentence,
            "You missed by $350k. At a 25% win rate and $35k deals that is $1.4M of pipeline, about 40 opportunities, about 500 leads at your 8% lead-to-opportunity rate."
        );
    }

    #[test]
    fn missing_inputs_say_what_is_needed_instead_of_dividing() {
        let nothing = gap(["", "", "", "", ""]);
        assert_eq!((nothing.miss, nothing.pipeline_needed), (None, None));
        assert_eq!(
            nothing.sentence,
            "Need the quota and the revenue closed to say how big the miss was."
        );
        assert_eq!(
            gap(["5M", "", "22", "", ""]).sentence,
            "Need the revenue closed to say how big the miss was."
        );
        let no_rate = gap(["5M", "3.6M", "", "48k", "10"]);
        assert!(close(no_rate.miss, 1_400_000.0));
        assert_eq!(no_rate.pipeline_needed, None);
        assert_eq!(
            no_rate.sentence,
            "You missed by $1.4M. Need the win rate to say how much pipeline that is."
        );
        let no_size = gap(["5M", "3.6M", "22", "?", "10"]);
        assert_eq!(no_size.opportunities_needed, None);
        assert_eq!(
            no_size.sentence,
            "You missed by $1.4M. At a 22% win rate that is $6.4M of pipeline. Need the average deal size to say how many opportunities that is."
        );
        assert_eq!(no_size.inputs[3].text(), "not known");
        let no_leads = gap(["5M", "3.6M", "22", "48k", ""]);
        assert_eq!(no_leads.leads_needed, None);
        assert_eq!(
            no_leads.sentence,
            "You missed by $1.4M. At a 22% win rate and $48k deals that is $6.4M of pipeline, about 133 opportunities. Need the lead-to-opportunity rate to say how many leads that is."
        );
        assert_eq!(no_leads.needs.len(), 1);
        assert_eq!(no_leads.inputs[4].text(), "not given");
    }

    #[test]
    fn zero_inputs_are_never_divided_by() {
        assert_eq!(
            gap(["0", "3.6M", "22", "48k", "10"]).sentence,
            "Need a quota above $0 to say how big the miss was."
        );
        let zero_rate = gap(["5M", "3.6M", "0", "48k", "10"]);
        assert_eq!(zero_rate.pipeline_needed, None);
        assert_eq!(
            zero_rate.sentence,
            "You missed by $1.4M. Need a win rate above 0% to say how much pipeline that is."
        );
        assert!(gap(["5M", "3.6M", "22", "0", "10"]).sentence.ends_with(
            "Need an average deal size above $0 to say how many opportunities that is."
        ));
        let zero_leads = gap(["5M", "3.6M", "22", "48k", "0"]);
        assert_eq!(zero_leads.leads_needed, None);
        assert!(
            zero_leads.sentence.ends_with(
                "Need a lead-to-opportunity rate above 0% to say how many leads that is."
            )
        );
        let nothing_closed = gap(["1M", "0", "20", "50k", "10"]);
        assert!(close(nothing_closed.leads_needed, 1_000.0));
    }

    #[test]
    fn making_or_beating_the_number_says_so() {
        let beaten = gap(["5M", "5.2M", "22", "48k", "10"]);
        assert!(close(beaten.miss, -200_000.0));
        assert_eq!(beaten.pipeline_needed, None);
        assert_eq!(
            beaten.sentence,
            "You made the number: $5.2M closed against a $5M quota, $200k over."
        );
        assert_eq!(
            gap(["5M", "5M", "", "", ""]).sentence,
            "You made the number exactly: $5M closed."
        );
    }

    #[test]
    fn the_lead_rate_falls_back_to_the_checklist_and_imports_are_named() {
        let mut session = typed(["5M", "3.6M", "", "48k", ""]);
        session.record_typed(
            "lead_to_opportunity_rate",
            Parsed::Value(10.0),
            "10%",
            at(9),
        );
        let imported = Answer {
            value: Some(22.0),
            text: "22%".into(),
            answered_at: at(9),
            source: AnswerSource::Imported {
                files: vec!["opps.csv".into()],
                rows_used: 100,
            },
        };
        session.gap.insert(GapInput::WinRate, imported);
        let gap = RevenueGap::new(&Checklist::built_in(), &session);
        assert_eq!(gap.inputs[2].source, Some(InputSource::Imported));
        assert_eq!(gap.inputs[4].source, Some(InputSource::Checklist));
        assert!(close(
            gap.leads_needed,
            1_400_000.0 / 0.22 / 48_000.0 / 0.10
        ));
        session.record_gap_typed(
            GapInput::LeadToOpportunityRate,
            Parsed::Value(20.0),
            "20",
            at(10),
        );
        let typed_wins = RevenueGap::new(&Checklist::built_in(), &session);
        assert!(close(
            typed_wins.leads_needed,
            1_400_000.0 / 0.22 / 48_000.0 / 0.20
        ));
    }

    #[test]
    fn slow_response_and_thin_follow_up_are_sized_with_the_figure_and_assumption() {
        let mut session = typed(["5M", "3.6M", "22", "48k", "10"]);
        session.record_typed("lead_response_time", Parsed::Value(660.0), "11h", at(9));
        session.record_typed("lead_follow_up_rate", Parsed::Value(62.0), "62%", at(9));
        let gap = RevenueGap::new(&Checklist::built_in(), &session);
        assert_eq!(gap.fixes.len(), 2);
        let (response, follow_up) = (&gap.fixes[0], &gap.fixes[1]);
        // 1,325.8 leads at 10%; at 15% (1.5x) that is 883.8.
        assert_eq!(response.item, "lead_response_time");
        assert_eq!(response.rating, Rating::Poor);
        assert!(
            response
                .figure
                .starts_with("HBR, The Short Life of Online Sales Leads, 2011")
        );
        assert!(close(
            response.leads_needed,
            1_400_000.0 / 0.22 / 48_000.0 / 0.15
        ));
        assert!(response.assumption.contains("only a 1.5x rise"));
        assert_eq!(
            response.sentence,
            format!(
                "Lead response time is 11 h. {HBR_2011}. Assuming {}, answering sooner could close the same gap with about 884 leads instead of about 1,300 leads.",
                response.assumption
            )
        );
        // 1,325.8 x 62 / 75 = 1,096.
        assert_eq!(follow_up.item, "lead_follow_up_rate");
        assert_eq!(follow_up.rating, Rating::Watch);
        assert!(follow_up.figure.starts_with("CSO Insights"));
        assert!(close(
            follow_up.leads_needed,
            1_400_000.0 / 0.22 / 48_000.0 / 0.10 * 62.0 / 75.0
        ));
        assert!(
            follow_up
                .sentence
                .contains("would put about 13 more of every 100 in front of a rep")
        );
        assert!(follow_up.sentence.ends_with("weaker), the same gap could take as few as about 1,100 leads instead of about 1,300 leads."), "{}", follow_up.sentence);
        let text = gap.to_text();
        assert!(text.contains("Each estimate stands alone"), "{text}");
    }

    #[test]
    fn within_the_hour_uses_the_five_minute_study_and_good_response_is_not_sized() {
        let mut session = typed(["", "", "", "", ""]);
        session.record_typed("lead_response_time", Parsed::Value(20.0), "20m", at(9));
        session.record_typed("lead_follow_up_rate", Parsed::Value(40.0), "40%", at(9));
        let gap = RevenueGap::new(&Checklist::built_in(), &session);
        assert_eq!(gap.fixes[0].figure, LRM_2007);
        assert_eq!(gap.fixes[0].rating, Rating::Watch);
        assert_eq!(gap.fixes[0].leads_needed, None);
        assert!(gap.fixes[0].sentence.ends_with(
            "answering sooner could turn the same leads into about 1.5x as many opportunities."
        ));
        // 75 / 40 = 1.875: up to 88% more.
        assert!(
            gap.fixes[1]
                .sentence
                .ends_with("the same leads could give up to 88% more opportunities."),
            "{}",
            gap.fixes[1].sentence
        );

        session.record_typed("lead_response_time", Parsed::Value(4.0), "4m", at(9));
        session.record_typed(
            "leads_contacted_within_5_min",
            Parsed::Value(5.0),
            "5%",
            at(9),
        );
        session.record_typed("lead_follow_up_rate", Parsed::Value(80.0), "80%", at(9));
        assert!(
            RevenueGap::new(&Checklist::built_in(), &session)
                .fixes
                .is_empty()
        );

        session.record_typed("lead_response_time", Parsed::Unknown, "?", at(9));
        let by_share = RevenueGap::new(&Checklist::built_in(), &session);
        assert_eq!(by_share.fixes.len(), 1);
        assert_eq!(by_share.fixes[0].item, "leads_contacted_within_5_min");
        assert!(by_share.fixes[0].sentence.starts_with(
            "5% of inbound leads are contacted within 5 minutes. Lead Response Management Study"
        ));
    }

    #[test]
    fn counts_are_rounded_without_invented_precision() {
        assert_eq!(about(0.3, "lead", "leads"), "about 1 lead");
        assert_eq!(
            about(132.58, "opportunity", "opportunities"),
            "about 133 opportunities"
        );
        assert_eq!(about(999.6, "lead", "leads"), "about 1,000 leads");
        assert_eq!(about(1_325.8, "lead", "leads"), "about 1,300 leads");
        assert_eq!(about(12_345.0, "lead", "leads"), "about 12,000 leads");
        assert_eq!(about(98_765.0, "lead", "leads"), "about 99,000 leads");
    }

    #[test]
    fn text_and_json_show_the_inputs_and_their_sources() {
        let gap = gap(["5M", "3.6M", "22", "", ""]);
        let text = gap.to_text();
        assert!(text.starts_with("Revenue gap for 2026-Q3\n\nQuota                       $5M (typed)\nRevenue closed              $3.6M (typed)\nWin rate                    22% (typed)\nAverage deal size           not given\n"), "{text}");
        let json = gap.to_json();
        assert_eq!(json["quarter"], "2026-Q3");
        assert_eq!(json["inputs"]["quota"]["value"], 5e6);
        assert_eq!(json["inputs"]["quota"]["source"], "typed");
        assert_eq!(json["inputs"]["deal_size"]["value"], Value::Null);
        assert_eq!(json["inputs"]["deal_size"]["source"], Value::Null);
        assert_eq!(json["miss"], 1.4e6);
        assert_eq!(json["opportunities_needed"], Value::Null);
        assert_eq!(
            json["needs"][0],
            "Need the average deal size to say how many opportunities that is."
        );
        assert_eq!(json["fixes"], serde_json::json!([]));
    }
}
