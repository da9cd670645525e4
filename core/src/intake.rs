//! Spreadsheets read in: a members' list kept in Excel or exported as CSV
//! becomes seats without retyping.
//!
//! [`read_sheet`] reads the first sheet of an XLSX file (calamine) or a CSV
//! file (the csv crate; comma or semicolon, UTF-8 with or without a BOM) as
//! a heading row and rows of text. [`member_rows`] reads the members' columns
//! by their headings, in bokmål, nynorsk or English, and holds every row to
//! the rules the member form holds a person to; every bad cell of the file is
//! reported at once, by its row as the spreadsheet numbers it and its column's
//! heading, and nothing is written unless every row is good.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;

use crate::error::{CoreError, FieldIssue, Result, RowFault};
use crate::i18n::t;
use crate::model::{KommuneProfile, Lang, MembershipInput, PersonChoice, PersonInput, Role, SeatCategory};
use crate::rules::validate;

/// The largest spreadsheet read in: a members' list is a few kB; this leaves
/// room for a kommune's whole register and refuses anything unreasonable
/// before it is parsed.
pub const MAX_SHEET_BYTES: u64 = 16 * 1024 * 1024;
/// The most rows read from one sheet.
pub const MAX_ROWS: usize = 10_000;

/// A sheet as text: its headings (the first row with any text) and the rows
/// below them. `first_row` is the spreadsheet's number of the first data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub first_row: usize,
}

fn file_fault(key: &'static str) -> CoreError {
    CoreError::invalid(FieldIssue::new("file", key))
}

/// Reads the first sheet of an XLSX file or a CSV file at `path`.
pub fn read_sheet(path: &Path) -> Result<Sheet> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_SHEET_BYTES {
        return Err(CoreError::invalid(
            FieldIssue::new("file", "intake.too_large").with("mb", (MAX_SHEET_BYTES / 1024 / 1024).to_string()),
        ));
    }
    let bytes = std::fs::read(path)?;
    let cells = if bytes.starts_with(b"PK\x03\x04") {
        xlsx_cells(bytes)?
    } else {
        csv_cells(&bytes)?
    };
    sheet_of(cells)
}

fn sheet_of(cells: Vec<Vec<String>>) -> Result<Sheet> {
    let Some(start) = cells.iter().position(|row| row.iter().any(|c| !c.trim().is_empty())) else {
        return Err(file_fault("intake.empty"));
    };
    let headings: Vec<String> = cells[start].iter().map(|h| h.trim().to_owned()).collect();
    let rows: Vec<Vec<String>> = cells[start + 1..].to_vec();
    if rows.len() > MAX_ROWS {
        return Err(CoreError::invalid(
            FieldIssue::new("file", "intake.too_many_rows").with("max", MAX_ROWS.to_string()),
        ));
    }
    Ok(Sheet {
        headings,
        rows,
        first_row: start + 2,
    })
}

fn xlsx_cells(bytes: Vec<u8>) -> Result<Vec<Vec<String>>> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| file_fault("intake.unreadable"))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| file_fault("intake.empty"))?
        .map_err(|_| file_fault("intake.unreadable"))?;
    Ok(range.rows().map(|row| row.iter().map(cell_text).collect()).collect())
}

/// A cell as a person would type it: a whole number without decimals, a
/// date as `dd.mm.åååå`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        // As a person types an amount: a decimal comma.
        Data::Float(f) => f.to_string().replace('.', ","),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| d.date().format("%d.%m.%Y").to_string())
            .unwrap_or_default(),
    }
}

fn csv_cells(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A file saved as Latin-1 (Excel's "CSV" on some machines) is refused
    // rather than read with its æ, ø and å garbled.
    let text = std::str::from_utf8(bytes).map_err(|_| file_fault("intake.not_utf8"))?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| file_fault("intake.unreadable"))?;
        cells.push(record.iter().map(str::to_owned).collect());
        if cells.len() > MAX_ROWS + 1 {
            break;
        }
    }
    Ok(cells)
}

/// The members' columns, by what their headings may say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Email,
    Phone,
    Category,
    Role,
    Organisation,
    From,
    To,
}

