//! Grant applications from a web form's export (Nettskjema, Microsoft Forms
//! and the like) or a spreadsheet.
//!
//! Columns are recognised by their headings in bokmål, nynorsk or English
//! ([`suggested_columns`]); the person may map any other heading to a field
//! in the app's preview. [`check_rows`] holds every row to the application
//! form's rules and reports every bad cell at once, by its row as the
//! spreadsheet numbers it and its column's heading; an application already in
//! the scheme, or twice in the file, is a fault of its row, so reading the same
//! export twice adds nothing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{day_of, file_fault, fold, Sheet};
use crate::error::{CoreError, FieldIssue, Result, RowFault};
use crate::i18n::t;
use crate::model::{Application, ApplicationInput, Lang};
use crate::rules::grants::ApplicationData;

/// A field of an application a column can be read into; the names are the
/// application form's field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ApplicationField {
    Organisation,
    OrgNumber,
    ContactName,
    Email,
    Phone,
    Title,
    Description,
    AmountAsked,
    ProjectBudget,
    Received,
}

impl ApplicationField {
    pub const ALL: [ApplicationField; 10] = [
        ApplicationField::Organisation,
        ApplicationField::OrgNumber,
        ApplicationField::ContactName,
        ApplicationField::Email,
        ApplicationField::Phone,
        ApplicationField::Title,
        ApplicationField::Description,
        ApplicationField::AmountAsked,
        ApplicationField::ProjectBudget,
        ApplicationField::Received,
    ];

    /// The fields a file must give every application.
    pub const REQUIRED: [ApplicationField; 4] = [
        ApplicationField::Organisation,
        ApplicationField::Title,
        ApplicationField::AmountAsked,
        ApplicationField::Received,
    ];

    /// The form's field name, as a fault names it.
    pub fn name(self) -> &'static str {
        match self {
            ApplicationField::Organisation => "organisation",
            ApplicationField::OrgNumber => "orgNumber",
            ApplicationField::ContactName => "contactName",
            ApplicationField::Email => "email",
            ApplicationField::Phone => "phone",
            ApplicationField::Title => "title",
            ApplicationField::Description => "description",
            ApplicationField::AmountAsked => "amountAsked",
            ApplicationField::ProjectBudget => "projectBudget",
            ApplicationField::Received => "received",
        }
    }

    fn of_name(name: &str) -> Option<ApplicationField> {
        ApplicationField::ALL.into_iter().find(|f| f.name() == name)
    }

    fn missing_key(self) -> &'static str {
        match self {
            ApplicationField::Organisation => "intake.missing.organisation",
            ApplicationField::Title => "intake.missing.title",
            ApplicationField::AmountAsked => "intake.missing.asked",
            _ => "intake.missing.received",
        }
    }
}

/// What a column's heading may say, by field.
const HEADINGS: &[(ApplicationField, &[&str])] = &[
    (
        ApplicationField::Organisation,
        &[
            "organisasjon",
            "søker",
            "lag/forening",
            "organisation",
            "organization",
            "applicant",
        ],
    ),
    (
        ApplicationField::OrgNumber,
        &[
            "organisasjonsnummer",
            "org.nr.",
            "org.nr",
            "orgnr",
            "organisation number",
            "organization number",
        ],
    ),
    (
        ApplicationField::ContactName,
        &["kontaktperson", "kontakt", "contact", "contact person"],
    ),
    (
        ApplicationField::Email,
        &["e-post", "epost", "e-postadresse", "email", "e-mail"],
    ),
    (
        ApplicationField::Phone,
        &["telefon", "tlf", "mobil", "phone", "telephone", "mobile"],
    ),
    (
        ApplicationField::Title,
        &[
            "prosjekt",
            "prosjektnavn",
            "tittel",
            "tiltak",
            "project",
            "title",
            "project title",
        ],
    ),
    (
        ApplicationField::Description,
        &["beskrivelse", "skildring", "description"],
    ),
    (
        ApplicationField::AmountAsked,
        &[
            "søkt beløp",
            "beløp",
            "søknadsbeløp",
            "amount",
            "amount asked",
            "amount requested",
        ],
    ),
    (
        ApplicationField::ProjectBudget,
        &["prosjektbudsjett", "budsjett", "project budget", "budget"],
    ),
    (
        ApplicationField::Received,
        &[
            "mottatt",
            "motteke",
            "motteken",
            "innsendt",
            "dato",
            "received",
            "submitted",
            "date",
        ],
    ),
];

/// The field each heading is read into when the person maps nothing: the
/// first heading a field recognises wins, a heading nobody knows is left out.
pub fn suggested_columns(headings: &[String]) -> Vec<Option<ApplicationField>> {
    let mut taken = Vec::new();
    headings
        .iter()
        .map(|h| {
            let h = fold(h);
            let field = HEADINGS
                .iter()
                .find(|(f, names)| names.contains(&h.as_str()) && !taken.contains(f))
                .map(|(f, _)| *f);
            taken.extend(field);
            field
        })
        .collect()
}

