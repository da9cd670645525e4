//! Reviewer sheets out and back in (see [`crate::review`] for the format).
//!
//! A sheet lists the applications a committee member may score on the day it
//! is made: open (neither withdrawn nor decided) and none the member is
//! inhabil for, with the scores they have already given. Read back, every
//! cell is checked before anything is written; a filled score cell replaces
//! the member's score for that application and criterion (audited, as a score
//! typed in the app is), a blank cell leaves it as it is. Each return is
//! recorded in the audit log as `review_sheet.<membership id>` on the scheme,
//! with a SHA-256 of what the sheet said, so the same sheet read twice changes
//! nothing and the committee view can say who returned a sheet, and when.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{applications, audit, councils, memberships, schemes, scoring, Store};
use crate::error::{CoreError, FieldIssue, Result, RowFault};
use crate::i18n::t;
use crate::model::{Actor, Lang, Membership, ScoreInput, Step};
use crate::review::{ReviewSheetFault, ScoreCell, SheetApplication, SheetContent};

/// What reading a sheet in did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewImported {
    pub scheme_id: String,
    pub membership_id: String,
    pub member: String,
    pub applications: i32,
    /// Scores (or comments) that changed.
    pub changed: i32,
    /// The same sheet was read in before: nothing was written.
    pub unchanged: bool,
}

/// A review sheet written for a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSheetSaved {
    pub path: String,
    pub member: String,
    pub applications: i32,
}

/// The newest sheet each member returned for a scheme: membership id → when and by whom.
pub(super) fn returns(conn: &Connection, scheme_id: &str) -> Result<HashMap<String, (Step, String)>> {
    let mut stmt = conn.prepare(
        "SELECT field, at, who, coalesce(new, '') FROM audit
         WHERE entity = 'grant_scheme' AND entity_id = ?1 AND field LIKE 'review_sheet.%' ORDER BY seq",
    )?;
    let rows = stmt.query_map([scheme_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut found = HashMap::new();
    for row in rows {
        let (field, at, by, sum) = row?;
        let membership = field.trim_start_matches("review_sheet.").to_owned();
        found.insert(membership, (Step { at, by }, sum));
    }
    Ok(found)
}

/// The committee member `person_id` of the scheme's council on `today`.
fn member_of_committee(
    conn: &Connection,
    scheme: &crate::model::GrantScheme,
    person_id: &str,
    today: NaiveDate,
) -> Result<Membership> {
    scoring::reviewers(conn, &scheme.council_id, today)?
        .into_iter()
        .find(|m| m.person.id == person_id)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("member", "review.not_on_committee")))
}