const HEADINGS: &[(Column, &[&str])] = &[
    (Column::Name, &["navn", "namn", "name", "fullt navn", "full name"]),
    (Column::Email, &["e-post", "epost", "e-postadresse", "email", "e-mail"]),
    (
        Column::Phone,
        &["telefon", "tlf", "mobil", "phone", "telephone", "mobile"],
    ),
    (Column::Category, &["plass", "kategori", "seat", "category"]),
    (Column::Role, &["rolle", "role"]),
    (
        Column::Organisation,
        &[
            "representerer",
            "representerar",
            "organisasjon",
            "represents",
            "organisation",
            "organization",
        ],
    ),
    (Column::From, &["fra", "frå", "from", "fra dato", "start"]),
    (Column::To, &["til", "to", "til dato", "end"]),
];

fn fold(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn column_of(heading: &str) -> Option<Column> {
    let heading = fold(heading);
    HEADINGS
        .iter()
        .find(|(_, names)| names.contains(&heading.as_str()))
        .map(|(column, _)| *column)
}

/// A seat category of `profile` by its name in any of the app's languages,
/// or its key.
fn category_of(profile: &KommuneProfile, text: &str) -> Option<SeatCategory> {
    let text = fold(text);
    profile
        .seat_categories
        .iter()
        .find(|c| {
            fold(&c.key) == text
                || [Lang::Nb, Lang::Nn, Lang::En]
                    .into_iter()
                    .any(|lang| fold(c.names.get(lang)) == text)
        })
        .map(|c| SeatCategory::new(c.key.clone()))
}

/// "A, B eller C" in `lang`.
fn or_list(lang: Lang, names: &[&str]) -> String {
    let or = match lang {
        Lang::Nb | Lang::Nn => "eller",
        Lang::En => "or",
    };
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first @ .., last] => format!("{} {or} {last}", first.join(", ")),
    }
}

/// `profile`'s seat categories named in each language, for a fault that lists
/// them: "Senior, Idrett eller Frivillighet" as `names.nb` and so on.
fn category_names(issue: FieldIssue, profile: &KommuneProfile) -> FieldIssue {
    let list = |lang: Lang| {
        let names: Vec<&str> = profile.seat_categories.iter().map(|c| c.names.get(lang)).collect();
        or_list(lang, &names)
    };
    issue
        .with("names.nb", list(Lang::Nb))
        .with("names.nn", list(Lang::Nn))
        .with("names.en", list(Lang::En))
}

/// A role by its name in any of the app's languages; an empty cell is a member.
fn role_of(text: &str) -> Option<Role> {
    let text = fold(text);
    if text.is_empty() {
        return Some(Role::Medlem);
    }
    Role::ALL.into_iter().find(|r| {
        let code = serde_json::to_value(r)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        code == text
            || [Lang::Nb, Lang::Nn, Lang::En]
                .into_iter()
                .any(|lang| fold(&t(lang, &format!("role.{code}"), &[])) == text)
    })
}

/// A day as people write it: `dd.mm.åååå` (also `d.m.åååå`) or `åååå-mm-dd`.
/// `Err` names the fault: a day that does not exist, or a form not a date.
pub fn day_of(text: &str) -> std::result::Result<NaiveDate, &'static str> {
    let text = text.trim();
    let parts: Vec<&str> = if text.contains('.') {
        text.split('.').collect()
    } else if text.contains('-') {
        let mut p: Vec<&str> = text.split('-').collect();
        p.reverse();
        p
    } else {
        return Err("intake.date_form");
    };
    let numbers: Vec<u32> = parts.iter().filter_map(|p| p.trim().parse().ok()).collect();
    match numbers.as_slice() {
        [d, m, y] if parts.len() == 3 && (1..=31).contains(d) && (1..=12).contains(m) && *y >= 1000 => {
            let day = NaiveDate::from_ymd_opt(*y as i32, *m, *d).ok_or("intake.date_missing")?;
            if validate::date_in_range(day) {
                Ok(day)
            } else {
                Err("validation.date_out_of_range")
            }
        }
        _ => Err("intake.date_form"),
    }
}

