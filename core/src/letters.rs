//! The decision letter of a grant application: a tilsagnsbrev when money is
//! granted, an avslagsbrev when it is refused, in the council's målform, with
//! the amount, the reasons, the conditions, the report deadline and — for an
//! enkeltvedtak — the right to appeal (forvaltningsloven §§ 28–29).
//! Made from the record only, like the minutes.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::documents::{document_lang, footer, safe_file_name, Rendered};
use crate::i18n::{self, t};
use crate::model::*;
use crate::pdf::{sha256_hex, Doc, DocMeta};
use crate::rules::money::kr;

/// What a letter is made from; its checksum identifies the letter's content.
#[derive(Debug, Clone, Serialize)]
pub struct LetterFacts {
    pub application: Application,
    pub decision: GrantDecision,
    pub scheme: GrantScheme,
    pub council: Council,
    /// The meeting that decided.
    pub meeting: Meeting,
    /// The council's leader on the day of the meeting, who signs.
    pub leader: Option<String>,
}

impl LetterFacts {
    fn granted(&self) -> bool {
        self.decision.granted_ore > 0
    }
}

/// `Tilsagn Lyngvik idrettslag 2026-3.pdf` or `Avslag …` (nynorsk `Tilsegn …`);
/// after an amendment `Endret vedtak Lyngvik idrettslag 2026-3.pdf`, so the
/// new letter does not take the first one's name.
pub fn file_name(facts: &LetterFacts) -> String {
    let amendments = facts.application.amendments.len();
    let key = if amendments > 0 {
        "file.amended_letter"
    } else if facts.granted() {
        "file.grant_letter"
    } else {
        "file.refusal_letter"
    };
    let word = t(document_lang(&facts.council), key, &[]);
    safe_file_name(&format!(
        "{word} {} {}-{}.pdf",
        facts.application.organisation, facts.scheme.year, facts.application.number
    ))
}

