//! Yearly duties and the coordinator's overview (the archived annual reports are in `annual_reports.rs`).
//!
//! A duty of a council and year exists without a row: the `duty` table holds
//! only what was edited (a due date, a waiver). Its evidence is looked up
//! each time, so a duty is fulfilled the moment its evidence is recorded.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{audit, codec, councils, memberships, new_id, Store};
use crate::error::{CoreError, Result};
use crate::model::*;
use crate::rules::{self, duties::DutyFacts};

/// What was edited for one duty.
struct Edited {
    id: String,
    due: Option<NaiveDate>,
    waived_reason: Option<String>,
    waived: Option<Step>,
}

fn year_span(year: i32) -> (String, String) {
    (format!("{year:04}-01-01"), format!("{year:04}-12-31"))
}

/// Everything that decides the duties of one year, for one council or all,
/// in five grouped queries (so the overview of 200 councils asks no more
/// than the page of one).
#[derive(Default)]
struct YearFacts {
    /// The kommune profile the duties are of.
    profile: KommuneProfile,
    edits: HashMap<(String, DutyKey), Edited>,
    /// The first held meeting of each kind (by its key), per council.
    meetings: HashMap<(String, String), (String, NaiveDate)>,
    /// The held meetings' notices, per council (only when a duty asks).
    notices: HashMap<String, rules::duties::NoticeFacts>,
    /// The duties confirmed by hand, per council and duty key.
    confirmations: super::duty_confirmations::Confirmations,
    /// The first exported annual report of the year: id, created at.
    reports: HashMap<String, (String, String)>,
    /// The first scheme of the year (id, name), and how many of the year's
    /// applications are not yet accounted for, with the last report's day.
    schemes: HashMap<String, (String, String)>,
    accounts: HashMap<String, (i64, Option<String>)>,
    /// Budget, granted and paid of the year's schemes; the next meeting and
    /// the last approved minutes as of today (only for the overview).
    money: HashMap<String, (i64, i64, i64)>,
    next: HashMap<String, MeetingBrief>,
    last_approved: HashMap<String, MeetingBrief>,
    /// The first day each council existed: the earliest of its creation,
    /// a member's term and a meeting.
    since: HashMap<String, NaiveDate>,
}

