//! The annual report (årsmelding) of a council and year, laid out from the
//! record in the council's målform: who sat on which seat, the meetings held
//! with their case numbers, the decisions in brief, the statements to the
//! kommune, the grants awarded and paid, and the duties owed the kommune.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::documents::{document_lang, footer, safe_file_name, Rendered};
use crate::i18n::{self, label, t};
use crate::model::*;
use crate::pdf::{sha256_hex, Column, Doc, DocMeta};
use crate::rules::money::kr;

/// Everything an annual report shows, gathered by the store.
#[derive(Serialize)]
pub struct ReportFacts {
    pub council: Council,
    pub year: i32,
    /// Everyone who sat at some time during the year.
    pub members: Vec<Membership>,
    /// Held meetings of the year, oldest first.
    pub meetings: Vec<MeetingDetail>,
    pub grants: Vec<(GrantScheme, Vec<Application>)>,
    /// The duties of the year other than the annual report itself.
    pub duties: Vec<Duty>,
    /// The council's own account of the year, summed up.
    pub account: AccountSummary,
    /// The profile's names of seat categories and meeting kinds.
    #[serde(skip)]
    pub names: crate::model::LabelsByLang,
}

/// What a person is told after the annual report is exported: where it went,
/// its SHA-256 and the control number in its footer.
pub fn export_message(lang: Lang, path: &std::path::Path, _record: &AnnualReportRecord) -> String {
    crate::documents::saved_message(lang, "export.annual_report_saved", path, &[])
}

/// `Årsmelding <council> <year>.pdf`, in the report's language.
pub fn file_name(council: &Council, year: i32) -> String {
    let word = t(document_lang(council), "file.annual_report", &[]);
    safe_file_name(&format!("{word} {} {year}.pdf", council.name))
}

/// The first sentence (or 240 characters) of a decision, for "in brief".
fn brief(text: &str) -> String {
    let text = text.trim();
    let cut = text
        .char_indices()
        .find(|&(i, c)| c == '.' && i > 20)
        .map(|(i, _)| i + 1)
        .unwrap_or(text.len());
    let short: String = text[..cut].chars().take(240).collect();
    if short.len() < text.len() {
        format!("{short} …")
    } else {
        short
    }
}

fn term(m: &Membership) -> String {
    match m.last_day() {
        Some(last) => format!("{}–{}", i18n::date(m.term_from), i18n::date(last)),
        None => format!("{}–", i18n::date(m.term_from)),
    }
}

/// The statements to the kommune of the year's meetings: the kommune's case
/// number, the item, the deadline, and the day it was adopted — or that it
/// was not. The report is public: an exempt item shows its public title.
fn statements_section(doc: &mut Doc, lang: Lang, facts: &ReportFacts) {
    let rows: Vec<Vec<String>> = facts
        .meetings
        .iter()
        .flat_map(|m| m.items.iter().filter(|i| !i.withdrawn).map(move |i| (m, i)))
        .filter_map(|(m, i)| {
            let s = i.statement.as_ref()?;
            let shown = crate::rules::access::public_item(i, lang);
            let adopted = if crate::rules::statements::adopted(i) {
                i18n::date(m.meeting.date)
            } else {
                t(lang, "annual.statement_not_adopted", &[])
            };
            Some(vec![s.case_ref.clone(), shown.title, i18n::date(s.deadline), adopted])
        })
        .collect();
    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.statements", &[]));
    if rows.is_empty() {
        doc.paragraph(&t(lang, "annual.no_statements", &[]));
        return;
    }
    doc.table(
        &[
            Column::new(t(lang, "annual.col.case_ref", &[]), 1.8),
            Column::new(t(lang, "annual.col.item", &[]), 4.4),
            Column::new(t(lang, "annual.col.deadline", &[]), 1.6),
            Column::new(t(lang, "annual.col.adopted", &[]), 1.6),
        ],
        &rows,
    );
}