/// The seats a members' sheet gives `council_id`, with every fault of the
/// file at once. A person is new here; the store matches those already
/// registered (same name and e-mail) so nobody is registered twice.
pub fn member_rows(sheet: &Sheet, council_id: &str, profile: &KommuneProfile) -> Result<Vec<(usize, MembershipInput)>> {
    let columns: Vec<Option<Column>> = sheet.headings.iter().map(|h| column_of(h)).collect();
    let heading = |column: Column| -> Option<usize> { columns.iter().position(|c| *c == Some(column)) };
    let mut missing = Vec::new();
    for (column, key) in [
        (Column::Name, "intake.missing.name"),
        (Column::Category, "intake.missing.category"),
        (Column::From, "intake.missing.from"),
    ] {
        if heading(column).is_none() {
            missing.push(category_names(FieldIssue::new("file", key), profile));
        }
    }
    if !missing.is_empty() {
        return Err(CoreError::Invalid(missing));
    }
    let mut faults = Vec::new();
    let mut seats = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let number = sheet.first_row + i;
        let cell = |column: Column| -> &str {
            heading(column)
                .and_then(|at| row.get(at))
                .map(|s| s.trim())
                .unwrap_or_default()
        };
        let title = |column: Column| sheet.headings[heading(column).expect("found")].clone();
        let mut fault = |column: Column, issue: FieldIssue| {
            faults.push(RowFault {
                row: number,
                column: title(column),
                issue,
            })
        };
        let category = category_of(profile, cell(Column::Category));
        if category.is_none() {
            fault(
                Column::Category,
                category_names(
                    FieldIssue::new("category", "intake.unknown_category").with("value", cell(Column::Category)),
                    profile,
                ),
            );
        }
        let role = role_of(cell(Column::Role));
        if role.is_none() {
            fault(
                Column::Role,
                FieldIssue::new("role", "intake.unknown_role").with("value", cell(Column::Role)),
            );
        }
        let from = match day_of(cell(Column::From)) {
            Ok(day) => Some(day),
            Err(key) => {
                fault(
                    Column::From,
                    FieldIssue::new("termFrom", key).with("value", cell(Column::From)),
                );
                None
            }
        };
        let to = match cell(Column::To) {
            "" => None,
            text => match day_of(text) {
                Ok(day) => Some(day),
                Err(key) => {
                    fault(Column::To, FieldIssue::new("termTo", key).with("value", text));
                    None
                }
            },
        };
        // A row with a bad seat, role or day is still held to the form's
        // rules for the rest, so every fault of the file shows at once.
        let complete = category.is_some() && role.is_some() && from.is_some();
        let input = MembershipInput {
            council_id: council_id.to_owned(),
            person: PersonChoice::New {
                person: PersonInput {
                    name: cell(Column::Name).to_owned(),
                    email: cell(Column::Email).to_owned(),
                    phone: cell(Column::Phone).to_owned(),
                    gender: None,
                },
            },
            category: category.unwrap_or(SeatCategory::SENIOR),
            role: role.unwrap_or(Role::Medlem),
            organisation: cell(Column::Organisation).to_owned(),
            term_from: from.unwrap_or(NaiveDate::MIN),
            term_to: if from.is_some() { to } else { None },
        };
        // The member form's own rules: names, e-mail, phone, lengths, the
        // national-id guard, the term's order.
        match validate::membership(&input) {
            Ok(clean) if complete => seats.push((number, clean)),
            Ok(_) => {}
            Err(CoreError::Invalid(issues)) => {
                let issues = issues.into_iter().filter(|i| complete || !i.field.starts_with("term"));
                for issue in issues {
                    let column = match issue.field.as_str() {
                        "person.name" => Column::Name,
                        "person.email" => Column::Email,
                        "person.phone" => Column::Phone,
                        "organisation" => Column::Organisation,
                        "termTo" => Column::To,
                        _ => Column::From,
                    };
                    let at = heading(column).or(heading(Column::Name)).expect("name column");
                    faults.push(RowFault {
                        row: number,
                        column: sheet.headings[at].clone(),
                        issue,
                    });
                }
            }
            Err(other) => return Err(other),
        }
    }
    if !faults.is_empty() {
        return Err(CoreError::BadRows(faults));
    }
    if seats.is_empty() {
        return Err(file_fault("intake.empty"));
    }
    Ok(seats)
}

/// What a person is told after a members' list was read in.
pub fn imported_message(lang: Lang, done: &crate::model::MembersImported, council: &str) -> String {
    t(
        lang,
        "intake.members_imported",
        &[
            ("seats", &done.seats.to_string()),
            ("council", council),
            ("added", &done.people_added.to_string()),
            ("matched", &done.people_matched.to_string()),
        ],
    )
}

pub mod applications;

#[cfg(test)]
#[path = "intake_tests.rs"]
mod tests;
