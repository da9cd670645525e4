//! The committee's review of an application: inhabil members and scores.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{applications, audit, memberships, schemes, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules::grants::{self as rules};

/// The members of the committee on `day`: the council's members with a seat.
pub(super) fn reviewers(conn: &Connection, council_id: &str, day: NaiveDate) -> Result<Vec<Membership>> {
    let mut members: Vec<Membership> = memberships::of_council(conn, council_id)?
        .into_iter()
        .filter(|m| m.role.holds_seat() && m.sits_on(day))
        .collect();
    members.sort_by_key(|m| crate::rules::names::sort_key(&m.person.name));
    Ok(members)
}

/// What the committee recorded for a member and an application: a declared
/// inhabilitet, or a proposed one overruled — each with its reason.
fn finding(conn: &Connection, application_id: &str, membership_id: &str) -> Result<Option<(String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT reason, overruled FROM grant_inhabil WHERE application_id = ?1 AND membership_id = ?2",
            [application_id, membership_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Whether `member` is inhabil for `application`: declared, or by
/// representing the applicant unless the committee overruled that.
pub(super) fn inhabil_of(conn: &Connection, application: &Application, member: &Membership) -> Result<Option<Inhabil>> {
    let inhabil = |source, reason: String| Inhabil {
        membership_id: member.id.clone(),
        person_name: member.person.name.clone(),
        source,
        reason,
    };
    Ok(match finding(conn, &application.id, &member.id)? {
        Some((reason, false)) => Some(inhabil(InhabilSource::Declared, reason)),
        Some((_, true)) => None,
        None if rules::same_organisation(&member.organisation, &application.organisation) => {
            Some(inhabil(InhabilSource::Organisation, member.organisation.clone()))
        }
        None => None,
    })
}

/// The overruled proposal of inhabilitet for `member`, while it still stands
/// (the member still represents the applicant).
fn overruling_of(
    conn: &Connection,
    application: &Application,
    member: &Membership,
) -> Result<Option<InhabilOverruled>> {
    Ok(match finding(conn, &application.id, &member.id)? {
        Some((reason, true)) if rules::same_organisation(&member.organisation, &application.organisation) => {
            Some(InhabilOverruled {
                membership_id: member.id.clone(),
                person_name: member.person.name.clone(),
                organisation: member.organisation.clone(),
                reason,
            })
        }
        _ => None,
    })
}

/// The members of `members` proposed inhabil for an application whom the
/// committee found not inhabil, with its reason, as a meeting shows them.
pub(super) fn overruled_of(conn: &Connection, application_id: &str, members: &[String]) -> Result<Vec<InhabilMember>> {
    let a = applications::application(conn, application_id)?;
    let mut found = Vec::new();
    for id in members {
        let member = memberships::get(conn, id)?;
        if let Some(o) = overruling_of(conn, &a, &member)? {
            found.push(InhabilMember {
                membership_id: o.membership_id,
                person_name: o.person_name,
                reason: o.reason,
                about: InhabilAbout::Own,
            });
        }
    }
    Ok(found)
}

/// The members of `members` inhabil for an application, as inhabilitet a meeting
/// proposes: declared in the committee (with its reason), or representing the
/// applicant; a reason not in words is left to `crate::views::label_inhabil`.
pub(super) fn inhabil_members_of(
    conn: &Connection,
    application_id: &str,
    members: &[String],
) -> Result<Vec<InhabilMember>> {
    let a = applications::application(conn, application_id)?;
    let mut found = Vec::new();
    for id in members {
        let member = memberships::get(conn, id)?;
        if let Some(inhabil) = inhabil_of(conn, &a, &member)? {
            let (reason, about) = match (inhabil.source, inhabil.reason.trim()) {
                (InhabilSource::Organisation, _) => (String::new(), InhabilAbout::Organisation(a.organisation.clone())),
                (InhabilSource::Declared, "") => (String::new(), InhabilAbout::Declared),
                (InhabilSource::Declared, reason) => (reason.to_owned(), InhabilAbout::Own),
            };
            found.push(InhabilMember {
                membership_id: inhabil.membership_id,
                person_name: inhabil.person_name,
                reason,
                about,
            });
        }
    }
    Ok(found)
}

pub(super) fn scores_of(conn: &Connection, application_id: &str, membership_id: &str) -> Result<Vec<Score>> {
    let mut stmt = conn.prepare(
        "SELECT s.criterion_id, s.score, s.comment FROM grant_score s
         JOIN grant_criterion c ON c.id = s.criterion_id
         WHERE s.application_id = ?1 AND s.membership_id = ?2 ORDER BY c.position",
    )?;
    let rows = stmt.query_map([application_id, membership_id], |r| {
        Ok(Score {
            criterion_id: r.get(0)?,
            score: r.get(1)?,
            comment: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Members who have scored an application but no longer sit still count.
pub(super) fn reviews(
    conn: &Connection,
    scheme: &GrantScheme,
    application: &Application,
    committee: &[Membership],
) -> Result<Vec<Review>> {
    let mut members: Vec<Membership> = committee.to_vec();
    let scorers: Vec<String> = {
        let mut stmt = conn.prepare("SELECT DISTINCT membership_id FROM grant_score WHERE application_id = ?1")?;
        let rows = stmt.query_map([&application.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in scorers {
        if !members.iter().any(|m| m.id == id) {
            members.push(memberships::get(conn, &id)?);
        }
    }
    members
        .iter()
        .map(|m| {
            let scores = scores_of(conn, &application.id, &m.id)?;
            Ok(Review {
                membership_id: m.id.clone(),
                person_name: m.person.name.clone(),
                organisation: m.organisation.clone(),
                inhabil: inhabil_of(conn, application, m)?,
                overruled: overruling_of(conn, application, m)?,
                weighted: rules::weighted(&scheme.criteria, &scores),
                scores,
            })
        })
        .collect()
}

pub(super) fn committee_score(reviews: &[Review]) -> (Option<f64>, i32) {
    let complete: Vec<f64> = reviews
        .iter()
        .filter(|r| r.inhabil.is_none())
        .filter_map(|r| r.weighted)
        .collect();
    (rules::committee_score(&complete), complete.len() as i32)
}

/// An application still open, its scheme, and a member of the scheme's
/// council: what every committee change to one application starts from.
fn open_to_member(
    conn: &Connection,
    application_id: &str,
    membership_id: &str,
) -> Result<(Application, GrantScheme, Membership)> {
    let a = applications::application(conn, application_id)?;
    applications::check_open(&a)?;
    let scheme = schemes::scheme(conn, &a.scheme_id)?;
    let member = committee_member(conn, &scheme, membership_id)?;
    Ok((a, scheme, member))
}

/// The membership, checked to belong to the scheme's council.
fn committee_member(conn: &Connection, scheme: &GrantScheme, membership_id: &str) -> Result<Membership> {
    let member = memberships::get(conn, membership_id)?;
    if member.council_id != scheme.council_id {
        return Err(CoreError::invalid(FieldIssue::new(
            "membershipId",
            "validation.reviewer_not_member",
        )));
    }
    Ok(member)
}

pub fn declare_inhabil(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<Application> {
    open_to_member(conn, application_id, membership_id)?;
    conn.execute(
        "INSERT INTO grant_inhabil (application_id, membership_id, reason) VALUES (?1, ?2, ?3)
         ON CONFLICT (application_id, membership_id) DO UPDATE SET reason = excluded.reason, overruled = 0",
        params![application_id, membership_id, reason],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        application_id,
        &format!("inhabil.{membership_id}"),
        None,
        Some(reason),
    )?;
    // An inhabil member's scores do not count: they are removed, and the removal audited.
    remove_scores(conn, actor, application_id, membership_id)?;
    applications::refresh_status(conn, actor, application_id)
}

/// Withdraws what the committee recorded for a member: a declared
/// inhabilitet, or the overruling of a proposed one — then the proposal
/// stands again and the member's scores, which no longer count, are removed.
pub fn clear_inhabil(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
) -> Result<Application> {
    let a = applications::application(conn, application_id)?;
    applications::check_open(&a)?;
    let old: Option<(String, bool)> = conn
        .query_row(
            "DELETE FROM grant_inhabil WHERE application_id = ?1 AND membership_id = ?2 RETURNING reason, overruled",
            [application_id, membership_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match old {
        Some((old, false)) => audit::record(
            conn,
            actor,
            "grant_application",
            application_id,
            &format!("inhabil.{membership_id}"),
            Some(&old),
            None,
        )?,
        Some((old, true)) => {
            audit::record(
                conn,
                actor,
                "grant_application",
                application_id,
                &format!("inhabilOverruled.{membership_id}"),
                Some(&old),
                None,
            )?;
            remove_scores(conn, actor, application_id, membership_id)?;
        }
        None => {}
    }
    applications::refresh_status(conn, actor, application_id)
}

/// Removes a member's scores of an application, which no longer count, and audits it.
fn remove_scores(conn: &Connection, actor: &Actor, application_id: &str, membership_id: &str) -> Result<()> {
    let removed = conn.execute(
        "DELETE FROM grant_score WHERE application_id = ?1 AND membership_id = ?2",
        params![application_id, membership_id],
    )?;
    if removed > 0 {
        audit::record(
            conn,
            actor,
            "grant_application",
            application_id,
            &format!("scores.{membership_id}"),
            Some(&removed.to_string()),
            None,
        )?;
    }
    Ok(())
}

/// Finds a member proposed inhabil (they represent the applicant) not
/// inhabil after all, for `reason`: they may then score the application and
/// vote on its decision. Refused without a reason, and for a member not
/// proposed inhabil.
pub fn overrule_inhabil(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<Application> {
    let (a, _, member) = open_to_member(conn, application_id, membership_id)?;
    let proposed = matches!(
        inhabil_of(conn, &a, &member)?,
        Some(Inhabil {
            source: InhabilSource::Organisation,
            ..
        })
    );
    rules::check_overrule(proposed, reason)?;
    conn.execute(
        "INSERT INTO grant_inhabil (application_id, membership_id, reason, overruled) VALUES (?1, ?2, ?3, 1)",
        params![application_id, membership_id, reason],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        application_id,
        &format!("inhabilOverruled.{membership_id}"),
        None,
        Some(reason),
    )?;
    applications::refresh_status(conn, actor, application_id)
}

/// Saves one member's scores of one application, all criteria at once. A
/// criterion without a score clears that member's score for it.
pub fn save_scores(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
    scores: &[ScoreInput],
) -> Result<Application> {
    let (a, scheme, member) = open_to_member(conn, application_id, membership_id)?;
    if let Some(inhabil) = inhabil_of(conn, &a, &member)? {
        return Err(CoreError::Conflict(
            FieldIssue::new("scores", "validation.score_inhabil").with("name", inhabil.person_name),
        ));
    }
    let mut issues = Vec::new();
    for (i, s) in scores.iter().enumerate() {
        if !scheme.criteria.iter().any(|c| c.id == s.criterion_id) {
            return Err(applications::not_found("criterion", &s.criterion_id));
        }
        if let Some(score) = s.score {
            if let Err(CoreError::Invalid(mut found)) = rules::check_score(&format!("scores.{i}.score"), score) {
                issues.append(&mut found);
            }
        }
        let comment = crate::rules::validate::clean_text(&s.comment);
        issues.extend(crate::rules::validate::text_issues(
            &format!("scores.{i}.comment"),
            &comment,
        ));
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    for s in scores {
        let comment = crate::rules::validate::clean_text(&s.comment);
        let old: Option<(i32, String)> = conn
            .query_row(
                "SELECT score, comment FROM grant_score
                 WHERE application_id = ?1 AND membership_id = ?2 AND criterion_id = ?3",
                [application_id, membership_id, &s.criterion_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let new = s.score.map(|score| (score, comment.clone()));
        if old == new {
            continue;
        }
        match &new {
            Some((score, comment)) => conn.execute(
                "INSERT INTO grant_score (application_id, membership_id, criterion_id, score, comment)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (application_id, membership_id, criterion_id)
                 DO UPDATE SET score = excluded.score, comment = excluded.comment",
                params![application_id, membership_id, s.criterion_id, score, comment],
            )?,
            None => conn.execute(
                "DELETE FROM grant_score WHERE application_id = ?1 AND membership_id = ?2 AND criterion_id = ?3",
                params![application_id, membership_id, s.criterion_id],
            )?,
        };
        let text = |v: &Option<(i32, String)>| v.as_ref().map(|(score, comment)| format!("{score} {comment}"));
        audit::record(
            conn,
            actor,
            "grant_application",
            application_id,
            &format!("score.{membership_id}.{}", s.criterion_id),
            text(&old).as_deref().map(str::trim_end),
            text(&new).as_deref().map(str::trim_end),
        )?;
    }
    conn.execute(
        "UPDATE grant_application SET reviewing = 1 WHERE id = ?1 AND reviewing = 0",
        [application_id],
    )?;
    applications::refresh_status(conn, actor, application_id)
}

impl Store {
    pub fn declare_inhabil(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<Application> {
        let reason = crate::rules::validate::free_text("reason", reason)?;
        self.write(|tx| declare_inhabil(tx, actor, application_id, membership_id, &reason))
    }

    pub fn clear_inhabil(&mut self, actor: &Actor, application_id: &str, membership_id: &str) -> Result<Application> {
        self.write(|tx| clear_inhabil(tx, actor, application_id, membership_id))
    }

    /// Finds a member proposed inhabil not inhabil after all, with the reason.
    pub fn overrule_inhabil(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<Application> {
        let reason = crate::rules::validate::free_text("reason", reason)?;
        self.write(|tx| overrule_inhabil(tx, actor, application_id, membership_id, &reason))
    }

    /// One member's scores of one application, every criterion in one write.
    pub fn save_scores(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        scores: &[ScoreInput],
    ) -> Result<Application> {
        self.write(|tx| save_scores(tx, actor, application_id, membership_id, scores))
    }
}