/// The council's own account in brief: the balance carried in, the running
/// grant, other income, expenses and the balance carried out — a deficit
/// (underskudd) named as such.
fn account_section(doc: &mut Doc, lang: Lang, account: &AccountSummary) {
    let year = account.year.to_string();
    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.account", &[]));
    if !account.any {
        doc.paragraph(&t(lang, "annual.account_none", &[("year", &year)]));
        return;
    }
    let closing = if account.deficit {
        (t(lang, "annual.account_deficit", &[]), kr(-account.closing_ore))
    } else {
        (t(lang, "annual.account_closing", &[]), kr(account.closing_ore))
    };
    let rows = vec![
        vec![t(lang, "annual.account_opening", &[]), kr(account.opening_ore)],
        vec![t(lang, "annual.account_grant", &[]), kr(account.grant_ore)],
        vec![t(lang, "annual.account_income", &[]), kr(account.income_ore)],
        vec![t(lang, "annual.account_expense", &[]), kr(account.expense_ore)],
        vec![closing.0, closing.1],
    ];
    doc.table(
        &[
            Column::new(t(lang, "annual.col.account_line", &[]), 4.0),
            Column::new(t(lang, "annual.col.amount", &[]), 1.8).right(),
        ],
        &rows,
    );
}

pub fn annual_report(facts: &ReportFacts, created: DateTime<Utc>) -> Rendered {
    let council = &facts.council;
    let lang = document_lang(council);
    let year = facts.year.to_string();
    let title = t(lang, "annual.title", &[("council", &council.name), ("year", &year)]);
    let mut doc = Doc::new(DocMeta {
        title: title.clone(),
        author: council.name.clone(),
        subject: t(lang, "annual.subject", &[("year", &year)]),
        created,
        lang: crate::documents::pdf_lang(lang),
    });
    doc.heading(1, &title);
    doc.label_value(&t(lang, "annual.kind", &[]), &label(lang, "kind", &council.kind));
    if !council.area.is_empty() {
        doc.label_value(&t(lang, "annual.area", &[]), &council.area);
    }
    if !council.mandate.is_empty() {
        doc.label_value(&t(lang, "annual.mandate", &[]), &council.mandate);
    }
    let held = facts.meetings.len();
    // Decisions count once final: from approved minutes only.
    let decisions: Vec<(&MeetingDetail, &AgendaItem)> = facts
        .meetings
        .iter()
        .filter(|m| m.meeting.status == MeetingStatus::Approved)
        .flat_map(|m| m.items.iter().map(move |i| (m, i)))
        .filter(|(_, i)| !i.withdrawn && i.kind.decides())
        .collect();
    let granted: i64 = facts
        .grants
        .iter()
        .flat_map(|(_, apps)| apps)
        .filter(|a| a.letter_sent.is_some())
        .filter_map(|a| a.decision.as_ref().map(|d| d.granted_ore))
        .sum();
    doc.paragraph(&t(
        lang,
        "annual.summary",
        &[
            ("year", &year),
            ("members", &facts.members.len().to_string()),
            ("meetings", &held.to_string()),
            ("decisions", &decisions.len().to_string()),
            ("granted", &kr(granted)),
        ],
    ));

    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.members", &[]));
    if facts.members.is_empty() {
        doc.paragraph(&t(lang, "annual.none", &[]));
    } else {
        let rows: Vec<Vec<String>> = facts
            .members
            .iter()
            .map(|m| {
                vec![
                    m.person.name.clone(),
                    facts.names.get(lang).seat_category(m.category.key()),
                    label(lang, "role", &m.role),
                    m.organisation.clone(),
                    term(m),
                ]
            })
            .collect();
        doc.table(
            &[
                Column::new(t(lang, "pdf.col.name", &[]), 2.4),
                Column::new(t(lang, "pdf.col.category", &[]), 2.1),
                Column::new(t(lang, "pdf.col.role", &[]), 1.3),
                Column::new(t(lang, "annual.col.organisation", &[]), 2.3),
                Column::new(t(lang, "annual.col.term", &[]), 3.0),
            ],
            &rows,
        );
    }

    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.meetings", &[]));
    if facts.meetings.is_empty() {
        doc.paragraph(&t(lang, "annual.no_meetings", &[]));
    } else {
        let rows: Vec<Vec<String>> = facts
            .meetings
            .iter()
            .map(|m| {
                let cases: Vec<String> = m
                    .items
                    .iter()
                    .filter_map(|i| i.case_number.map(|n| n.short()))
                    .collect();
                vec![
                    i18n::date(m.meeting.date),
                    facts.names.get(lang).meeting_kind(m.meeting.kind.key()),
                    m.meeting.place.clone(),
                    if cases.is_empty() {
                        "–".into()
                    } else {
                        cases.join(", ")
                    },
                    if m.meeting.status == MeetingStatus::Approved {
                        label(lang, "meeting_status", &m.meeting.status)
                    } else {
                        t(lang, "annual.minutes_waiting", &[])
                    },
                ]
            })
            .collect();
        doc.table(
            &[
                Column::new(t(lang, "annual.col.date", &[]), 1.6),
                Column::new(t(lang, "pdf.col.item_kind", &[]), 2.4),
                Column::new(t(lang, "annual.col.place", &[]), 2.2),
                Column::new(t(lang, "annual.col.cases", &[]), 3.0),
                Column::new(t(lang, "annual.col.minutes", &[]), 1.8),
            ],
            &rows,
        );
    }

    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.decisions", &[]));
    if decisions.is_empty() {
        doc.paragraph(&t(lang, "annual.none", &[]));
    }
    for (meeting, item) in &decisions {
        let case = item
            .case_label
            .clone()
            .unwrap_or_else(|| t(lang, "pdf.unnumbered", &[]));
        // The report is public: an item exempt from public access shows what
        // the public minutes show of it, never its decision.
        let shown = crate::rules::access::public_item(item, lang);
        let decision = if shown.access.exempt {
            t(lang, "pdf.exempt", &[("basis", &shown.access.basis)])
        } else {
            brief(&item.decision)
        };
        doc.label_value(
            &case,
            &format!("{} ({}): {}", shown.title, i18n::date(meeting.meeting.date), decision),
        );
    }

    statements_section(&mut doc, lang, facts);

    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.grants", &[]));
    if facts.grants.is_empty() {
        doc.paragraph(&t(lang, "annual.no_grants", &[]));
    }
    for (scheme, applications) in &facts.grants {
        // A grant counts once its letter is sent.
        let decided: Vec<&Application> = applications
            .iter()
            .filter(|a| a.decision.is_some() && a.letter_sent.is_some())
            .collect();
        let paid: i64 = decided.iter().map(|a| a.paid_ore).sum();
        let granted: i64 = decided
            .iter()
            .filter_map(|a| a.decision.as_ref())
            .map(|d| d.granted_ore)
            .sum();
        doc.heading(3, &scheme.name);
        doc.paragraph(&t(
            lang,
            "annual.scheme_line",
            &[
                ("budget", &kr(scheme.budget_ore)),
                ("applications", &applications.len().to_string()),
                ("granted", &kr(granted)),
                ("paid", &kr(paid)),
            ],
        ));
        let rows: Vec<Vec<String>> = decided
            .iter()
            .map(|a| {
                let d = a.decision.as_ref().expect("filtered to decided");
                vec![
                    a.organisation.clone(),
                    a.title.clone(),
                    d.case_number.map(|c| c.label(lang)).unwrap_or_default(),
                    kr(d.granted_ore),
                    kr(a.paid_ore),
                ]
            })
            .collect();
        if !rows.is_empty() {
            doc.table(
                &[
                    Column::new(t(lang, "pdf.col.applicant", &[]), 2.8),
                    Column::new(t(lang, "pdf.col.project", &[]), 3.0),
                    Column::new(t(lang, "pdf.col.case", &[]), 1.1),
                    Column::new(t(lang, "pdf.col.granted", &[]), 1.5).right(),
                    Column::new(t(lang, "annual.col.paid", &[]), 1.5).right(),
                ],
                &rows,
            );
        }
    }

    account_section(&mut doc, lang, &facts.account);

    doc.spacer(3.0);
    doc.heading(2, &t(lang, "annual.duties", &[]));
    let rows: Vec<Vec<String>> = facts
        .duties
        .iter()
        .map(|d| {
            vec![
                d.name.clone(),
                i18n::date(d.due),
                crate::rules::duties::status_label(lang, d.status),
                crate::rules::duties::note(d),
            ]
        })
        .collect();
    doc.table(
        &[
            Column::new(t(lang, "annual.col.duty", &[]), 2.8),
            Column::new(t(lang, "pdf.col.due", &[]), 1.5),
            Column::new(t(lang, "annual.col.status", &[]), 1.8),
            Column::new(t(lang, "annual.col.evidence", &[]), 3.6),
        ],
        &rows,
    );

    let content_sha256 = sha256_hex(&serde_json::to_vec(facts).expect("the record serialises"));
    let footer_left = t(
        lang,
        "annual.footer",
        &[
            ("council", &council.name),
            ("year", &year),
            ("code", &content_sha256[..12]),
        ],
    );
    Rendered {
        bytes: doc.render(&footer(lang, footer_left)),
        content_sha256,
        file_name: file_name(council, facts.year),
    }
}
