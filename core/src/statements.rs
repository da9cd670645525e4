//! The statement letter: a council's adopted statement (uttalelse,
//! høringssvar) to the kommune in one of its cases, in the council's
//! målform, with the kommune's case number as «Deres ref.», the adopted
//! wording, the vote and the meeting that adopted it. Made from the record
//! only, like the minutes, and only from approved minutes.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::documents::{document_lang, footer, safe_file_name, votes_text, Rendered};
use crate::i18n::{self, t};
use crate::model::*;
use crate::pdf::{sha256_hex, Doc, DocMeta};

/// What a statement letter is made from; its checksum identifies the letter's content.
#[derive(Debug, Clone, Serialize)]
pub struct StatementFacts {
    pub council: Council,
    pub meeting: Meeting,
    pub item: AgendaItem,
    pub statement: Statement,
    /// The council's leader on the day of the meeting, who signs.
    pub leader: Option<String>,
}

impl StatementFacts {
    /// `03/26`: the council's own case number of the item.
    fn case(&self) -> String {
        self.item.case_number.map(|n| n.short()).unwrap_or_default()
    }
}

/// `Uttalelse sak 24-01234.pdf` (the kommune's case number, made safe for a file name).
pub fn file_name(facts: &StatementFacts) -> String {
    let lang = document_lang(&facts.council);
    let word = t(lang, "file.statement", &[]);
    let case_ref = facts.statement.case_ref.replace(['/', '\\'], "-");
    safe_file_name(&format!("{word} {case_ref}.pdf"))
}

pub fn statement_letter(facts: &StatementFacts, created: DateTime<Utc>) -> Rendered {
    let lang = document_lang(&facts.council);
    let council = &facts.council;
    let s = &facts.statement;
    let item = &facts.item;
    let title = t(
        lang,
        "statement.title",
        &[("council", &council.name), ("case_ref", &s.case_ref)],
    );
    let mut doc = Doc::new(DocMeta {
        title: title.clone(),
        author: council.name.clone(),
        subject: item.title.clone(),
        created,
        lang: crate::documents::pdf_lang(lang),
    });
    let our_ref = item
        .case_label
        .clone()
        .unwrap_or_else(|| t(lang, "case.label", &[("number", &facts.case())]));

    doc.heading(2, &council.name);
    let contact: Vec<&str> = [
        council.contact_name.as_str(),
        council.contact_email.as_str(),
        council.contact_phone.as_str(),
    ]
    .into_iter()
    .filter(|c| !c.is_empty())
    .collect();
    if !contact.is_empty() {
        doc.label_value(&t(lang, "statement.contact", &[]), &contact.join("\n"));
    }
    let to = if s.recipient.is_empty() {
        t(lang, "statement.to_default", &[])
    } else {
        s.recipient.clone()
    };
    doc.label_value(&t(lang, "letter.to", &[]), &to);
    doc.label_value(&t(lang, "letter.date", &[]), &i18n::date(created.date_naive()));
    doc.label_value(&t(lang, "letter.our_ref", &[]), &our_ref);
    doc.label_value(&t(lang, "statement.your_ref", &[]), &s.case_ref);
    doc.label_value(&t(lang, "statement.deadline", &[]), &i18n::date(s.deadline));
    doc.spacer(6.0);

    doc.heading(1, &title);
    doc.paragraph(&t(
        lang,
        "statement.intro",
        &[
            ("council", &council.name),
            ("title", &item.title),
            ("case_ref", &s.case_ref),
        ],
    ));
    doc.heading(3, &t(lang, "statement.text", &[]));
    doc.paragraph(&item.decision);
    if let Some(votes) = &item.votes {
        doc.label_value(&t(lang, "pdf.votes", &[]), &votes_text(lang, votes, item.outcome));
    }
    doc.paragraph(&t(
        lang,
        "statement.adopted_in",
        &[
            ("council", &council.name),
            ("date", &i18n::date(facts.meeting.date)),
            ("case", &facts.case()),
        ],
    ));

    doc.spacer(8.0);
    doc.keep_together(|d| {
        d.paragraph(&t(lang, "letter.regards", &[("council", &council.name)]));
        d.spacer(10.0);
        let signer = match &facts.leader {
            Some(name) => t(lang, "letter.signer", &[("name", name)]),
            None => council.name.clone(),
        };
        d.signature_lines(&[signer]);
    });

    let content_sha256 = sha256_hex(&serde_json::to_vec(&content(facts)).expect("the record serialises"));
    let footer_left = t(
        lang,
        "letter.footer",
        &[
            ("council", &council.name),
            ("reference", &our_ref),
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

/// What the letter says, without the letters already archived (an export
/// must not change the next one's checksum).
fn content(facts: &StatementFacts) -> StatementFacts {
    let mut facts = facts.clone();
    facts.statement.letters.clear();
    facts.item.statement = None;
    facts
}

/// What a person is told after a statement letter is saved.
pub fn export_message(lang: Lang, path: &std::path::Path, _record: &StatementLetter) -> String {
    crate::documents::saved_message(lang, "export.statement_saved", path, &[])
}