pub fn grant_letter(facts: &LetterFacts, created: DateTime<Utc>) -> Rendered {
    let lang = document_lang(&facts.council);
    let a = &facts.application;
    let d = &facts.decision;
    let council = &facts.council.name;
    let title_key = if !a.amendments.is_empty() {
        "letter.title.amended"
    } else if facts.granted() {
        "letter.title.granted"
    } else {
        "letter.title.refused"
    };
    let title = t(lang, title_key, &[("title", &a.title)]);
    let mut doc = Doc::new(DocMeta {
        title: title.clone(),
        author: council.clone(),
        subject: t(lang, "letter.subject", &[("organisation", &a.organisation)]),
        created,
        lang: crate::documents::pdf_lang(lang),
    });
    let case = d.case_number.map_or_else(|| a.title.clone(), |c| c.label(lang));
    let reference = t(
        lang,
        "letter.reference",
        &[
            ("case", &case),
            ("number", &a.number.to_string()),
            ("year", &facts.scheme.year.to_string()),
        ],
    );

    doc.heading(2, council);
    doc.label_value(&t(lang, "letter.date", &[]), &i18n::date(created.date_naive()));
    doc.label_value(&t(lang, "letter.our_ref", &[]), &reference);
    let mut to = vec![a.organisation.clone()];
    if let Some(orgnr) = &a.org_number {
        to.push(t(lang, "letter.org_number", &[("number", orgnr)]));
    }
    if !a.contact_name.is_empty() {
        to.push(t(lang, "letter.attention", &[("name", &a.contact_name)]));
    }
    if !a.email.is_empty() {
        to.push(a.email.clone());
    }
    doc.label_value(&t(lang, "letter.to", &[]), &to.join("\n"));
    doc.spacer(6.0);

    doc.heading(1, &title);
    doc.paragraph(&t(
        lang,
        "letter.intro",
        &[
            ("council", council),
            ("scheme", &facts.scheme.name),
            ("date", &i18n::date(facts.meeting.date)),
            ("case", &case),
            ("asked", &kr(a.amount_asked_ore)),
            ("title", &a.title),
        ],
    ));
    let outcome_key = match d.granted_ore {
        0 => "letter.outcome.refused",
        g if g >= a.amount_asked_ore => "letter.outcome.granted",
        _ => "letter.outcome.partly",
    };
    doc.paragraph(&t(
        lang,
        outcome_key,
        &[("granted", &kr(d.granted_ore)), ("asked", &kr(a.amount_asked_ore))],
    ));

    if !d.reasons.is_empty() {
        doc.heading(3, &t(lang, "letter.reasons", &[]));
        doc.paragraph(&d.reasons);
    }
    if facts.granted() {
        doc.heading(3, &t(lang, "letter.conditions", &[]));
        let mut conditions = vec![t(lang, "letter.conditions.purpose", &[])];
        if !facts.scheme.conditions.is_empty() {
            conditions.push(facts.scheme.conditions.clone());
        }
        doc.paragraph(&conditions.join("\n\n"));
        doc.heading(3, &t(lang, "letter.report", &[]));
        doc.paragraph(&t(
            lang,
            "letter.report.text",
            &[
                ("council", council),
                ("deadline", &i18n::date(facts.scheme.report_deadline)),
            ],
        ));
    }
    if !a.amendments.is_empty() {
        doc.heading(3, &t(lang, "letter.amendments", &[]));
        for m in &a.amendments {
            let day = m.recorded.at.get(..10).unwrap_or_default();
            let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(i18n::date)
                .unwrap_or_default();
            let amounts = [
                ("old", kr(m.old_ore)),
                ("new", kr(m.new_ore)),
                ("reason", m.reason.clone()),
            ];
            let line = match (m.case_number.map(|c| c.label(lang)), m.meeting_date) {
                (Some(case), Some(meeting)) => {
                    let mut args: Vec<(&str, &str)> = amounts.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let meeting = i18n::date(meeting);
                    args.push(("case", &case));
                    args.push(("date", &meeting));
                    t(lang, "letter.amendment.decided", &args)
                }
                _ => {
                    let args: Vec<(&str, &str)> = amounts.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    t(lang, "letter.amendment", &args)
                }
            };
            doc.label_value(&day, &line);
        }
    }
    if facts.scheme.enkeltvedtak {
        doc.heading(3, &t(lang, "letter.appeal", &[]));
        let body = if facts.scheme.appeal_body.is_empty() {
            t(lang, "letter.appeal.default_body", &[])
        } else {
            facts.scheme.appeal_body.clone()
        };
        // An appeal goes to the body that decided (forvaltningsloven § 32).
        let send_to = if facts.scheme.appeal_address.is_empty() {
            council.clone()
        } else {
            format!("{council}, {}", facts.scheme.appeal_address)
        };
        doc.paragraph(&t(
            lang,
            "letter.appeal.text",
            &[("council", &send_to), ("body", &body)],
        ));
    }

    doc.spacer(8.0);
    doc.keep_together(|d| {
        d.paragraph(&t(lang, "letter.regards", &[("council", council)]));
        d.spacer(10.0);
        let signer = match &facts.leader {
            Some(name) => t(lang, "letter.signer", &[("name", name)]),
            None => council.clone(),
        };
        d.signature_lines(&[signer]);
    });

    let content_sha256 = sha256_hex(&serde_json::to_vec(facts).expect("the record serialises"));
    let footer_left = t(
        lang,
        "letter.footer",
        &[
            ("council", council),
            ("reference", &reference),
            ("code", &content_sha256[..12]),
        ],
    );
    let bytes = doc.render(&footer(lang, footer_left));
    Rendered {
        bytes,
        content_sha256,
        file_name: file_name(facts),
    }
}

/// What a person is told after a letter is saved: where, its SHA-256 and the
/// control number in its footer.
pub fn export_message(lang: Lang, path: &std::path::Path, _record: &LetterRecord) -> String {
    crate::documents::saved_message(lang, "export.letter_saved", path, &[])
}