/// An application already in the scheme or earlier in the file: the same
/// organisation and project title, whatever the case and spacing.
pub fn same_application_key(organisation: &str, title: &str) -> (String, String) {
    (fold(organisation), fold(title))
}

/// A file's rows held to the form's rules: the good applications with their
/// row numbers, and every bad cell.
#[derive(Debug, Clone, Default)]
pub struct CheckedRows {
    pub good: Vec<(usize, ApplicationData)>,
    pub faults: Vec<RowFault>,
    /// Rows with any text (the rows a person counts).
    pub rows: usize,
}

impl CheckedRows {
    /// The number of rows with at least one fault.
    pub fn bad_rows(&self) -> usize {
        let mut rows: Vec<usize> = self.faults.iter().map(|f| f.row).collect();
        rows.dedup();
        rows.len()
    }
}

/// Every row of `sheet` read through `columns` (one field or none per
/// heading) and held to the application form's rules. `existing` are the
/// keys ([`same_application_key`]) of the scheme's applications. `Err` when
/// the file cannot be read at all: a required field has no column, a field
/// has two, or no row holds anything.
pub fn check_rows(
    sheet: &Sheet,
    scheme_id: &str,
    columns: &[Option<ApplicationField>],
    existing: &[(String, String)],
) -> Result<CheckedRows> {
    let heading = |field: ApplicationField| -> Option<usize> { columns.iter().position(|c| *c == Some(field)) };
    let mut issues: Vec<FieldIssue> = ApplicationField::REQUIRED
        .into_iter()
        .filter(|f| heading(*f).is_none())
        .map(|f| FieldIssue::new("file", f.missing_key()))
        .collect();
    for field in ApplicationField::ALL {
        let twice: Vec<&str> = columns
            .iter()
            .zip(&sheet.headings)
            .filter(|(c, _)| **c == Some(field))
            .map(|(_, h)| h.as_str())
            .collect();
        if twice.len() > 1 {
            issues.push(FieldIssue::new("file", "intake.mapped_twice").with("columns", twice.join(", ")));
        }
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    let title_of = |field: ApplicationField| {
        heading(field)
            .or(heading(ApplicationField::Organisation))
            .map(|at| sheet.headings[at].clone())
            .unwrap_or_default()
    };
    let mut checked = CheckedRows::default();
    let mut seen: Vec<((String, String), usize)> = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        checked.rows += 1;
        let number = sheet.first_row + i;
        let cell = |field: ApplicationField| -> &str {
            heading(field)
                .and_then(|at| row.get(at))
                .map(|s| s.trim())
                .unwrap_or_default()
        };
        let mut fault = |field: ApplicationField, issue: FieldIssue| {
            checked.faults.push(RowFault {
                row: number,
                column: title_of(field),
                issue,
            })
        };
        // A form's export stamps the time too: "05.12.2026 14:33".
        let received_text = cell(ApplicationField::Received)
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let received = match day_of(received_text) {
            Ok(day) => Some(day),
            Err(key) => {
                fault(
                    ApplicationField::Received,
                    FieldIssue::new("received", key).with("value", cell(ApplicationField::Received)),
                );
                None
            }
        };
        // Without a budget column the project costs what is asked.
        let budget = if heading(ApplicationField::ProjectBudget).is_some() {
            cell(ApplicationField::ProjectBudget)
        } else {
            cell(ApplicationField::AmountAsked)
        };
        let input = ApplicationInput {
            scheme_id: scheme_id.to_owned(),
            organisation: cell(ApplicationField::Organisation).to_owned(),
            org_number: cell(ApplicationField::OrgNumber).to_owned(),
            contact_name: cell(ApplicationField::ContactName).to_owned(),
            email: cell(ApplicationField::Email).to_owned(),
            phone: cell(ApplicationField::Phone).to_owned(),
            title: cell(ApplicationField::Title).to_owned(),
            description: cell(ApplicationField::Description).to_owned(),
            amount_asked: cell(ApplicationField::AmountAsked).to_owned(),
            project_budget: budget.to_owned(),
            received: received.unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).expect("a day")),
        };
        let data = match crate::rules::grants::application(&input) {
            Ok(data) => Some(data),
            Err(CoreError::Invalid(issues)) => {
                for issue in issues {
                    // Without a budget column the budget is the amount asked,
                    // and its fault is the amount's.
                    if issue.field == "projectBudget" && heading(ApplicationField::ProjectBudget).is_none() {
                        continue;
                    }
                    let field = ApplicationField::of_name(&issue.field).unwrap_or(ApplicationField::Title);
                    fault(field, issue);
                }
                None
            }
            Err(other) => return Err(other),
        };
        let key = same_application_key(&input.organisation, &input.title);
        let mut repeated = false;
        if existing.contains(&key) {
            fault(
                ApplicationField::Organisation,
                FieldIssue::new("organisation", "intake.already_in_scheme"),
            );
            repeated = true;
        } else if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            fault(
                ApplicationField::Organisation,
                FieldIssue::new("organisation", "intake.duplicate").with("first", first.to_string()),
            );
            repeated = true;
        } else {
            seen.push((key, number));
        }
        if let (Some(data), Some(_), false) = (data, received, repeated) {
            checked.good.push((number, data));
        }
    }
    if checked.rows == 0 {
        return Err(file_fault("intake.empty"));
    }
    Ok(checked)
}

