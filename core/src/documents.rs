//! The documents a council prints: the notice (innkalling) and the minutes
//! (møteprotokoll) of a meeting, laid out with [`crate::pdf`] from the
//! meeting's record, in the council's målform. Never typed twice.

use chrono::{DateTime, NaiveTime, Utc};
use serde::Serialize;

use crate::i18n::{self, label, t};
use crate::model::*;
use crate::pdf::{sha256_hex, Column, Doc, DocMeta, Footer};
use crate::rules::money::kr;

/// The language of a council's documents: its målform.
pub fn document_lang(council: &Council) -> Lang {
    match council.malform {
        Malform::Bokmal => Lang::Nb,
        Malform::Nynorsk => Lang::Nn,
    }
}

/// A document's language as the BCP 47 tag a PDF's `/Lang` takes.
pub fn pdf_lang(lang: Lang) -> String {
    match lang {
        Lang::Nb => "nb-NO",
        Lang::Nn => "nn-NO",
        Lang::En => "en",
    }
    .to_string()
}

/// The notice's line on absence: to the secretary by name, with a phone
/// number when the secretary has one.
pub fn excuse(lang: Lang, secretary: Option<&Person>) -> String {
    match secretary {
        Some(p) if !p.phone.trim().is_empty() => t(
            lang,
            "pdf.notice.excuse_phone",
            &[("name", &p.name), ("phone", &p.phone.trim().replace(' ', "\u{a0}"))],
        ),
        Some(p) => t(lang, "pdf.notice.excuse_name", &[("name", &p.name)]),
        None => t(lang, "pdf.notice.excuse", &[]),
    }
}

/// What a person is told after an export, in plain words: the folder it is
/// in, by the name they see ("Dokumenter"), and the file's name. The
/// checksums are in [`export_details`].
pub fn export_message(lang: Lang, path: &std::path::Path, record: &DocumentRecord) -> String {
    let key = match (record.kind, record.public) {
        (DocumentKind::Notice, false) => "export.notice_saved",
        (DocumentKind::Minutes, false) => "export.minutes_saved",
        (DocumentKind::Notice, true) => "export.public_notice_saved",
        (DocumentKind::Minutes, true) => "export.public_minutes_saved",
    };
    saved_message(lang, key, path, &[])
}

/// `key`'s message with `{folder}` and `{file}` of `path` (and `more`).
pub fn saved_message(lang: Lang, key: &str, path: &std::path::Path, more: &[(&str, &str)]) -> String {
    let folder = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.parent().map(|p| p.display().to_string()).unwrap_or_default());
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut args: Vec<(&str, &str)> = vec![("folder", &folder), ("file", &file)];
    args.extend_from_slice(more);
    t(lang, key, &args)
}

/// For whoever checks a file later: its SHA-256 and the control number
/// printed in its footer (the first 12 hex digits of the content's SHA-256).
pub fn export_details(lang: Lang, sha256: &str, content_sha256: &str) -> String {
    let code = content_sha256.get(..12).unwrap_or(content_sha256);
    t(lang, "export.details", &[("sha", sha256), ("code", code)])
}

/// A document made from the record: the PDF and the checksum of the content
/// it shows (whose first 12 hex digits are printed in the footer).
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub content_sha256: String,
    pub file_name: String,
}

/// The part of a meeting's record a document shows; its checksum identifies
/// the content whatever the layout and the time of the export.
#[derive(Serialize)]
struct Content<'a> {
    kind: DocumentKind,
    public: bool,
    meeting: &'a Meeting,
    council: &'a Council,
    items: &'a [AgendaItem],
    attendance: &'a [AttendanceRow],
    amendments: &'a [Amendment],
    earlier_amendments: &'a [Amendment],
    signatories: Vec<String>,
}

fn time_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// `12.03.2026 kl. 18:00–20:00`.
fn when(lang: Lang, meeting: &Meeting) -> String {
    let date = i18n::date(meeting.date);
    let start = time_text(meeting.starts_at);
    match meeting.ends_at {
        Some(end) => t(
            lang,
            "pdf.when_span",
            &[("date", &date), ("start", &start), ("end", &time_text(end))],
        ),
        None => t(lang, "pdf.when", &[("date", &date), ("start", &start)]),
    }
}