fn content(conn: &Connection, scheme_id: &str, person_id: &str, today: NaiveDate) -> Result<(SheetContent, Lang)> {
    let scheme = schemes::scheme(conn, scheme_id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let lang = crate::documents::document_lang(&council);
    let member = member_of_committee(conn, &scheme, person_id, today)?;
    let mut applications = Vec::new();
    for a in applications::applications_of(conn, scheme_id)? {
        if a.withdrawn.is_some() || a.decision.is_some() || scoring::inhabil_of(conn, &a, &member)?.is_some() {
            continue;
        }
        let given = scoring::scores_of(conn, &a.id, &member.id)?;
        let score_of = |id: &str| given.iter().find(|s| s.criterion_id == id);
        applications.push(SheetApplication {
            scores: scheme
                .criteria
                .iter()
                .map(|c| score_of(&c.id).map(|s| s.score))
                .collect(),
            comment: scheme
                .criteria
                .first()
                .and_then(|c| score_of(&c.id))
                .map(|s| s.comment.clone())
                .unwrap_or_default(),
            id: a.id,
            number: a.number,
            organisation: a.organisation,
            title: a.title,
            description: a.description,
            amount_asked_ore: a.amount_asked_ore,
        });
    }
    Ok((
        SheetContent {
            scheme_id: scheme.id.clone(),
            scheme_name: scheme.name.clone(),
            membership_id: member.id.clone(),
            person_id: member.person.id.clone(),
            member_name: member.person.name.clone(),
            criteria: scheme
                .criteria
                .iter()
                .map(|c| (c.id.clone(), c.name.clone(), c.weight))
                .collect(),
            applications,
        },
        lang,
    ))
}

/// What a returned sheet says, as one checksum: the same sheet twice gives the same.
fn sheet_sum(sheet: &crate::review::ReturnedSheet) -> String {
    let mut text = format!("{}\u{1e}{}\u{1e}", sheet.scheme_id, sheet.membership_id);
    for row in &sheet.rows {
        text.push_str(&row.application_id);
        for cell in &row.scores {
            text.push('\u{1f}');
            text.push_str(&format!("{cell:?}"));
        }
        text.push('\u{1f}');
        text.push_str(&row.comment);
        text.push('\u{1e}');
    }
    crate::pdf::sha256_hex(text.as_bytes())
}

/// The scores to save for one application, checked; faults are added to `faults`.
fn planned_row(
    conn: &Connection,
    sheet: &crate::review::ReturnedSheet,
    row: &crate::review::ReturnedRow,
    member: &Membership,
    scheme: &crate::model::GrantScheme,
    faults: &mut Vec<RowFault>,
) -> Result<(Vec<ScoreInput>, i32)> {
    let a = applications::application(conn, &row.application_id)?;
    let given = scoring::scores_of(conn, &a.id, &member.id)?;
    let existing = |id: &str| given.iter().find(|s| s.criterion_id == id);
    let fault = |faults: &mut Vec<RowFault>, column: &str, issue: FieldIssue| {
        faults.push(RowFault {
            row: row.row,
            column: column.to_owned(),
            issue,
        });
    };
    let comment_heading = sheet.headings.last().cloned().unwrap_or_default();
    let comment = crate::rules::validate::clean_text(&row.comment);
    for issue in crate::rules::validate::text_issues("scores.0.comment", &comment) {
        fault(faults, &comment_heading, issue);
    }
    let mut inputs = Vec::new();
    let mut changed = 0;
    for (k, (criterion, cell)) in scheme.criteria.iter().zip(&row.scores).enumerate() {
        let heading = sheet.headings.get(5 + k).cloned().unwrap_or_default();
        let before = existing(&criterion.id);
        let score = match cell {
            ScoreCell::Blank => before.map(|s| s.score).filter(|_| k == 0 && !comment.is_empty()),
            ScoreCell::Whole(n) if (1..=5).contains(n) => Some(*n as i32),
            ScoreCell::Whole(n) => {
                fault(
                    faults,
                    &heading,
                    FieldIssue::new("score", "review.score_range").with("value", n.to_string()),
                );
                continue;
            }
            ScoreCell::Other(text) => {
                fault(
                    faults,
                    &heading,
                    FieldIssue::new("score", "review.score_range").with("value", text.clone()),
                );
                continue;
            }
        };
        let Some(score) = score else {
            if k == 0 && !comment.is_empty() {
                fault(
                    faults,
                    &comment_heading,
                    FieldIssue::new("comment", "review.comment_needs_score").with("criterion", criterion.name.clone()),
                );
            }
            continue;
        };
        // The comment column belongs to the first criterion's score; the
        // others keep the comment they have.
        let text = if k == 0 {
            comment.clone()
        } else {
            before.map(|s| s.comment.clone()).unwrap_or_default()
        };
        if before.map(|s| (s.score, s.comment.as_str())) != Some((score, text.as_str())) {
            changed += 1;
        }
        inputs.push(ScoreInput {
            criterion_id: criterion.id.clone(),
            score: Some(score),
            comment: text,
        });
    }
    if changed > 0 {
        let number = a.number.to_string();
        if a.withdrawn.is_some() || a.decision.is_some() {
            fault(
                faults,
                "",
                FieldIssue::new("application", "review.application_closed").with("number", number),
            );
        } else if let Some(inhabil) = scoring::inhabil_of(conn, &a, member)? {
            fault(
                faults,
                "",
                FieldIssue::new("application", "review.inhabil")
                    .with("name", inhabil.person_name)
                    .with("number", number),
            );
        }
    }
    Ok((if changed > 0 { inputs } else { Vec::new() }, changed))
}

impl Store {
    /// The file name a member's sheet is offered under:
    /// `Vurderingsark Nærmiljøtilskudd 2026 Kari Nordmann.xlsx`.
    pub fn review_sheet_file_name(&self, scheme_id: &str, person_id: &str, today: NaiveDate) -> Result<String> {
        let (content, lang) = content(&self.conn, scheme_id, person_id, today)?;
        Ok(crate::documents::safe_file_name(&format!(
            "{} {} {}.xlsx",
            t(lang, "review.file_word", &[]),
            content.scheme_name,
            content.member_name
        )))
    }

    /// Writes a committee member's review sheet for a scheme to `out` (the
    /// person's id; the member's seat on `today`). Only reads the database.
    pub fn export_review_sheet(
        &self,
        scheme_id: &str,
        person_id: &str,
        today: NaiveDate,
        out: &Path,
    ) -> Result<ReviewSheetSaved> {
        self.export_target(out)?;
        let (content, lang) = content(&self.conn, scheme_id, person_id, today)?;
        let bytes = crate::review::write(&content, lang)?;
        crate::pdf::write_atomically(out, &bytes)?;
        Ok(ReviewSheetSaved {
            path: out.display().to_string(),
            member: content.member_name,
            applications: content.applications.len() as i32,
        })
    }

    /// Reads a returned review sheet. With `scheme_id`, a sheet for another
    /// scheme is refused. Every cell is checked first; a sheet with any bad
    /// cell is refused whole (`CoreError::BadRows`), a changed layout or
    /// identification too (`CoreError::BadReviewSheet`). Then, in one write,
    /// the member's scores are replaced where the sheet has a score, and the
    /// return is recorded.
    pub fn import_review_sheet(
        &mut self,
        actor: &Actor,
        path: &Path,
        scheme_id: Option<&str>,
    ) -> Result<ReviewImported> {
        self.writable()?;
        let name = path.display().to_string();
        let refuse = |fault| CoreError::BadReviewSheet {
            path: name.clone(),
            fault,
        };
        if std::fs::metadata(path)?.len() > crate::review::MAX_BYTES {
            return Err(refuse(ReviewSheetFault::Unreadable));
        }
        let bytes = std::fs::read(path)?;
        let sheet = crate::review::read(&bytes, &name)?;
        let scheme = match schemes::scheme(&self.conn, &sheet.scheme_id) {
            Ok(s) => s,
            Err(CoreError::NotFound { .. }) => return Err(refuse(ReviewSheetFault::UnknownScheme)),
            Err(e) => return Err(e),
        };
        if let Some(here) = scheme_id {
            if here != scheme.id {
                let here = schemes::scheme(&self.conn, here)?;
                return Err(refuse(ReviewSheetFault::OtherScheme {
                    sheet: scheme.name,
                    here: here.name,
                }));
            }
        }
        let member = match memberships::get(&self.conn, &sheet.membership_id) {
            Ok(m) if m.council_id == scheme.council_id && m.person.id == sheet.person_id => m,
            Ok(_) | Err(CoreError::NotFound { .. }) => return Err(refuse(ReviewSheetFault::Tampered)),
            Err(e) => return Err(e),
        };
        if sheet.criteria != scheme.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>() {
            return Err(refuse(ReviewSheetFault::CriteriaChanged));
        }
        for row in &sheet.rows {
            match applications::application(&self.conn, &row.application_id) {
                Ok(a) if a.scheme_id == scheme.id => {}
                Ok(_) | Err(CoreError::NotFound { .. }) => return Err(refuse(ReviewSheetFault::Tampered)),
                Err(e) => return Err(e),
            }
        }
        let sum = sheet_sum(&sheet);
        let previous = returns(&self.conn, &scheme.id)?.remove(&member.id);
        let mut done = ReviewImported {
            scheme_id: scheme.id.clone(),
            membership_id: member.id.clone(),
            member: member.person.name.clone(),
            applications: sheet.rows.len() as i32,
            changed: 0,
            unchanged: false,
        };
        if previous.as_ref().is_some_and(|(_, before)| *before == sum) {
            done.unchanged = true;
            return Ok(done);
        }
        let mut faults = Vec::new();
        let mut plan = Vec::new();
        for row in &sheet.rows {
            let (inputs, changed) = planned_row(&self.conn, &sheet, row, &member, &scheme, &mut faults)?;
            done.changed += changed;
            if !inputs.is_empty() {
                plan.push((row.application_id.clone(), inputs));
            }
        }
        if !faults.is_empty() {
            // As the sheet reads: row by row, left to right.
            let column = |f: &RowFault| sheet.headings.iter().position(|h| *h == f.column).unwrap_or(0);
            faults.sort_by_key(|f| (f.row, column(f)));
            return Err(CoreError::BadRows(faults));
        }
        self.write(|tx| {
            for (application_id, inputs) in &plan {
                scoring::save_scores(tx, actor, application_id, &member.id, inputs)?;
            }
            audit::record(
                tx,
                actor,
                "grant_scheme",
                &scheme.id,
                &format!("review_sheet.{}", member.id),
                previous.as_ref().map(|(_, s)| s.as_str()),
                Some(&sum),
            )
        })?;
        Ok(done)
    }
}
