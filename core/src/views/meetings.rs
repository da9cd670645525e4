//! The meeting page (and the notice and minutes, in the council's målform)
//! labelled in a language: case labels, who came when, the reasons of
//! inhabilitet, the applications a decision can be about and what is missing
//! from the minutes.

use chrono::NaiveDate;

use crate::error::Result;
use crate::i18n::{self, t};
use crate::model::*;
use crate::rules::meetings as rules;
use crate::store::Store;

/// The reasons of `members`' inhabilitet in `lang`, where the store found
/// them without words ([`InhabilMember::about`]).
pub fn label_inhabil(members: &mut [InhabilMember], lang: Lang) {
    for member in members {
        match &member.about {
            InhabilAbout::Own => {}
            InhabilAbout::Declared => member.reason = t(lang, "decision.inhabil_declared", &[]),
            InhabilAbout::Organisation(organisation) => {
                member.reason = t(lang, "decision.inhabil_organisation", &[("organisation", organisation)])
            }
        }
    }
}

/// "møtte fra sak 05/26, gikk etter sak 07/26" (an item without a case
/// number by its title), or empty for someone there the whole meeting.
fn span_text(lang: Lang, row: &AttendanceRow, items: &[AgendaItem]) -> String {
    let name = |id: &Option<String>| {
        let id = id.as_deref()?;
        let item = items.iter().find(|i| i.id == id)?;
        Some(match item.case_number {
            Some(number) => t(lang, "attendance.case", &[("number", &number.short())]),
            None => format!("«{}»", item.title),
        })
    };
    let parts: Vec<String> = [
        name(&row.from_item).map(|item| t(lang, "attendance.from_item", &[("item", &item)])),
        name(&row.until_item).map(|item| t(lang, "attendance.until_item", &[("item", &item)])),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(", ")
}

/// Labels the store's meeting `detail` in `lang`.
pub fn label_meeting(detail: &mut MeetingDetail, lang: Lang) {
    for item in &mut detail.items {
        item.case_label = item.case_number.map(|n| n.label(lang));
        label_inhabil(&mut item.inhabil_members, lang);
        for d in &mut item.decisions {
            label_inhabil(&mut d.inhabil_members, lang);
            label_inhabil(&mut d.proposed_inhabil, lang);
            label_inhabil(&mut d.inhabil_overruled, lang);
        }
    }
    for row in &mut detail.attendance {
        row.span = span_text(lang, row, &detail.items);
    }
    for a in &mut detail.applications {
        let (scheme, number, organisation, title) = &a.about;
        a.label = format!(
            "{scheme}: {}",
            t(
                lang,
                "decision.application_title",
                &[
                    ("number", &number.to_string()),
                    ("organisation", organisation),
                    ("title", title)
                ]
            )
        );
    }
    detail.missing = missing(detail, lang);
    detail.approved_in = detail.approving.as_ref().map(|(case, title, date)| {
        format!(
            "{} ({})",
            case.map(|n| n.label(lang)).unwrap_or_else(|| title.clone()),
            i18n::date(*date)
        )
    });
}

/// What is missing from the minutes, said in `lang` (the items named by
/// their case labels, already added).
fn missing(detail: &MeetingDetail, lang: Lang) -> Vec<Missing> {
    let (meeting, items, attendance) = (&detail.meeting, &detail.items, &detail.attendance);
    let position_of = |id: &str| items.iter().find(|i| i.id == id).map(|i| i.position);
    let chair_id = meeting.chair_id.as_deref();
    let facts: Vec<rules::ItemFacts> = items
        .iter()
        .map(|i| {
            let there = rules::attendance_for_item(attendance, i.position, position_of);
            rules::ItemFacts {
                id: &i.id,
                label: i.case_label.clone().unwrap_or_else(|| format!("«{}»", i.title)),
                kind: i.kind,
                decision: &i.decision,
                votes_total: i
                    .votes
                    .map(|v| v.in_favour.saturating_add(v.against).saturating_add(v.blank)),
                closed: i.closed,
                closed_basis: &i.closed_basis,
                withdrawn: i.withdrawn,
                inhabil_members: &i.inhabil_members,
                quorum: i.quorum,
                decisions: i
                    .decisions
                    .iter()
                    .map(|d| rules::DecisionFacts {
                        id: &d.id,
                        title: &d.title,
                        decision: &d.decision,
                        votes_total: d
                            .votes
                            .map(|v| v.in_favour.saturating_add(v.against).saturating_add(v.blank)),
                        inhabil_members: &d.inhabil_members,
                        inhabil_present: &d.proposed_inhabil,
                        quorum: d.quorum,
                        chair_missing: rules::chair_missing(
                            chair_id.filter(|_| i.chair_id.is_none()).or(i.chair_id.as_deref()),
                            d.chair_id.as_deref(),
                            &rules::left_for_decision(&i.inhabil_members, &d.inhabil_members),
                            &there,
                        ),
                        outcome: d.outcome,
                    })
                    .collect(),
                chair_missing: !i.withdrawn
                    && rules::chair_missing(chair_id, i.chair_id.as_deref(), &i.inhabil_members, &there),
                outcome: i.outcome,
                alternatives: i
                    .alternatives
                    .iter()
                    .map(|a| {
                        (
                            a.votes.map(|v| v.in_favour.saturating_add(v.against)).unwrap_or(0),
                            a.outcome,
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    rules::completeness(meeting, attendance, &facts, lang)
}

impl Store {
    /// The bases for exemption from public access the item form offers a
    /// council: texts in its målform (they go into the minutes), hints in `lang`.
    pub fn exemption_bases(&self, council_id: &str, lang: Lang) -> Result<Vec<ExemptionBasis>> {
        let council = self.council(council_id)?;
        Ok(crate::rules::access::bases(
            council.legal_mode,
            crate::documents::document_lang(&council),
            lang,
        ))
    }

    /// Everything the meeting page shows, with the minutes' completeness check.
    pub fn meeting_detail(&self, id: &str, lang: Lang) -> Result<MeetingDetail> {
        let mut detail = self.meeting_detail_rows(id)?;
        label_meeting(&mut detail, lang);
        Ok(detail)
    }

    /// [`Store::meeting_detail`] as it stands on `today`: how many days are
    /// left to the meeting, for the question before marking it held.
    pub fn meeting_detail_on(&self, id: &str, lang: Lang, today: NaiveDate) -> Result<MeetingDetail> {
        let mut detail = self.meeting_detail(id, lang)?;
        detail.lifecycle = rules::lifecycle(&detail.meeting, Some(today));
        Ok(detail)
    }
}