/// The file name a document is offered under: `Protokoll <council> <date>.pdf`
/// in the document's language, with anything a file system may refuse
/// replaced by `_`. Minutes not yet approved say so: `Protokoll UTKAST …`;
/// the public version too: `… <date> offentlig versjon.pdf`.
pub fn file_name(kind: DocumentKind, council: &Council, meeting: &Meeting) -> String {
    version_file_name(kind, false, council, meeting)
}

/// [`file_name`] of the full (`public` false) or the public version.
pub fn version_file_name(kind: DocumentKind, public: bool, council: &Council, meeting: &Meeting) -> String {
    let lang = document_lang(council);
    let word = match kind {
        DocumentKind::Notice => t(lang, "file.notice", &[]),
        DocumentKind::Minutes if is_draft(kind, meeting) => {
            format!("{} {}", t(lang, "file.minutes", &[]), t(lang, "pdf.draft_stamp", &[]))
        }
        DocumentKind::Minutes => t(lang, "file.minutes", &[]),
    };
    let version = if public {
        format!(" {}", t(lang, "file.public_version", &[]))
    } else {
        String::new()
    };
    safe_file_name(&format!(
        "{word} {} {}{version}.pdf",
        council.name,
        meeting.date.format("%Y-%m-%d")
    ))
}

/// The meeting's record as the public version shows it: every exempt item
/// withheld (`rules::access::public_item`); the rest as it is.
pub fn public_detail(detail: &MeetingDetail) -> MeetingDetail {
    let lang = document_lang(&detail.council);
    MeetingDetail {
        items: detail
            .items
            .iter()
            .map(|i| crate::rules::access::public_item(i, lang))
            .collect(),
        ..detail.clone()
    }
}

/// Lays out the notice or the minutes, in full or as the public version.
/// `secretary` is named on the notice for absences; the public version names
/// them without their phone number or e-mail (a private person's contact
/// details never appear in it).
pub fn render(
    kind: DocumentKind,
    public: bool,
    detail: &MeetingDetail,
    secretary: Option<&Person>,
    created: DateTime<Utc>,
) -> Rendered {
    if !public {
        return match kind {
            DocumentKind::Notice => notice(detail, secretary, created),
            DocumentKind::Minutes => minutes(detail, created),
        };
    }
    let shown = public_detail(detail);
    let named = secretary.map(|p| Person {
        phone: String::new(),
        email: String::new(),
        ..p.clone()
    });
    match kind {
        DocumentKind::Notice => notice_version(&shown, named.as_ref(), true, created),
        DocumentKind::Minutes => minutes_version(&shown, true, created),
    }
}

/// What an exempt item shows: "Unntatt offentlighet:" and its basis.
fn exempt_line(doc: &mut Doc, lang: Lang, item: &AgendaItem) {
    if let Some(exemption) = crate::rules::access::exemption(item) {
        doc.paragraph(&t(lang, "pdf.exempt", &[("basis", &exemption.basis)]));
    }
}

/// The title of a document, naming the public version as such.
fn version_title(lang: Lang, title: &str, public: bool) -> String {
    if public {
        format!("{title} ({})", t(lang, "file.public_version", &[]))
    } else {
        title.to_owned()
    }
}

/// Whether a document of `meeting` is a draft: minutes are final only once approved.
pub fn is_draft(kind: DocumentKind, meeting: &Meeting) -> bool {
    kind == DocumentKind::Minutes && meeting.status != MeetingStatus::Approved
}

fn item_heading(lang: Lang, item: &AgendaItem) -> String {
    match &item.case_label {
        Some(case) => format!("{case}  {}", item.title),
        None => format!("{} {}", t(lang, "pdf.unnumbered", &[]), item.title),
    }
}

