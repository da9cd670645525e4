//! E-mail drafts, offline: a notice to the council's members or a decision
//! letter to the applicant as an `.eml` file (RFC 5322 with a MIME
//! attachment) that the person opens in their own mail program, checks and
//! sends. Grendebok never sends mail itself.
//!
//! The draft carries `X-Unsent: 1`, which Outlook and Thunderbird read as
//! "open as a message to send"; header words outside ASCII are encoded as
//! RFC 2047 says, the attachment's name as RFC 2231 says, and the text and
//! the PDF as base64, so no line is longer than 76 characters.

use base64::Engine as _;
use chrono::{DateTime, Utc};

/// One draft: to whom (name, address), about what, the short text, and the
/// PDF it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub to: Vec<(String, String)>,
    pub subject: String,
    pub body: String,
    pub file_name: String,
    pub pdf: Vec<u8>,
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Base64 in lines of 76 characters, as MIME asks.
fn b64_lines(bytes: &[u8]) -> String {
    let text = b64(bytes);
    let mut out = String::with_capacity(text.len() + text.len() / 76 * 2 + 2);
    for chunk in text.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push_str("\r\n");
    }
    out
}

/// A header word: as it is when plain ASCII, else `=?UTF-8?B?…?=`.
fn word(text: &str) -> String {
    let plain = text.chars().all(|c| c.is_ascii() && !c.is_ascii_control() && c != '"');
    if plain {
        text.to_owned()
    } else {
        format!("=?UTF-8?B?{}?=", b64(text.as_bytes()))
    }
}

/// `filename*=UTF-8''…` with every byte outside the unreserved set %-encoded.
fn extended_name(name: &str) -> String {
    let mut out = String::from("UTF-8''");
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The draft as the bytes of an `.eml` file. `now` dates it and makes the
/// MIME boundary, so the same draft at the same time gives the same bytes.
pub fn eml(draft: &Draft, now: DateTime<Utc>) -> Vec<u8> {
    let boundary = format!("grendebok-{}", now.timestamp_nanos_opt().unwrap_or_default());
    let to: Vec<String> = draft
        .to
        .iter()
        .filter(|(_, address)| !address.trim().is_empty())
        .map(|(name, address)| format!("{} <{}>", word(name), address.trim()))
        .collect();
    let mut out = String::new();
    out.push_str("X-Unsent: 1\r\n");
    out.push_str(&format!("Date: {}\r\n", now.to_rfc2822()));
    if !to.is_empty() {
        out.push_str(&format!("To: {}\r\n", to.join(",\r\n ")));
    }
    out.push_str(&format!("Subject: {}\r\n", word(&draft.subject)));
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str(&format!(
        "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
    ));
    out.push_str(&format!("--{boundary}\r\n"));
    out.push_str("Content-Type: text/plain; charset=utf-8\r\n");
    out.push_str("Content-Transfer-Encoding: base64\r\n\r\n");
    out.push_str(&b64_lines(draft.body.replace('\n', "\r\n").as_bytes()));
    out.push_str(&format!("--{boundary}\r\n"));
    out.push_str(&format!(
        "Content-Type: application/pdf; name=\"{}\"\r\n",
        word(&draft.file_name)
    ));
    out.push_str(&format!(
        "Content-Disposition: attachment; filename*={}\r\n",
        extended_name(&draft.file_name)
    ));
    out.push_str("Content-Transfer-Encoding: base64\r\n\r\n");
    out.push_str(&b64_lines(&draft.pdf));
    out.push_str(&format!("--{boundary}--\r\n"));
    out.into_bytes()
}

/// What a person is told when a draft was saved at `path`.
pub fn saved_message(lang: crate::model::Lang, path: &std::path::Path) -> String {
    crate::documents::saved_message(lang, "mail.saved", path, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_draft_is_a_mime_message_with_the_pdf_attached_and_no_long_lines() {
        let draft = Draft {
            to: vec![
                ("Åse Ødegård".into(), "ase@eksempel.no".into()),
                ("Per Uten Adresse".into(), String::new()),
            ],
            subject: "Innkalling til møte 12.01.2027".into(),
            body: "Hei!\nVedlagt er innkallingen.".into(),
            file_name: "Innkalling Stavern 2027-01-12.pdf".into(),
            pdf: vec![b'%'; 5000],
        };
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap();
        let bytes = eml(&draft, now);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("X-Unsent: 1\r\n"));
        assert!(text.contains(&format!(
            "To: =?UTF-8?B?{}?= <ase@eksempel.no>\r\n",
            b64("Åse Ødegård".as_bytes())
        )));
        assert!(!text.contains("Per Uten Adresse"), "nobody without an address");
        assert!(text.contains("filename*=UTF-8''Innkalling%20Stavern%202027-01-12.pdf"));
        assert!(text.lines().all(|l| l.len() <= 998), "RFC 5322's line limit");
        assert!(text.is_ascii());
        // The attachment decodes to the PDF's bytes.
        let part = text.split("Content-Transfer-Encoding: base64\r\n\r\n").nth(2).unwrap();
        let data: String = part.lines().take_while(|l| !l.starts_with("--")).collect();
        assert_eq!(
            base64::engine::general_purpose::STANDARD.decode(data).unwrap(),
            draft.pdf
        );
        assert_eq!(eml(&draft, now), bytes, "the same draft at the same time");
    }

    /// The demo's notice as a draft: to everyone on the council that day,
    /// naming the secretary for absences, with the notice attached.
    #[test]
    fn the_notice_goes_to_the_members_and_names_the_secretary() {
        let mut store = crate::Store::open_in_memory().unwrap();
        let actor = crate::model::Actor {
            name: "Kari".into(),
            at: Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap(),
        };
        store.load_demo(&actor, actor.at.date_naive()).unwrap();
        let lyngvik = store
            .councils()
            .unwrap()
            .into_iter()
            .find(|c| c.name.starts_with("Lyngvik"))
            .unwrap();
        let meeting = store.meetings_of_council(&lyngvik.id).unwrap().remove(0);
        let (name, bytes) = store.notice_draft(&meeting.id, actor.at).unwrap();
        assert!(
            name.starts_with("Innkalling Lyngvik") && name.ends_with(".eml"),
            "{name}"
        );
        let text = String::from_utf8(bytes).unwrap();
        let sitting: Vec<_> = store
            .memberships_of_council(&lyngvik.id)
            .unwrap()
            .into_iter()
            .filter(|m| m.sits_on(meeting.date) && !m.person.email.is_empty())
            .collect();
        assert!(!sitting.is_empty());
        for m in &sitting {
            assert!(
                text.contains(&format!("<{}>", m.person.email)),
                "{} in {text}",
                m.person.email
            );
        }
        let body = text.split("\r\n\r\n").nth(2).unwrap();
        let body: String = body.lines().take_while(|l| !l.starts_with("--")).collect();
        let body = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(body).unwrap()).unwrap();
        assert!(body.contains("Meld forfall til Hanne Lislerud"), "{body}");
        assert!(text.contains("Content-Type: application/pdf"));
    }
}
