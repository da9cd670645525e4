//! `account`: a council's own money of a year (the running grant from the
//! kommune, other income, expenses and the balance), and `account add`.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use grendebok_core::i18n::{date, label, t};
use grendebok_core::model::{AccountEntryInput, AccountKind, CouncilAccount, Lang};
use grendebok_core::rules::money::kr;
use grendebok_core::Store;

use crate::{find_council, output, Cli, Failure};

/// `dd.mm.yyyy`, as the app's forms take a day.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%d.%m.%Y").map_err(|_| format!("«{text}»: dd.mm.yyyy"))
}

pub fn parse_kind(text: &str) -> Result<AccountKind, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned()))
        .map_err(|_| "grant, income, expense".to_owned())
}

pub fn show(cli: &Cli, path: &Path, council: &str, year: i32) -> Result<(), Failure> {
    let store = Store::open_existing_to_read(path)?;
    let id = find_council(&store, council, cli.lang)?;
    let account = store.council_account(&id, year)?;
    if cli.json {
        output::json(&account);
    } else {
        print(cli.lang, &account);
    }
    Ok(())
}

fn print(lang: Lang, account: &CouncilAccount) {
    let s = &account.summary;
    let closing = if s.deficit {
        (t(lang, "cli.account.deficit", &[]), kr(-s.closing_ore))
    } else {
        (t(lang, "cli.account.closing", &[]), kr(s.closing_ore))
    };
    let lines = [
        (t(lang, "cli.account.opening", &[]), kr(s.opening_ore)),
        (t(lang, "cli.account.grant", &[]), kr(s.grant_ore)),
        (t(lang, "cli.account.income", &[]), kr(s.income_ore)),
        (t(lang, "cli.account.expense", &[]), kr(s.expense_ore)),
        closing,
    ];
    let width = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    let amount_width = lines.iter().map(|(_, a)| a.chars().count()).max().unwrap_or(0);
    for (line, amount) in &lines {
        let pad = width - line.chars().count();
        println!("{line}{}  {amount:>amount_width$}", " ".repeat(pad));
    }
    println!();
    if account.entries.is_empty() {
        println!("{}", t(lang, "cli.account.none", &[("year", &s.year.to_string())]));
        return;
    }
    let header = ["annual.col.date", "cli.col.kind", "cli.col.text", "cli.col.amount"].map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = account
        .entries
        .iter()
        .map(|e| {
            vec![
                date(e.date),
                label(lang, "account_kind", &e.kind),
                e.text.clone(),
                kr(e.kind.signed(e.amount_ore)),
            ]
        })
        .collect();
    output::table(&header, &rows);
}

pub struct Added<'a> {
    pub council: &'a str,
    pub date: NaiveDate,
    pub kind: AccountKind,
    pub text: &'a str,
    pub amount: &'a str,
}

pub fn add(cli: &Cli, path: &Path, a: Added) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let id = find_council(&store, a.council, cli.lang)?;
    let actor = store.actor(Utc::now())?;
    let input = AccountEntryInput {
        date: Some(a.date),
        kind: a.kind,
        text: a.text.to_owned(),
        amount: a.amount.to_owned(),
    };
    let entry = store.add_account_entry(&actor, &id, &input)?;
    let message = t(
        cli.lang,
        "cli.account.added",
        &[
            ("date", &date(entry.date)),
            ("kind", &label(cli.lang, "account_kind", &entry.kind)),
            ("amount", &kr(entry.amount_ore)),
            ("text", &entry.text),
        ],
    );
    output::done(cli.json, &message, &entry);
    Ok(())
}