fn signatory_names(detail: &MeetingDetail) -> Vec<String> {
    match &detail.meeting.approval {
        Some(Approval::Signatories { membership_ids }) => membership_ids
            .iter()
            .filter_map(|id| detail.attendance.iter().find(|r| &r.membership_id == id))
            .map(|r| r.person_name.clone())
            .collect(),
        _ => Vec::new(),
    }
}

fn finish(
    kind: DocumentKind,
    public: bool,
    detail: &MeetingDetail,
    doc: Doc,
    lang: Lang,
    footer_key: &str,
) -> Rendered {
    let content = Content {
        kind,
        public,
        meeting: &detail.meeting,
        council: &detail.council,
        items: &detail.items,
        attendance: &detail.attendance,
        amendments: &detail.amendments,
        earlier_amendments: &detail.earlier_amendments,
        signatories: signatory_names(detail),
    };
    let content_sha256 = sha256_hex(&serde_json::to_vec(&content).expect("the record serialises"));
    let footer_left = t(
        lang,
        footer_key,
        &[
            ("council", &detail.council.name),
            ("date", &i18n::date(detail.meeting.date)),
            ("code", &content_sha256[..12]),
        ],
    );
    let bytes = doc.render(&footer(lang, footer_left));
    Rendered {
        bytes,
        content_sha256,
        file_name: version_file_name(kind, public, &detail.council, &detail.meeting),
    }
}

/// A footer with `left` and "Side 2 av 3" in the document's language.
pub(crate) fn footer(lang: Lang, left: String) -> Footer<'static> {
    Footer::new(left, move |n: usize, total: usize| {
        t(
            lang,
            "pdf.page",
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    })
}

/// A name made safe as a file name: anything a file system may refuse becomes `_`.
pub(crate) fn safe_file_name(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn header(doc: &mut Doc, lang: Lang, detail: &MeetingDetail) {
    let meeting = &detail.meeting;
    doc.label_value(
        &t(lang, "pdf.kind", &[]),
        &detail.names.get(lang).meeting_kind(meeting.kind.key()),
    );
    doc.label_value(&t(lang, "pdf.time", &[]), &when(lang, meeting));
    doc.label_value(&t(lang, "pdf.place", &[]), &meeting.place);
}

/// The notice (innkalling): the council, time, place, who is called, and the
/// agenda with case numbers, backgrounds and proposals.
pub fn notice(detail: &MeetingDetail, secretary: Option<&Person>, created: DateTime<Utc>) -> Rendered {
    notice_version(detail, secretary, false, created)
}

/// The notice; `public`: of a record already withheld by [`public_detail`].
fn notice_version(
    detail: &MeetingDetail,
    secretary: Option<&Person>,
    public: bool,
    created: DateTime<Utc>,
) -> Rendered {
    let lang = document_lang(&detail.council);
    let council = &detail.council;
    let title = t(lang, "pdf.notice.title", &[("council", &council.name)]);
    let mut doc = Doc::new(DocMeta {
        title: version_title(lang, &title, public),
        author: council.name.clone(),
        subject: t(
            lang,
            "pdf.notice.subject",
            &[("date", &i18n::date(detail.meeting.date))],
        ),
        created,
        lang: crate::documents::pdf_lang(lang),
    });
    doc.heading(1, &title);
    if public {
        doc.note(&t(lang, "pdf.public_version", &[]));
    }
    header(&mut doc, lang, detail);
    doc.spacer(4.0);

    doc.heading(2, &t(lang, "pdf.called", &[]));
    let called: Vec<Vec<String>> = detail
        .attendance
        .iter()
        .map(|r| {
            vec![
                r.person_name.clone(),
                label(lang, "role", &r.role),
                detail.names.get(lang).seat_category(r.category.key()),
            ]
        })
        .collect();
    doc.table(
        &[
            Column::new(t(lang, "pdf.col.name", &[]), 3.0),
            Column::new(t(lang, "pdf.col.role", &[]), 2.0),
            Column::new(t(lang, "pdf.col.category", &[]), 2.5),
        ],
        &called,
    );
    doc.note(&excuse(lang, secretary));
    doc.spacer(4.0);

    let items: Vec<&AgendaItem> = detail.items.iter().filter(|i| !i.withdrawn).collect();
    doc.heading(2, &t(lang, "pdf.agenda", &[]));
    if items.is_empty() {
        doc.paragraph(&t(lang, "pdf.agenda_empty", &[]));
    } else {
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|i| {
                let case = i.case_number.map(|n| n.short()).unwrap_or_default();
                vec![case, i.title.clone(), label(lang, "item_kind", &i.kind)]
            })
            .collect();
        doc.table(
            &[
                Column::new(t(lang, "pdf.col.case", &[]), 1.0),
                Column::new(t(lang, "pdf.col.title", &[]), 5.0),
                Column::new(t(lang, "pdf.col.item_kind", &[]), 1.6),
            ],
            &rows,
        );
    }
    for item in items {
        doc.spacer(3.0);
        doc.heading(3, &item_heading(lang, item));
        exempt_line(&mut doc, lang, item);
        doc.label_value(&t(lang, "pdf.col.kind", &[]), &label(lang, "item_kind", &item.kind));
        if public && item.access.exempt {
            continue;
        }
        if !item.background.is_empty() {
            doc.label_value(&t(lang, "pdf.background", &[]), &item.background);
        }
        if !item.proposal.is_empty() {
            doc.label_value(&t(lang, "pdf.proposal", &[]), &item.proposal);
        }
    }
    finish(DocumentKind::Notice, public, detail, doc, lang, "pdf.notice.footer")
}