/// What was edited for the duties of `year`, of one council or all.
fn edits(conn: &Connection, year: i32, council_id: Option<&str>) -> Result<HashMap<(String, DutyKey), Edited>> {
    let mut stmt = conn.prepare_cached(
        "SELECT council_id, kind, id, due_date, waived_reason, waived_at, waived_by FROM duty
         WHERE year = ?1 AND (?2 IS NULL OR council_id = ?2)",
    )?;
    let rows = stmt.query_map(params![year, council_id], |r| {
        let due: Option<String> = r.get(3)?;
        let at: Option<String> = r.get(5)?;
        let by: Option<String> = r.get(6)?;
        Ok((
            (r.get::<_, String>(0)?, DutyKey(r.get::<_, String>(1)?)),
            Edited {
                id: r.get(2)?,
                due: due.map(|d| codec::parse_day(3, &d)).transpose()?,
                waived_reason: r.get(4)?,
                waived: at.zip(by).map(|(at, by)| Step { at, by }),
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn year_facts(conn: &Connection, year: i32, council_id: Option<&str>) -> Result<YearFacts> {
    let (from, to) = year_span(year);
    let profile = super::profile::current(conn)?;
    let asks = |kind: ProfileEvidenceKind| profile.duties.iter().any(|d| d.evidence.known_kind() == Some(kind));
    let (notices, manual) = (
        asks(ProfileEvidenceKind::NoticePublishedBeforeMeeting),
        asks(ProfileEvidenceKind::Manual),
    );
    let mut facts = YearFacts {
        edits: edits(conn, year, council_id)?,
        confirmations: if manual {
            super::duty_confirmations::of_year(conn, year, council_id)?
        } else {
            HashMap::new()
        },
        profile,
        ..YearFacts::default()
    };
    // SQLite gives the bare columns of the row that holds min(): the first of each kind.
    let mut stmt = conn.prepare_cached(
        "SELECT council_id, kind, id, min(date) FROM meeting
         WHERE date BETWEEN ?1 AND ?2 AND status IN ('held', 'approved')
           AND (?3 IS NULL OR council_id = ?3)
         GROUP BY council_id, kind",
    )?;
    for row in stmt.query_map(params![from, to, council_id], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
            (r.get::<_, String>(2)?, codec::parse_day(3, &r.get::<_, String>(3)?)?),
        ))
    })? {
        let (key, meeting) = row?;
        facts.meetings.insert(key, meeting);
    }
    if notices {
        // A notice counts as published before the meeting when it was sent
        // (`notice_sent_at`, the notice's recorded sending) on a day before
        // the meeting's. The bare columns are those of the last meeting held.
        let mut stmt = conn.prepare_cached(
            "SELECT council_id, count(*),
                    count(CASE WHEN notice_sent_at IS NOT NULL AND substr(notice_sent_at, 1, 10) < date THEN 1 END),
                    id, max(date)
             FROM meeting
             WHERE date BETWEEN ?1 AND ?2 AND status IN ('held', 'approved')
               AND (?3 IS NULL OR council_id = ?3)
             GROUP BY council_id",
        )?;
        for row in stmt.query_map(params![from, to, council_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                rules::duties::NoticeFacts {
                    held: r.get(1)?,
                    in_time: r.get(2)?,
                    last: Some((r.get::<_, String>(3)?, codec::parse_day(4, &r.get::<_, String>(4)?)?)),
                },
            ))
        })? {
            let (council, notice) = row?;
            facts.notices.insert(council, notice);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, min(substr(c.created_at, 1, 10),
                    coalesce((SELECT min(m.term_from) FROM membership m WHERE m.council_id = c.id), '9999-12-31'),
                    coalesce((SELECT min(x.date) FROM meeting x WHERE x.council_id = c.id), '9999-12-31'))
         FROM council c WHERE (?1 IS NULL OR c.id = ?1)",
    )?;
    for row in stmt.query_map(params![council_id], |r| {
        Ok((r.get::<_, String>(0)?, codec::parse_day(1, &r.get::<_, String>(1)?)?))
    })? {
        let (council, since) = row?;
        facts.since.insert(council, since);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT council_id, id, min(created_at) FROM annual_report
         WHERE year = ?1 AND (?2 IS NULL OR council_id = ?2) GROUP BY council_id",
    )?;
    for row in stmt.query_map(params![year, council_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
        let (council, report) = row?;
        facts.reports.insert(council, report);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT council_id, id, name, min(id) FROM grant_scheme
         WHERE year = ?1 AND (?2 IS NULL OR council_id = ?2) GROUP BY council_id",
    )?;
    for row in stmt.query_map(params![year, council_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
        let (council, scheme) = row?;
        facts.schemes.insert(council, scheme);
    }
    // Per scheme in one pass over the year's applications (the index
    // grant_application_money alone): its money, and whether it is accounted
    // for (nothing left undecided, and every grant's final report accepted).
    let mut stmt = conn.prepare_cached(
        "SELECT s.council_id, s.budget_ore, coalesce(sum(a.granted_ore), 0),
                coalesce(sum(a.paid_ore), 0),
                count(CASE WHEN (a.granted_ore IS NULL AND a.withdrawn_at IS NULL)
                             OR (a.granted_ore > 0 AND coalesce(a.report_accepted, 0) = 0) THEN 1 END),
                max(a.report_received)
         FROM grant_scheme s LEFT JOIN grant_application a ON a.scheme_id = s.id
         WHERE s.year = ?1 AND (?2 IS NULL OR s.council_id = ?2) GROUP BY s.council_id, s.id",
    )?;
    let rows = stmt.query_map(params![year, council_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            (r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?),
            (r.get::<_, i64>(4)?, r.get::<_, Option<String>>(5)?),
        ))
    })?;
    for row in rows {
        let (council, (budget, granted, paid), (open, last_report)) = row?;
        let money = facts.money.entry(council.clone()).or_default();
        *money = (money.0 + budget, money.1 + granted, money.2 + paid);
        let account = facts.accounts.entry(council).or_insert((0, None));
        account.0 += open;
        account.1 = account.1.take().max(last_report);
    }
    Ok(facts)
}

/// The duty's evidence in `facts` (see [`rules::duties::evidence`]).
fn evidence(facts: &YearFacts, council_id: &str, year: i32, duty: &ProfileDuty) -> (bool, Option<Evidence>) {
    let found = rules::duties::EvidenceFacts {
        meetings: facts
            .meetings
            .iter()
            .filter(|((council, _), _)| council == council_id)
            .map(|((_, kind), meeting)| (kind.clone(), meeting.clone()))
            .collect(),
        annual_report: facts.reports.get(council_id).cloned(),
        scheme: facts.schemes.get(council_id).cloned(),
        open_accounts: facts.accounts.get(council_id).cloned().unwrap_or((0, None)),
        notices: facts.notices.get(council_id).cloned().unwrap_or_default(),
        confirmations: facts.confirmations.get(council_id).cloned().unwrap_or_default(),
    };
    rules::duties::evidence(&found, year, duty)
}

/// The duties of a council in `year` (the kommune profile's, in its order),
/// as they stand on `today`; unlabelled (`crate::views` names them).
pub fn of_council(conn: &Connection, council: &Council, year: i32, today: NaiveDate) -> Result<Vec<Duty>> {
    let facts = year_facts(conn, year, Some(&council.id))?;
    Ok(duties_from(&facts, council, year, today))
}

fn duties_from(facts: &YearFacts, council: &Council, year: i32, today: NaiveDate) -> Vec<Duty> {
    facts
        .profile
        .duties
        .iter()
        .map(|duty| {
            let kind = DutyKey(duty.key.clone());
            let edit = facts.edits.get(&(council.id.clone(), kind.clone()));
            let due = edit
                .and_then(|e| e.due)
                .unwrap_or_else(|| rules::duties::due_of(duty, year));
            let (applicable, evidence) = evidence(facts, &council.id, year, duty);
            let waived_reason = edit.and_then(|e| e.waived_reason.clone());
            let owed_from = facts.since.get(&council.id).copied();
            let status = rules::duties::status(
                DutyFacts {
                    due,
                    fulfilled: evidence.is_some(),
                    waived: waived_reason.is_some(),
                    applicable,
                    owed_from,
                },
                today,
            );
            let confirmation = facts
                .confirmations
                .get(&council.id)
                .and_then(|c| c.get(&duty.key))
                .map(|(_, c)| c.clone());
            Duty {
                council_id: council.id.clone(),
                council_name: council.name.clone(),
                year,
                kind,
                name: String::new(),
                evidence_kind: duty.evidence.known_kind().unwrap_or(ProfileEvidenceKind::Manual),
                due,
                default_due: edit.is_none_or(|e| e.due.is_none()),
                status,
                days_left: (due - today).num_days() as i32,
                evidence,
                waived_reason,
                waived: edit.and_then(|e| e.waived.clone()),
                confirmation,
                before_council: status == DutyStatus::NotApplicable
                    && rules::duties::due_before_council(due, owed_from),
            }
        })
        .collect()
}

/// Changes one duty: its due date, or a waiver (already checked to have a reason).
pub fn edit(
    conn: &Connection,
    actor: &Actor,
    council_id: &str,
    year: i32,
    kind: &DutyKey,
    edit: &DutyEdit,
) -> Result<()> {
    councils::get(conn, council_id)?;
    match edit {
        DutyEdit::Confirm { date: Some(date), note } => {
            return super::duty_confirmations::put(conn, actor, council_id, year, kind, Some((*date, note)))
        }
        DutyEdit::Confirm { date: None, .. } => {
            return Err(CoreError::invalid(crate::error::FieldIssue::new(
                "date",
                "duty.confirm_needs_date",
            )))
        }
        DutyEdit::Unconfirm => return super::duty_confirmations::put(conn, actor, council_id, year, kind, None),
        _ => {}
    }
    let at = codec::instant(actor.at);
    let old = edits(conn, year, Some(council_id))?.remove(&(council_id.to_owned(), kind.clone()));
    let id = match &old {
        Some(e) => e.id.clone(),
        None => {
            let id = new_id();
            conn.execute(
                "INSERT INTO duty (id, council_id, year, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![id, council_id, year, kind.as_str(), at],
            )?;
            audit::record(conn, actor, "duty", &id, "kind", None, Some(kind.as_str()))?;
            id
        }
    };
    let old_due = old.as_ref().and_then(|e| e.due).map(codec::day);
    let old_reason = old.as_ref().and_then(|e| e.waived_reason.clone());
    match edit {
        DutyEdit::SetDue { due } => {
            let new_due = due.map(codec::day);
            conn.execute(
                "UPDATE duty SET due_date = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, new_due, at],
            )?;
            if old_due != new_due {
                audit::record(conn, actor, "duty", &id, "due", old_due.as_deref(), new_due.as_deref())?;
            }
        }
        DutyEdit::Waive { reason } => {
            conn.execute(
                "UPDATE duty SET waived_reason = ?2, waived_at = ?3, waived_by = ?4, updated_at = ?3 WHERE id = ?1",
                params![id, reason, at, actor.name],
            )?;
            audit::record(
                conn,
                actor,
                "duty",
                &id,
                "waivedReason",
                old_reason.as_deref(),
                Some(reason),
            )?;
        }
        DutyEdit::Unwaive => {
            conn.execute(
                "UPDATE duty SET waived_reason = NULL, waived_at = NULL, waived_by = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            if old_reason.is_some() {
                audit::record(conn, actor, "duty", &id, "waivedReason", old_reason.as_deref(), None)?;
            }
        }
        DutyEdit::Confirm { .. } | DutyEdit::Unconfirm => unreachable!("handled above"),
    }
    Ok(())
}

fn brief(r: &rusqlite::Row) -> rusqlite::Result<MeetingBrief> {
    Ok(MeetingBrief {
        id: r.get(0)?,
        council_id: r.get(1)?,
        council_name: r.get(2)?,
        kind: codec::parse(3, &r.get::<_, String>(3)?)?,
        status: codec::parse(4, &r.get::<_, String>(4)?)?,
        date: codec::parse_day(5, &r.get::<_, String>(5)?)?,
        starts_at: codec::parse_time(6, &r.get::<_, String>(6)?)?,
        place: r.get(7)?,
    })
}

/// Each council's first meeting that matches `condition` in `order`, in one
/// statement: per council, a walk of the meeting_by_council_day index, and
/// the meeting found read by its rowid.
fn first_meetings(conn: &Connection, condition: &str, order: &str, day: &str) -> Result<HashMap<String, MeetingBrief>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.council_id, c.name, m.kind, m.status, m.date, m.starts_at, m.place
         FROM council c JOIN meeting m ON m.rowid = (SELECT x.rowid FROM meeting x
              WHERE x.council_id = c.id AND {condition} ORDER BY {order} LIMIT 1)"
    ))?;
    let rows = stmt.query_map([day], |r| brief(r).map(|b| (b.council_id.clone(), b)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One council's line of the overview; `sitting` is how many sit in each role.
fn council_line(
    council: Council,
    sitting: &[(Role, i32)],
    facts: &YearFacts,
    year: i32,
    today: NaiveDate,
) -> CouncilOverview {
    let (seats_planned, seats_filled) = rules::composition::seats(&council, sitting);
    let next_meeting = facts.next.get(&council.id).cloned();
    let last_approved = facts.last_approved.get(&council.id).cloned();
    let duties = duties_from(facts, &council, year, today);
    let (budget, granted, paid) = facts.money.get(&council.id).copied().unwrap_or_default();
    let count = |status: DutyStatus| duties.iter().filter(|d| d.status == status).count() as i32;
    CouncilOverview {
        duties_overdue: count(DutyStatus::Overdue),
        days_overdue: duties
            .iter()
            .filter(|d| d.status == DutyStatus::Overdue)
            .map(|d| -d.days_left)
            .max()
            .unwrap_or(0),
        duties_due_soon: count(DutyStatus::DueSoon),
        duties_fulfilled: count(DutyStatus::Fulfilled),
        council_id: council.id,
        name: council.name,
        kind: council.kind,
        area: council.area,
        seats_filled,
        seats_planned,
        next_meeting,
        last_approved,
        duties,
        budget_ore: budget,
        granted_ore: granted,
        paid_ore: paid,
        left_ore: budget - granted,
    }
}

/// The coordinator's overview of every council in `year`, on `today`; its
/// duties unlabelled (`crate::views` names them).
pub fn overview(conn: &Connection, year: i32, today: NaiveDate) -> Result<Overview> {
    let mut sitting = memberships::sitting_by_role(conn, today)?;
    let mut facts = year_facts(conn, year, None)?;
    let day = codec::day(today);
    facts.next = first_meetings(
        conn,
        "x.date >= ?1 AND x.status IN ('planned', 'notice_sent')",
        "x.date, x.starts_at",
        &day,
    )?;
    facts.last_approved = first_meetings(
        conn,
        "x.status = 'approved' AND x.date <= ?1",
        "x.date DESC, x.starts_at DESC",
        &day,
    )?;
    let councils = councils::all(conn)?;
    let names: HashMap<String, String> = councils.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let councils = councils
        .into_iter()
        .map(|c| {
            let roles = sitting.remove(&c.id).unwrap_or_default();
            council_line(c, &roles, &facts, year, today)
        })
        .collect();
    let (from, to) = year_span(year);
    // From the meeting_brief index alone; the council's name is put in here
    // rather than looked up for each of the year's 2 400 meetings.
    let mut stmt = conn.prepare_cached(
        "SELECT id, council_id, kind, status, date, starts_at, place FROM meeting
         WHERE date BETWEEN ?1 AND ?2 ORDER BY date, starts_at",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        let council_id: String = r.get(1)?;
        Ok(MeetingBrief {
            id: r.get(0)?,
            council_name: names.get(&council_id).cloned().unwrap_or_default(),
            council_id,
            kind: codec::parse(2, &r.get::<_, String>(2)?)?,
            status: codec::parse(3, &r.get::<_, String>(3)?)?,
            date: codec::parse_day(4, &r.get::<_, String>(4)?)?,
            starts_at: codec::parse_time(5, &r.get::<_, String>(5)?)?,
            place: r.get(6)?,
        })
    })?;
    let mut meetings = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    // Within a day and time, by the council's name.
    meetings.sort_by(|a, b| (a.date, a.starts_at, &a.council_name).cmp(&(b.date, b.starts_at, &b.council_name)));
    Ok(Overview {
        year,
        today,
        councils,
        meetings,
    })
}

impl Store {
    /// A council's duties of `year` (the kommune profile's) as they stand on
    /// `today`, unlabelled: [`Store::duties`] names them in a language.
    pub fn duty_rows(&self, council_id: &str, year: i32, today: NaiveDate) -> Result<Vec<Duty>> {
        let year = rules::validate::year(year)?;
        let council = councils::get(&self.conn, council_id)?;
        of_council(&self.conn, &council, year, today)
    }

    /// Every council's duties of `year`, council by council, unlabelled.
    pub fn all_duty_rows(&self, year: i32, today: NaiveDate) -> Result<Vec<Duty>> {
        let year = rules::validate::year(year)?;
        let mut all = Vec::new();
        for council in councils::all(&self.conn)? {
            all.extend(of_council(&self.conn, &council, year, today)?);
        }
        Ok(all)
    }

    /// Moves a duty's due date, waives it with a reason, or lifts the
    /// waiver; the council's duties after, unlabelled ([`Store::edit_duty`]
    /// names them).
    pub fn change_duty(
        &mut self,
        actor: &Actor,
        council_id: &str,
        year: i32,
        kind: &DutyKey,
        edit: &DutyEdit,
    ) -> Result<Vec<Duty>> {
        let year = rules::validate::year(year)?;
        let profile = super::profile::current(&self.conn)?;
        let Some(duty) = profile.duties.iter().find(|d| d.key == kind.as_str()) else {
            return Err(CoreError::invalid(
                crate::error::FieldIssue::new("kind", "duty.not_in_profile").with("key", kind.as_str()),
            ));
        };
        let change = match edit {
            DutyEdit::Confirm { date, note } => {
                rules::duties::check_manual(duty)?;
                let (date, note) = rules::duties::confirmation(*date, note, year, actor.at.date_naive())?;
                DutyEdit::Confirm { date: Some(date), note }
            }
            DutyEdit::Unconfirm => {
                rules::duties::check_manual(duty)?;
                DutyEdit::Unconfirm
            }
            DutyEdit::Waive { reason } => DutyEdit::Waive {
                reason: rules::duties::waiver_reason(reason)?,
            },
            DutyEdit::SetDue { due: Some(due) } if !rules::validate::date_in_range(*due) => {
                return Err(CoreError::invalid(crate::error::FieldIssue::new(
                    "due",
                    "validation.date_out_of_range",
                )))
            }
            other => other.clone(),
        };
        self.write(|tx| {
            self::edit(tx, actor, council_id, year, kind, &change)?;
            let council = councils::get(tx, council_id)?;
            of_council(tx, &council, year, actor.at.date_naive())
        })
    }

    /// The coordinator's overview of every council in `year`, on `today`,
    /// unlabelled: [`Store::overview`] names its duties in a language.
    pub fn overview_rows(&self, year: i32, today: NaiveDate) -> Result<Overview> {
        overview(&self.conn, rules::validate::year(year)?, today)
    }
}
