//! The council's own account (`account_entry`, migration 17): the running
//! grant from the kommune, other income and expenses, read by year. Every
//! write is audited field by field; a council kept in another file refuses
//! them (its triggers, turned into `CoreError::KeptElsewhere` by `Store::write`).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{audit, codec, councils, new_id, Store};
use crate::error::{CoreError, Result};
use crate::model::{AccountEntry, AccountEntryInput, AccountKind, Actor, CouncilAccount};
use crate::rules::{self, account::CleanEntry};

const COLUMNS: &str = "id, council_id, date, kind, text, amount_ore, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<AccountEntry> {
    Ok(AccountEntry {
        id: r.get(0)?,
        council_id: r.get(1)?,
        date: codec::parse_day(2, &r.get::<_, String>(2)?)?,
        kind: codec::parse(3, &r.get::<_, String>(3)?)?,
        text: r.get(4)?,
        amount_ore: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<AccountEntry> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM account_entry WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::NotFound {
        entity: "account_entry",
        id: id.to_owned(),
    })
}

/// What the audit log records of an entry, by the fields the form names.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Audited {
    date: String,
    kind: String,
    text: String,
    amount_ore: i64,
}

impl From<&CleanEntry> for Audited {
    fn from(e: &CleanEntry) -> Self {
        Audited {
            date: codec::day(e.date),
            kind: codec::name(&e.kind),
            text: e.text.clone(),
            amount_ore: e.amount_ore,
        }
    }
}

impl From<&AccountEntry> for Audited {
    fn from(e: &AccountEntry) -> Self {
        Audited {
            date: codec::day(e.date),
            kind: codec::name(&e.kind),
            text: e.text.clone(),
            amount_ore: e.amount_ore,
        }
    }
}

fn day_one(year: i32) -> String {
    codec::day(NaiveDate::from_ymd_opt(year, 1, 1).expect("a checked year"))
}

/// The council's entries of `year`, by day and then as they were entered.
pub(super) fn of_year(conn: &Connection, council_id: &str, year: i32) -> Result<Vec<AccountEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM account_entry WHERE council_id = ?1 AND date >= ?2 AND date < ?3 ORDER BY date, id"
    ))?;
    let rows = stmt.query_map(params![council_id, day_one(year), day_one(year + 1)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The balance every entry before `year` left: the year's opening balance.
fn opening(conn: &Connection, council_id: &str, year: i32) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, sum(amount_ore) FROM account_entry WHERE council_id = ?1 AND date < ?2 GROUP BY kind",
    )?;
    let rows = stmt.query_map(params![council_id, day_one(year)], |r| {
        Ok((
            codec::parse::<AccountKind>(0, &r.get::<_, String>(0)?)?,
            r.get::<_, i64>(1)?,
        ))
    })?;
    let sums = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rules::account::balance(sums.iter().map(|(k, o)| (*k, o))))
}

/// The council's account of `year`: the summary and the year's entries.
pub(super) fn account(conn: &Connection, council_id: &str, year: i32) -> Result<CouncilAccount> {
    let year = rules::validate::year(year)?;
    councils::get(conn, council_id)?;
    let entries = of_year(conn, council_id, year)?;
    let summary = rules::account::summary(year, opening(conn, council_id, year)?, &entries);
    Ok(CouncilAccount {
        council_id: council_id.to_owned(),
        summary,
        entries,
    })
}

pub(super) fn add(
    conn: &Connection,
    actor: &Actor,
    council_id: &str,
    input: &AccountEntryInput,
) -> Result<AccountEntry> {
    councils::get(conn, council_id)?;
    let clean = rules::account::entry(input, actor.at.date_naive())?;
    let id = new_id();
    let now = codec::instant(actor.at);
    conn.execute(
        "INSERT INTO account_entry (id, council_id, date, kind, text, amount_ore, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            council_id,
            codec::day(clean.date),
            codec::name(&clean.kind),
            clean.text,
            clean.amount_ore,
            now
        ],
    )?;
    audit::record_diff(conn, actor, "account_entry", &id, None, &Audited::from(&clean))?;
    get(conn, &id)
}