fn attendance_text(lang: Lang, row: &AttendanceRow) -> String {
    let status = match row.status {
        Some(status) => label(lang, "attendance", &status),
        None => t(lang, "pdf.attendance_unknown", &[]),
    };
    let status = match &row.substitute_for_name {
        Some(name) => t(lang, "pdf.meets_for", &[("status", &status), ("name", name)]),
        None => status,
    };
    if row.span.is_empty() {
        status
    } else {
        format!("{status}, {}", row.span)
    }
}

/// "3 for, 1 mot – vedtatt"; blank votes are named only when there are any
/// (they may be cast only in elections), and unanimity says itself.
pub(crate) fn votes_text(lang: Lang, votes: &Votes, outcome: Option<VoteOutcome>) -> String {
    if outcome == Some(VoteOutcome::Unanimous) {
        return t(lang, "pdf.votes_unanimous", &[("for", &votes.in_favour.to_string())]);
    }
    let key = if votes.blank > 0 {
        "pdf.votes_line"
    } else {
        "pdf.votes_line_no_blank"
    };
    let line = t(
        lang,
        key,
        &[
            ("for", &votes.in_favour.to_string()),
            ("against", &votes.against.to_string()),
            ("blank", &votes.blank.to_string()),
        ],
    );
    match outcome {
        Some(o) => format!("{line} – {}", label(lang, "vote_outcome", &o)),
        None => line,
    }
}