/// The applications a form's export gives `scheme_id` with its headings as
/// they are, or every fault of the file at once.
pub fn application_rows(sheet: &Sheet, scheme_id: &str) -> Result<Vec<(usize, ApplicationData)>> {
    let checked = check_rows(sheet, scheme_id, &suggested_columns(&sheet.headings), &[])?;
    if !checked.faults.is_empty() {
        return Err(CoreError::BadRows(checked.faults));
    }
    Ok(checked.good)
}

/// The most example rows and faults a preview carries.
pub const PREVIEW_ROWS: usize = 5;
pub const PREVIEW_FAULTS: usize = 30;

/// A column of the file as the preview shows it: its heading, the field it is
/// read into and the first rows' cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewColumn {
    pub heading: String,
    pub field: Option<ApplicationField>,
    pub examples: Vec<String>,
}

/// What reading a form's export would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationsPreview {
    /// The file, to read it again with the person's mapping.
    pub file: String,
    pub columns: Vec<PreviewColumn>,
    /// Why the file cannot be read as mapped (a required field without a
    /// column, a field with two); empty when it can.
    pub problems: Vec<String>,
    pub rows: usize,
    /// Rows that would be read in, and of those received after the deadline.
    pub good: usize,
    pub late: usize,
    pub bad_rows: usize,
    /// The first faults, each naming its row and column.
    pub faults: Vec<String>,
    pub more_faults: usize,
}

/// The preview of `sheet` read through `columns`: `checked` is what
/// [`check_rows`] said (its `Err` becomes the preview's problems).
pub fn preview(
    lang: Lang,
    file: &str,
    sheet: &Sheet,
    columns: &[Option<ApplicationField>],
    checked: Result<CheckedRows>,
    deadline: NaiveDate,
) -> Result<ApplicationsPreview> {
    let examples = |at: usize| -> Vec<String> {
        sheet
            .rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .take(PREVIEW_ROWS)
            .map(|r| r.get(at).map(|c| c.trim().to_owned()).unwrap_or_default())
            .collect()
    };
    let columns = sheet
        .headings
        .iter()
        .enumerate()
        .map(|(at, heading)| PreviewColumn {
            heading: heading.clone(),
            field: columns.get(at).copied().flatten(),
            examples: examples(at),
        })
        .collect();
    let mut preview = ApplicationsPreview {
        file: file.to_owned(),
        columns,
        problems: Vec::new(),
        rows: 0,
        good: 0,
        late: 0,
        bad_rows: 0,
        faults: Vec::new(),
        more_faults: 0,
    };
    match checked {
        Ok(checked) => {
            preview.rows = checked.rows;
            preview.good = checked.good.len();
            preview.late = checked.good.iter().filter(|(_, d)| d.received > deadline).count();
            preview.bad_rows = checked.bad_rows();
            preview.faults = checked
                .faults
                .iter()
                .take(PREVIEW_FAULTS)
                .map(|f| f.message(lang))
                .collect();
            preview.more_faults = checked.faults.len().saturating_sub(PREVIEW_FAULTS);
        }
        Err(CoreError::Invalid(issues)) => preview.problems = issues.iter().map(|i| i.message(lang)).collect(),
        Err(other) => return Err(other),
    }
    Ok(preview)
}

/// What reading a form's export did: the applications added, and the bad
/// rows left out when the person chose to leave them out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationsImported {
    pub added: Vec<Application>,
    pub left_out: Vec<RowFault>,
}

/// What a person is told after a form's export was read into a scheme.
pub fn applications_message(lang: Lang, count: usize, late: usize, scheme: &str) -> String {
    t(
        lang,
        "intake.applications_imported",
        &[
            ("count", &count.to_string()),
            ("late", &late.to_string()),
            ("scheme", scheme),
        ],
    )
}

/// The same, with the rows left out counted.
pub fn imported_message(lang: Lang, done: &ApplicationsImported, scheme: &str) -> String {
    let late = done.added.iter().filter(|a| a.late).count();
    let mut message = applications_message(lang, done.added.len(), late, scheme);
    let mut rows: Vec<usize> = done.left_out.iter().map(|f| f.row).collect();
    rows.dedup();
    if !rows.is_empty() {
        let list = rows.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
        message.push(' ');
        message.push_str(&t(
            lang,
            "intake.rows_left_out",
            &[("count", &rows.len().to_string()), ("rows", &list)],
        ));
    }
    message
}