pub(super) fn update(conn: &Connection, actor: &Actor, id: &str, input: &AccountEntryInput) -> Result<AccountEntry> {
    let old = get(conn, id)?;
    let clean = rules::account::entry(input, actor.at.date_naive())?;
    conn.execute(
        "UPDATE account_entry SET date = ?2, kind = ?3, text = ?4, amount_ore = ?5, updated_at = ?6 WHERE id = ?1",
        params![
            id,
            codec::day(clean.date),
            codec::name(&clean.kind),
            clean.text,
            clean.amount_ore,
            codec::instant(actor.at)
        ],
    )?;
    audit::record_diff(
        conn,
        actor,
        "account_entry",
        id,
        Some(&Audited::from(&old)),
        &Audited::from(&clean),
    )?;
    get(conn, id)
}

/// Deletes an entry; returns it as it was.
pub(super) fn delete(conn: &Connection, actor: &Actor, id: &str) -> Result<AccountEntry> {
    let old = get(conn, id)?;
    conn.execute("DELETE FROM account_entry WHERE id = ?1", [id])?;
    let what = format!(
        "{} {} {} {}",
        codec::day(old.date),
        codec::name(&old.kind),
        old.amount_ore,
        old.text
    );
    audit::record(conn, actor, "account_entry", id, "deleted", Some(&what), None)?;
    Ok(old)
}

impl Store {
    /// The council's account of `year`: opening balance carried from the
    /// year before, the year's grant, income, expenses, closing balance
    /// (a deficit when negative), and the year's entries by day.
    pub fn council_account(&self, council_id: &str, year: i32) -> Result<CouncilAccount> {
        account(&self.conn, council_id, year)
    }

    /// Adds an entry to the council's account; the date decides its year.
    pub fn add_account_entry(
        &mut self,
        actor: &Actor,
        council_id: &str,
        input: &AccountEntryInput,
    ) -> Result<AccountEntry> {
        self.write(|tx| add(tx, actor, council_id, input))
    }

    pub fn update_account_entry(&mut self, actor: &Actor, id: &str, input: &AccountEntryInput) -> Result<AccountEntry> {
        self.write(|tx| update(tx, actor, id, input))
    }

    /// Deletes an entry; the audit log keeps what it said.
    pub fn delete_account_entry(&mut self, actor: &Actor, id: &str) -> Result<AccountEntry> {
        self.write(|tx| delete(tx, actor, id))
    }
}