/// `public`: the public version, which withholds what an exempt item holds.
/// `judged`: the meeting is held, so quorum is known and an item without it
/// is minuted as not decided.
fn minutes_item(doc: &mut Doc, lang: Lang, item: &AgendaItem, public: bool, judged: bool) {
    doc.spacer(3.0);
    doc.heading(3, &item_heading(lang, item));
    if item.withdrawn {
        doc.note(&t(lang, "pdf.withdrawn", &[]));
        return;
    }
    if item.closed && !public {
        let basis = match item.closed_ground {
            Some(ground) => format!("{} {}", label(lang, "closed_session", &ground), item.closed_basis),
            None => item.closed_basis.clone(),
        };
        doc.label_value(&t(lang, "pdf.closed", &[]), &basis);
    }
    exempt_line(doc, lang, item);
    doc.label_value(&t(lang, "pdf.col.kind", &[]), &label(lang, "item_kind", &item.kind));
    if public && item.access.exempt {
        return;
    }
    if !item.background.is_empty() {
        doc.label_value(&t(lang, "pdf.background", &[]), &item.background);
    }
    if !item.proposal.is_empty() {
        doc.label_value(&t(lang, "pdf.proposal", &[]), &item.proposal);
    }
    for r in &item.inhabil_members {
        let line = t(
            lang,
            "pdf.inhabil_line",
            &[("name", &r.person_name), ("reason", &r.reason)],
        );
        doc.label_value(&t(lang, "pdf.inhabil", &[]), &line);
    }
    if let Some(name) = &item.chair_name {
        let line = t(lang, "pdf.item_chair_line", &[("name", name)]);
        doc.label_value(&t(lang, "pdf.item_chair", &[]), &line);
    }
    if let Some(votes) = &item.votes {
        doc.label_value(&t(lang, "pdf.votes", &[]), &votes_text(lang, votes, item.outcome));
    }
    for (n, a) in item.alternatives.iter().enumerate() {
        let n = (n + 1).to_string();
        let text = if a.proposed_by.is_empty() {
            a.text.clone()
        } else {
            t(
                lang,
                "pdf.alternative_by",
                &[("text", &a.text), ("name", &a.proposed_by)],
            )
        };
        doc.label_value(&t(lang, "pdf.alternative", &[("n", &n)]), &text);
        if let Some(votes) = &a.votes {
            doc.label_value(&t(lang, "pdf.votes", &[]), &votes_text(lang, votes, a.outcome));
        }
    }
    if !item.alternatives.is_empty() && item.votes.is_some() {
        let adopted = match item.adopted {
            Some(0) => t(lang, "pdf.adopted_own", &[]),
            Some(n) => t(lang, "pdf.adopted_alternative", &[("n", &n.to_string())]),
            None => t(lang, "pdf.adopted_none", &[]),
        };
        doc.label_value(&t(lang, "pdf.adopted_proposal", &[]), &adopted);
    }
    let decision_label = if item.kind.decides() {
        t(lang, "pdf.decision", &[])
    } else {
        t(lang, "pdf.note", &[])
    };
    let not_decided = judged && item.kind.decides() && item.decisions.is_empty() && !item.quorum.quorate;
    if not_decided {
        doc.label_value(&decision_label, &t(lang, "pdf.not_decided", &[]));
    } else if !item.decision.is_empty() || item.decisions.is_empty() {
        doc.label_value(&decision_label, &item.decision);
    }
    for d in &item.decisions {
        minutes_decision(doc, lang, d, judged);
    }
    if not_decided {
        let q = &item.quorum;
        doc.note(&t(
            lang,
            "pdf.not_quorate",
            &[("voting", &q.voting.to_string()), ("required", &q.required.to_string())],
        ));
    }
    if !item.grants.is_empty() {
        let rows: Vec<Vec<String>> = item
            .grants
            .iter()
            .map(|g| {
                vec![
                    g.organisation.clone(),
                    g.title.clone(),
                    kr(g.asked_ore),
                    kr(g.granted_ore),
                ]
            })
            .collect();
        doc.label_value(&t(lang, "pdf.grants", &[]), "");
        doc.table(
            &[
                Column::new(t(lang, "pdf.col.applicant", &[]), 3.0),
                Column::new(t(lang, "pdf.col.project", &[]), 3.6),
                Column::new(t(lang, "pdf.col.asked", &[]), 1.6).right(),
                Column::new(t(lang, "pdf.col.granted", &[]), 1.6).right(),
            ],
            &rows,
        );
    }
    if !item.follow_ups.is_empty() {
        let rows: Vec<Vec<String>> = item
            .follow_ups
            .iter()
            .map(|f| vec![f.what.clone(), f.who.clone(), f.due.map(i18n::date).unwrap_or_default()])
            .collect();
        doc.table(
            &[
                Column::new(t(lang, "pdf.col.follow_up", &[]), 5.0),
                Column::new(t(lang, "pdf.col.who", &[]), 2.5),
                Column::new(t(lang, "pdf.col.due", &[]), 1.5),
            ],
            &rows,
        );
    }
}

/// One decision inside an item: what was proposed, who left for it and why,
/// the votes, what was decided — kept together on a page.
fn minutes_decision(doc: &mut Doc, lang: Lang, d: &ItemDecision, judged: bool) {
    doc.keep_together(|doc| {
        let heading = t(
            lang,
            "pdf.decision_heading",
            &[("position", &d.position.to_string()), ("title", &d.title)],
        );
        doc.heading(4, &heading);
        if !d.proposal.is_empty() {
            doc.label_value(&t(lang, "pdf.proposal", &[]), &d.proposal);
        }
        let left_label = t(lang, "pdf.decision_left", &[]);
        for r in &d.inhabil_members {
            let line = t(
                lang,
                "pdf.inhabil_line",
                &[("name", &r.person_name), ("reason", &r.reason)],
            );
            doc.label_value(&left_label, &line);
        }
        if d.inhabil_members.is_empty() {
            doc.label_value(&left_label, &t(lang, "pdf.decision_nobody_left", &[]));
        }
        for o in &d.inhabil_overruled {
            let line = t(
                lang,
                "pdf.not_inhabil_line",
                &[("name", &o.person_name), ("reason", &o.reason)],
            );
            doc.label_value(&t(lang, "pdf.decision_not_inhabil", &[]), &line);
        }
        if let Some(name) = &d.chair_name {
            let line = t(lang, "pdf.item_chair_line", &[("name", name)]);
            doc.label_value(&t(lang, "pdf.decision_chair", &[]), &line);
        }
        if let Some(votes) = &d.votes {
            doc.label_value(&t(lang, "pdf.votes", &[]), &votes_text(lang, votes, d.outcome));
        }
        if d.quorum.quorate || !judged {
            doc.label_value(&t(lang, "pdf.decision", &[]), &d.decision);
        } else {
            doc.label_value(&t(lang, "pdf.decision", &[]), &t(lang, "pdf.not_decided", &[]));
            let q = &d.quorum;
            doc.note(&t(
                lang,
                "pdf.not_quorate",
                &[("voting", &q.voting.to_string()), ("required", &q.required.to_string())],
            ));
        }
    });
}

/// The minutes (møteprotokoll): time and place, who met and who did not,
/// every item with its decision, votes, inhabilitet and follow-ups, and the
/// approval with signature lines.
pub fn minutes(detail: &MeetingDetail, created: DateTime<Utc>) -> Rendered {
    minutes_version(detail, false, created)
}