/// The demo's account (fictional): last year's running grant and a few
/// expenses, and this year's grant, for the first council.
pub(super) fn demo(conn: &Connection, actor: &Actor, council_id: &str, today: NaiveDate) -> Result<()> {
    use chrono::Datelike;
    let last = today.year() - 1;
    let on = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let entries = [
        (
            on(last, 1, 15),
            AccountKind::Grant,
            "Driftstilskudd fra kommunen",
            "15 000,00",
        ),
        (
            on(last, 3, 10),
            AccountKind::Expense,
            "Kaffe og kaker til åpent møte",
            "1 250,00",
        ),
        (
            on(last, 5, 5),
            AccountKind::Expense,
            "Blomster og hansker til dugnaden",
            "850,50",
        ),
        (
            on(last, 6, 20),
            AccountKind::Income,
            "Loddsalg på sommerfesten",
            "2 300,00",
        ),
        (on(last, 9, 14), AccountKind::Expense, "Leie av grendehuset", "2 400,00"),
        (
            on(today.year(), 1, 15).min(today),
            AccountKind::Grant,
            "Driftstilskudd fra kommunen",
            "15 000,00",
        ),
    ];
    for (date, kind, text, amount) in entries {
        let input = AccountEntryInput {
            date: Some(date),
            kind,
            text: text.into(),
            amount: amount.into(),
        };
        add(conn, actor, council_id, &input)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::{CouncilInput, SeatPlan};

    fn actor() -> Actor {
        Actor::new("Kari", Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap())
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input(date: Option<NaiveDate>, kind: AccountKind, text: &str, amount: &str) -> AccountEntryInput {
        AccountEntryInput {
            date,
            kind,
            text: text.into(),
            amount: amount.into(),
        }
    }

    fn store_with_council() -> (Store, String) {
        let mut store = Store::open_in_memory().unwrap();
        let council = store
            .create_council(
                &actor(),
                &CouncilInput::named("Bekkestua grendeutvalg", SeatPlan::default()),
            )
            .unwrap();
        (store, council.id)
    }

    fn rows(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM account_entry", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_year_opens_with_the_balance_the_year_before_closed_with() {
        let (mut store, c) = store_with_council();
        let a = actor();
        for (date, kind, text, amount) in [
            (day(2025, 1, 15), AccountKind::Grant, "Driftstilskudd 2025", "10 000"),
            (day(2025, 6, 1), AccountKind::Expense, "Sommerfest", "7 500,50"),
            (day(2026, 1, 15), AccountKind::Grant, "Driftstilskudd 2026", "10 000"),
            (day(2026, 2, 1), AccountKind::Income, "Loddsalg", "1 250"),
            (day(2026, 3, 1), AccountKind::Expense, "Leie av grendehuset", "2 000"),
        ] {
            store
                .add_account_entry(&a, &c, &input(Some(date), kind, text, amount))
                .unwrap();
        }
        let y2025 = store.council_account(&c, 2025).unwrap();
        assert_eq!(y2025.summary.opening_ore, 0);
        assert_eq!(y2025.summary.closing_ore, 249_950);
        let y2026 = store.council_account(&c, 2026).unwrap();
        let s = &y2026.summary;
        assert_eq!(s.opening_ore, y2025.summary.closing_ore, "carried from the year before");
        assert_eq!(
            (s.grant_ore, s.income_ore, s.expense_ore, s.closing_ore, s.deficit),
            (1_000_000, 125_000, 200_000, 1_174_950, false)
        );
        let texts: Vec<&str> = y2026.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Driftstilskudd 2026", "Loddsalg", "Leie av grendehuset"],
            "the year's, by day"
        );
        // A year with nothing in it still opens with what was carried in.
        let y2027 = store.council_account(&c, 2027).unwrap();
        assert!(y2027.entries.is_empty());
        assert_eq!(y2027.summary.opening_ore, 1_174_950);
        assert!(y2027.summary.any);
    }

    #[test]
    fn an_expense_beyond_the_balance_is_kept_and_shown_as_a_deficit() {
        let (mut store, c) = store_with_council();
        let a = actor();
        store
            .add_account_entry(
                &a,
                &c,
                &input(Some(day(2026, 2, 1)), AccountKind::Grant, "Tilskudd", "1 000"),
            )
            .unwrap();
        store
            .add_account_entry(
                &a,
                &c,
                &input(Some(day(2026, 3, 1)), AccountKind::Expense, "Ny grill", "1 500,25"),
            )
            .unwrap();
        let s = store.council_account(&c, 2026).unwrap().summary;
        assert_eq!((s.closing_ore, s.deficit), (-50_025, true));
        assert_eq!(store.council_account(&c, 2027).unwrap().summary.opening_ore, -50_025);
    }

    #[test]
    fn a_faulty_entry_names_every_fault_and_writes_nothing() {
        let (mut store, c) = store_with_council();
        let audit_before = store.audit_log(None).unwrap().len();
        let err = store
            .add_account_entry(&actor(), &c, &input(None, AccountKind::Expense, " ", "12.50"))
            .unwrap_err();
        let CoreError::Invalid(issues) = err else {
            panic!("expected invalid, got {err:?}")
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["date", "text", "amount"]);
        assert_eq!(rows(&store), 0);
        assert_eq!(store.audit_log(None).unwrap().len(), audit_before);
        let unknown = store
            .add_account_entry(
                &actor(),
                "no-such-council",
                &input(Some(day(2026, 1, 1)), AccountKind::Grant, "x", "1"),
            )
            .unwrap_err();
        assert!(matches!(unknown, CoreError::NotFound { .. }), "{unknown:?}");
        assert!(
            store.council_account(&c, 1800).is_err(),
            "a year out of range is refused"
        );
    }

    #[test]
    fn edits_and_deletions_are_audited_field_by_field() {
        let (mut store, c) = store_with_council();
        let a = actor();
        let e = store
            .add_account_entry(
                &a,
                &c,
                &input(Some(day(2026, 5, 1)), AccountKind::Expense, "Kaffe", "250"),
            )
            .unwrap();
        let log = store.audit_log(Some(&e.id)).unwrap();
        let fields: Vec<&str> = log.iter().map(|l| l.field.as_str()).collect();
        assert_eq!(fields, ["amountOre", "date", "kind", "text"]);

        let edited = store
            .update_account_entry(
                &a,
                &e.id,
                &input(Some(day(2026, 5, 1)), AccountKind::Expense, "Kaffe og kaker", "300,50"),
            )
            .unwrap();
        assert_eq!((edited.amount_ore, edited.text.as_str()), (30_050, "Kaffe og kaker"));
        let log = store.audit_log(Some(&e.id)).unwrap();
        let changed: Vec<(&str, Option<&str>, Option<&str>)> = log[4..]
            .iter()
            .map(|l| (l.field.as_str(), l.old.as_deref(), l.new.as_deref()))
            .collect();
        assert_eq!(
            changed,
            [
                ("amountOre", Some("25000"), Some("30050")),
                ("text", Some("Kaffe"), Some("Kaffe og kaker"))
            ]
        );
        // A refused edit leaves the entry as it was.
        assert!(store
            .update_account_entry(
                &a,
                &e.id,
                &input(Some(day(2026, 5, 1)), AccountKind::Expense, "", "300")
            )
            .is_err());
        assert_eq!(
            store.council_account(&c, 2026).unwrap().entries[0].text,
            "Kaffe og kaker"
        );

        store.delete_account_entry(&a, &e.id).unwrap();
        assert_eq!(rows(&store), 0);
        let last = store.audit_log(Some(&e.id)).unwrap().pop().unwrap();
        assert_eq!(last.field, "deleted");
        assert!(last.old.unwrap().contains("Kaffe og kaker"));
        assert!(matches!(
            store.delete_account_entry(&a, &e.id),
            Err(CoreError::NotFound { .. })
        ));
    }

    #[test]
    fn a_council_kept_elsewhere_refuses_account_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut home = Store::open_in_memory().unwrap();
        let a = actor();
        home.load_demo(&a, day(2026, 11, 22)).unwrap();
        let lyngvik = home.find_councils("Lyngvik").unwrap()[0].id.clone();
        let sent = home.council_account(&lyngvik, 2025).unwrap();
        assert!(sent.entries.len() >= 3, "the demo keeps an account for Lyngvik");
        let file = dir.path().join("lyngvik.grendebok");
        home.export_package(&a, &lyngvik, &file).unwrap();

        let mut coordinator = Store::open_in_memory().unwrap();
        coordinator.import_package(&a, &file, false).unwrap();
        assert_eq!(
            coordinator.council_account(&lyngvik, 2025).unwrap(),
            sent,
            "the entries came along"
        );
        let entry = sent.entries[0].id.clone();
        let refused = [
            coordinator
                .add_account_entry(
                    &a,
                    &lyngvik,
                    &input(Some(day(2026, 1, 1)), AccountKind::Grant, "x", "1"),
                )
                .map(|_| ()),
            coordinator
                .update_account_entry(&a, &entry, &input(Some(day(2025, 1, 1)), AccountKind::Grant, "x", "1"))
                .map(|_| ()),
            coordinator.delete_account_entry(&a, &entry).map(|_| ()),
        ];
        for r in refused {
            assert!(matches!(r, Err(CoreError::KeptElsewhere { .. })), "{r:?}");
        }
        assert_eq!(coordinator.council_account(&lyngvik, 2025).unwrap(), sent);
    }

    #[test]
    fn the_annual_report_sums_up_the_year_and_names_a_deficit() {
        let (mut store, c) = store_with_council();
        let a = actor();
        let flat = |store: &Store, year: i32| {
            let bytes = store.render_annual_report(&c, year, a.at).unwrap().bytes;
            let text = crate::store::meeting_tests::pdf_text(&bytes);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        assert!(flat(&store, 2026).contains("Utvalget har ingen føringer i regnskapet for 2026."));
        store
            .add_account_entry(
                &a,
                &c,
                &input(Some(day(2025, 2, 1)), AccountKind::Grant, "Tilskudd", "2 000"),
            )
            .unwrap();
        store
            .add_account_entry(
                &a,
                &c,
                &input(Some(day(2026, 2, 1)), AccountKind::Grant, "Tilskudd", "10 000"),
            )
            .unwrap();
        store
            .add_account_entry(
                &a,
                &c,
                &input(
                    Some(day(2026, 6, 1)),
                    AccountKind::Expense,
                    "Scene til sommerfesten",
                    "12 500,50",
                ),
            )
            .unwrap();
        let text = flat(&store, 2026);
        for line in [
            "Utvalgets regnskap",
            "Inngående saldo 1. januar kr 2 000,00",
            "Driftstilskudd fra kommunen kr 10 000,00",
            "Andre inntekter kr 0,00",
            "Utgifter kr 12 500,50",
            "Underskudd 31. desember kr 500,50",
        ] {
            assert!(text.contains(line), "{line} in {text}");
        }
        assert!(!text.contains("Utgående saldo"), "a deficit is named as such");
        assert!(flat(&store, 2025).contains("Utgående saldo 31. desember kr 2 000,00"));
    }
}