/// The minutes; `public`: of a record already withheld by [`public_detail`].
fn minutes_version(detail: &MeetingDetail, public: bool, created: DateTime<Utc>) -> Rendered {
    let lang = document_lang(&detail.council);
    let council = &detail.council;
    let meeting = &detail.meeting;
    let title = t(lang, "pdf.minutes.title", &[("council", &council.name)]);
    let mut doc = Doc::new(DocMeta {
        title: version_title(lang, &title, public),
        author: council.name.clone(),
        subject: t(lang, "pdf.minutes.subject", &[("date", &i18n::date(meeting.date))]),
        created,
        lang: crate::documents::pdf_lang(lang),
    });
    doc.heading(1, &title);
    if is_draft(DocumentKind::Minutes, meeting) {
        doc.stamp_every_page(&t(lang, "pdf.draft_stamp", &[]));
        doc.note(&t(lang, "pdf.draft", &[]));
    }
    if public {
        doc.note(&t(lang, "pdf.public_version", &[]));
    }
    header(&mut doc, lang, detail);
    doc.spacer(4.0);

    doc.heading(2, &t(lang, "pdf.attendance", &[]));
    let rows: Vec<Vec<String>> = detail
        .attendance
        .iter()
        .map(|r| {
            vec![
                r.person_name.clone(),
                detail.names.get(lang).seat_category(r.category.key()),
                label(lang, "role", &r.role),
                attendance_text(lang, r),
            ]
        })
        .collect();
    doc.table(
        &[
            Column::new(t(lang, "pdf.col.name", &[]), 3.0),
            Column::new(t(lang, "pdf.col.category", &[]), 2.4),
            Column::new(t(lang, "pdf.col.role", &[]), 1.8),
            Column::new(t(lang, "pdf.col.attendance", &[]), 2.6),
        ],
        &rows,
    );
    if !meeting.guests.is_empty() {
        doc.label_value(&t(lang, "pdf.guests", &[]), &meeting.guests);
    }
    if !meeting.kommune_rep.is_empty() {
        doc.label_value(&t(lang, "pdf.kommune_rep", &[]), &meeting.kommune_rep);
    }
    if let Some(chair) = &detail.chair {
        doc.label_value(&t(lang, "pdf.chair", &[]), chair);
    }
    if let Some(taker) = &detail.minute_taker {
        doc.label_value(&t(lang, "pdf.minute_taker", &[]), taker);
    }

    if !detail.earlier_amendments.is_empty() {
        doc.spacer(4.0);
        doc.heading(2, &t(lang, "pdf.earlier_amendments", &[]));
        for a in &detail.earlier_amendments {
            doc.label_value(&i18n::date(a.meeting_date), &a.text);
        }
    }

    doc.spacer(4.0);
    doc.heading(2, &t(lang, "pdf.items", &[]));
    if detail.items.is_empty() {
        doc.paragraph(&t(lang, "pdf.agenda_empty", &[]));
    }
    for item in &detail.items {
        minutes_item(
            &mut doc,
            lang,
            item,
            public,
            detail.meeting.status >= MeetingStatus::Held,
        );
    }

    doc.spacer(6.0);
    let signatories = signatory_names(detail);
    match &meeting.approval {
        Some(Approval::LaterMeeting { .. }) => {
            let item = detail.approved_in.clone().unwrap_or_default();
            doc.paragraph(&t(lang, "pdf.approved_later", &[("item", &item)]));
        }
        _ => {
            let names = if signatories.is_empty() {
                vec![String::new(), String::new()]
            } else {
                signatories
            };
            doc.keep_together(|d| {
                d.paragraph(&t(lang, "pdf.sign_intro", &[]));
                d.spacer(10.0);
                d.signature_lines(&names);
            });
        }
    }
    if !detail.amendments.is_empty() {
        doc.spacer(4.0);
        doc.heading(2, &t(lang, "pdf.amendments", &[]));
        for a in &detail.amendments {
            let day = a
                .recorded
                .at
                .get(..10)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let at = day.map(i18n::date).unwrap_or_default();
            let by = t(lang, "pdf.amendment_by", &[("by", &a.recorded.by), ("at", &at)]);
            doc.label_value(&by, &a.text);
        }
    }
    finish(DocumentKind::Minutes, public, detail, doc, lang, "pdf.minutes.footer")
}

#[cfg(test)]
mod saved_message_tests {
    use super::*;

    #[test]
    fn an_export_says_the_folder_and_the_file_and_keeps_the_checksums_apart() {
        let path = std::path::Path::new("/home/kari/Dokumenter/Innkalling 2027-01-20.pdf");
        let message = saved_message(Lang::Nb, "export.notice_saved", path, &[]);
        assert_eq!(
            message,
            "Innkallingen er lagret i Dokumenter som «Innkalling 2027-01-20.pdf»."
        );
        let sha = "a".repeat(64);
        let details = export_details(Lang::Nb, &sha, "0123456789abcdef");
        assert!(
            details.contains(&sha) && details.contains("Kontrollnummer i bunnteksten: 0123456789ab."),
            "{details}"
        );
        assert!(!message.contains("SHA") && !message.contains("/home"));
    }

    #[test]
    fn the_notice_says_whom_to_tell_by_name_and_phone() {
        let mut kari = Person {
            id: "p".into(),
            name: "Kari Sekretær".into(),
            email: String::new(),
            phone: "900 11 222".into(),
            gender: None,
        };
        assert_eq!(
            excuse(Lang::Nb, Some(&kari)),
            "Meld forfall til sekretæren, Kari Sekretær, på telefon 900\u{a0}11\u{a0}222 så snart som mulig, så varamedlem kan kalles inn."
        );
        kari.phone = String::new();
        assert!(excuse(Lang::Nn, Some(&kari)).starts_with("Meld forfall til sekretæren, Kari Sekretær, så snart"));
        assert!(excuse(Lang::En, None).starts_with("Please tell the secretary as soon"));
    }
}
