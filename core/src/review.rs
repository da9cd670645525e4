//! Reviewer sheets: a committee member scores a grant round at home in any
//! spreadsheet program, and the secretary reads the sheet back.
//!
//! [`write`] lays out an XLSX workbook (rust_xlsxwriter) with one visible,
//! protected sheet — the applications the member may score, their texts, the
//! criteria with weights, one unlocked score cell per application and
//! criterion under a heading with "Poeng" (whole numbers 1–5 by data
//! validation) and a comment column — and one hidden, protected sheet
//! `Grendebok` naming the scheme, the member, the layout version, the ids of
//! the rows and columns, and a SHA-256 over all of it and the headings.
//!
//! [`read`] reads a returned workbook (calamine) and refuses it whole
//! ([`ReviewSheetFault`]) unless the hidden identification is intact and the
//! visible headings and rows are where they were written; it returns the
//! cells as they were filled in. Whether the scores may be saved (1–5, not
//! inhabil, the application still open) is the store's to judge.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Workbook};

use crate::error::{CoreError, Result};
use crate::i18n::t;
use crate::model::Lang;

/// The layout written now. A sheet of another version is refused.
pub const LAYOUT_VERSION: u32 = 1;
/// What the hidden sheet's first cell says, so a stranger workbook is told apart.
const MARKER: &str = "grendebok-review-sheet";
/// The hidden sheet's name (never translated: it is read back by name).
const ID_SHEET: &str = "Grendebok";
/// The row of the visible headings (0-based); the applications follow it.
pub const HEADING_ROW: u32 = 4;
/// The largest returned sheet read: twenty applications are a few kB.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Why a returned sheet is refused whole. Nothing is read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewSheetFault {
    /// Not an XLSX file, or one that cannot be read.
    Unreadable,
    /// A workbook, but not a review sheet from Grendebok.
    NotReviewSheet,
    /// Made by a newer Grendebok.
    NewerLayout { found: String },
    /// The hidden identification, the headings or the rows were changed.
    Tampered,
    /// The scheme it names is not in this file.
    UnknownScheme,
    /// A sheet for another scheme than the one it is read into.
    OtherScheme { sheet: String, here: String },
    /// The scheme's criteria changed after the sheet was made.
    CriteriaChanged,
}

impl ReviewSheetFault {
    pub fn key(&self) -> &'static str {
        match self {
            ReviewSheetFault::Unreadable => "review.unreadable",
            ReviewSheetFault::NotReviewSheet => "review.not_sheet",
            ReviewSheetFault::NewerLayout { .. } => "review.newer_layout",
            ReviewSheetFault::Tampered => "review.tampered",
            ReviewSheetFault::UnknownScheme => "review.unknown_scheme",
            ReviewSheetFault::OtherScheme { .. } => "review.other_scheme",
            ReviewSheetFault::CriteriaChanged => "review.criteria_changed",
        }
    }

    /// The message for a person: what is wrong with the sheet at `path`.
    pub fn message(&self, lang: Lang, path: &str) -> String {
        let file = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_owned());
        let mut params: Vec<(&str, &str)> = vec![("file", &file)];
        match self {
            ReviewSheetFault::OtherScheme { sheet, here } => {
                params.push(("sheet", sheet));
                params.push(("here", here));
            }
            ReviewSheetFault::NewerLayout { found } => params.push(("found", found)),
            _ => {}
        }
        t(lang, self.key(), &params)
    }
}

fn fault(path: &str, fault: ReviewSheetFault) -> CoreError {
    CoreError::BadReviewSheet {
        path: path.to_owned(),
        fault,
    }
}

/// One application on a sheet: what the member reads, and the scores and
/// comment already given (so a sheet made again shows them).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetApplication {
    pub id: String,
    pub number: i32,
    pub organisation: String,
    pub title: String,
    pub description: String,
    pub amount_asked_ore: i64,
    /// Per criterion, in the scheme's order.
    pub scores: Vec<Option<i32>>,
    pub comment: String,
}

/// Everything a sheet is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetContent {
    pub scheme_id: String,
    pub scheme_name: String,
    pub membership_id: String,
    pub person_id: String,
    pub member_name: String,
    /// Criteria as (id, name, weight), in the scheme's order.
    pub criteria: Vec<(String, String, i32)>,
    pub applications: Vec<SheetApplication>,
}

/// The visible headings: Nr, Søker, Prosjekt, Beskrivelse, Søkt beløp, one
/// `Poeng: <criterion> (vekt n)` per criterion, Kommentar.
pub fn headings(content: &SheetContent, lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = [
        "review.col.number",
        "review.col.applicant",
        "review.col.project",
        "review.col.description",
        "review.col.asked",
    ]
    .iter()
    .map(|k| t(lang, k, &[]))
    .collect();
    for (_, name, weight) in &content.criteria {
        h.push(t(
            lang,
            "review.col.score",
            &[("criterion", name), ("weight", &weight.to_string())],
        ));
    }
    h.push(t(lang, "review.col.comment", &[]));
    h
}

/// The first score column (0-based).
const FIRST_SCORE_COL: u16 = 5;

/// The hidden sheet's rows: marker and version, the ids, the headings.
fn id_rows(
    scheme_id: &str,
    membership_id: &str,
    person_id: &str,
    criteria: &[String],
    applications: &[(String, String)],
    headings: &[String],
) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec![MARKER.to_owned(), LAYOUT_VERSION.to_string()],
        vec!["scheme".to_owned(), scheme_id.to_owned()],
        vec!["member".to_owned(), membership_id.to_owned()],
        vec!["person".to_owned(), person_id.to_owned()],
    ];
    let mut c = vec!["criteria".to_owned()];
    c.extend(criteria.iter().cloned());
    rows.push(c);
    let mut a = vec!["applications".to_owned()];
    a.extend(applications.iter().map(|(id, _)| id.clone()));
    rows.push(a);
    let mut n = vec!["numbers".to_owned()];
    n.extend(applications.iter().map(|(_, number)| number.clone()));
    rows.push(n);
    let mut h = vec!["headings".to_owned()];
    h.extend(headings.iter().cloned());
    rows.push(h);
    rows
}

/// SHA-256 over the hidden rows, cell by cell: a changed id, heading or
/// order no longer matches.
fn check_sum(rows: &[Vec<String>]) -> String {
    let mut text = String::new();
    for row in rows {
        for cell in row {
            text.push_str(cell);
            text.push('\u{1f}');
        }
        text.push('\u{1e}');
    }
    crate::pdf::sha256_hex(text.as_bytes())
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> CoreError {
    CoreError::Io(std::io::Error::other(e.to_string()))
}

/// The workbook for one member, in `lang` (the council's målform).
pub fn write(content: &SheetContent, lang: Lang) -> Result<Vec<u8>> {
    let headings = headings(content, lang);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let money = Format::new()
        .set_num_format("# ##0")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let heading = Format::new().set_bold().set_text_wrap().set_background_color(0xDDE7F0);
    let open = Format::new()
        .set_unlocked()
        .set_background_color(0xFFF2B3)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let open_text = open.clone().set_text_wrap();

    let sheet = workbook.add_worksheet();
    sheet.set_name(t(lang, "review.sheet_name", &[])).map_err(xlsx_error)?;
    sheet
        .write_string_with_format(
            0,
            0,
            t(
                lang,
                "review.sheet_title",
                &[("scheme", &content.scheme_name), ("member", &content.member_name)],
            ),
            &title,
        )
        .map_err(xlsx_error)?;
    sheet
        .write_string(1, 0, t(lang, "review.sheet_help", &[]))
        .map_err(xlsx_error)?;
    let criteria: Vec<String> = content
        .criteria
        .iter()
        .map(|(_, name, weight)| {
            t(
                lang,
                "review.criterion",
                &[("criterion", name), ("weight", &weight.to_string())],
            )
        })
        .collect();
    sheet
        .write_string_with_format(
            2,
            0,
            t(lang, "review.sheet_criteria", &[("list", &criteria.join(", "))]),
            &bold,
        )
        .map_err(xlsx_error)?;
    let comment_col = FIRST_SCORE_COL + content.criteria.len() as u16;
    for (col, text) in headings.iter().enumerate() {
        sheet
            .write_string_with_format(HEADING_ROW, col as u16, text, &heading)
            .map_err(xlsx_error)?;
    }
    for (col, width) in [(0u16, 5.0), (1, 24.0), (2, 26.0), (3, 60.0), (4, 12.0)] {
        sheet.set_column_width(col, width).map_err(xlsx_error)?;
    }
    for col in FIRST_SCORE_COL..comment_col {
        sheet.set_column_width(col, 14.0).map_err(xlsx_error)?;
    }
    sheet.set_column_width(comment_col, 40.0).map_err(xlsx_error)?;
    sheet.set_row_height(HEADING_ROW, 45).map_err(xlsx_error)?;

    for (i, a) in content.applications.iter().enumerate() {
        let r = HEADING_ROW + 1 + i as u32;
        sheet
            .write_number_with_format(r, 0, a.number, &wrap)
            .map_err(xlsx_error)?;
        for (col, text) in [(1u16, &a.organisation), (2, &a.title), (3, &a.description)] {
            sheet
                .write_string_with_format(r, col, text.as_str(), &wrap)
                .map_err(xlsx_error)?;
        }
        sheet
            .write_number_with_format(r, 4, a.amount_asked_ore as f64 / 100.0, &money)
            .map_err(xlsx_error)?;
        for (c, score) in a.scores.iter().enumerate() {
            let col = FIRST_SCORE_COL + c as u16;
            match score {
                Some(n) => sheet.write_number_with_format(r, col, *n, &open),
                None => sheet.write_blank(r, col, &open),
            }
            .map_err(xlsx_error)?;
        }
        if a.comment.is_empty() {
            sheet.write_blank(r, comment_col, &open_text).map_err(xlsx_error)?;
        } else {
            sheet
                .write_string_with_format(r, comment_col, &a.comment, &open_text)
                .map_err(xlsx_error)?;
        }
    }
    if !content.applications.is_empty() && !content.criteria.is_empty() {
        let last = HEADING_ROW + content.applications.len() as u32;
        let validation = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(1, 5))
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title(t(lang, "review.validation_title", &[]))
            .map_err(xlsx_error)?
            .set_error_message(t(lang, "review.validation_message", &[]))
            .map_err(xlsx_error)?
            .set_input_title(t(lang, "review.validation_title", &[]))
            .map_err(xlsx_error)?
            .set_input_message(t(lang, "review.validation_message", &[]))
            .map_err(xlsx_error)?;
        sheet
            .add_data_validation(HEADING_ROW + 1, FIRST_SCORE_COL, last, comment_col - 1, &validation)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(HEADING_ROW + 1, 2).map_err(xlsx_error)?;
    // Only the yellow cells can be typed in: the layout stays as it was made.
    sheet.protect();

    let ids = id_rows(
        &content.scheme_id,
        &content.membership_id,
        &content.person_id,
        &content.criteria.iter().map(|(id, _, _)| id.clone()).collect::<Vec<_>>(),
        &content
            .applications
            .iter()
            .map(|a| (a.id.clone(), a.number.to_string()))
            .collect::<Vec<_>>(),
        &headings,
    );
    let sum = check_sum(&ids);
    let hidden = workbook.add_worksheet();
    hidden.set_name(ID_SHEET).map_err(xlsx_error)?;
    for (r, row) in ids.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            hidden.write_string(r as u32, c as u16, cell).map_err(xlsx_error)?;
        }
    }
    hidden
        .write_string(ids.len() as u32, 0, "check")
        .map_err(xlsx_error)?
        .write_string(ids.len() as u32, 1, &sum)
        .map_err(xlsx_error)?;
    hidden.set_hidden(true);
    hidden.protect();
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// A score cell as it came back.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreCell {
    Blank,
    Whole(i64),
    /// Anything else, as the person typed it ("fire", 3.5).
    Other(String),
}

/// One application's row as it came back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedRow {
    /// The spreadsheet's number of the row (1-based).
    pub row: usize,
    pub application_id: String,
    pub scores: Vec<ScoreCell>,
    pub comment: String,
}

/// A returned sheet whose layout is intact.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedSheet {
    pub scheme_id: String,
    pub membership_id: String,
    pub person_id: String,
    pub criteria: Vec<String>,
    pub headings: Vec<String>,
    pub rows: Vec<ReturnedRow>,
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) | Some(Data::Error(_)) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string().replace('.', ","),
        Some(other) => other.to_string(),
    }
}

fn score_cell(cell: Option<&Data>) -> ScoreCell {
    match cell {
        None | Some(Data::Empty) => ScoreCell::Blank,
        Some(Data::Int(i)) => ScoreCell::Whole(*i),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e9 => ScoreCell::Whole(*f as i64),
        Some(Data::String(s)) if s.trim().is_empty() => ScoreCell::Blank,
        Some(Data::String(s)) => match s.trim().parse::<i64>() {
            Ok(n) => ScoreCell::Whole(n),
            Err(_) => ScoreCell::Other(s.trim().to_owned()),
        },
        Some(other) => ScoreCell::Other(text(Some(other))),
    }
}

/// Reads a returned workbook; `path` only names it in a refusal.
pub fn read(bytes: &[u8], path: &str) -> Result<ReturnedSheet> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(fault(path, ReviewSheetFault::Unreadable));
    }
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|_| fault(path, ReviewSheetFault::Unreadable))?;
    let ids = match book.worksheet_range(ID_SHEET) {
        Ok(range) => range,
        Err(_) => return Err(fault(path, ReviewSheetFault::NotReviewSheet)),
    };
    let id_cell = |r: u32, c: u32| text(ids.get_value((r, c)));
    if id_cell(0, 0) != MARKER {
        return Err(fault(path, ReviewSheetFault::NotReviewSheet));
    }
    let version = id_cell(0, 1);
    match version.parse::<u32>() {
        Ok(v) if v == LAYOUT_VERSION => {}
        Ok(v) if v > LAYOUT_VERSION => {
            return Err(fault(path, ReviewSheetFault::NewerLayout { found: version }));
        }
        _ => return Err(fault(path, ReviewSheetFault::Tampered)),
    }
    // The hidden rows as they are now, up to the check row.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut sum = None;
    for r in 0..16u32 {
        let label = id_cell(r, 0);
        if label == "check" {
            sum = Some(id_cell(r, 1));
            break;
        }
        let width = ids.end().map_or(0, |(_, c)| c + 1);
        let mut row: Vec<String> = (0..width).map(|c| id_cell(r, c)).collect();
        while row.last().is_some_and(|c| c.is_empty()) {
            row.pop();
        }
        rows.push(row);
    }
    let labels = [
        "",
        "scheme",
        "member",
        "person",
        "criteria",
        "applications",
        "numbers",
        "headings",
    ];
    if rows.len() != labels.len()
        || rows
            .iter()
            .zip(labels)
            .skip(1)
            .any(|(row, label)| row.first().map(String::as_str) != Some(label))
        || sum.as_deref() != Some(check_sum(&rows).as_str())
    {
        return Err(fault(path, ReviewSheetFault::Tampered));
    }
    let value = |i: usize| rows[i].get(1).cloned().unwrap_or_default();
    let rest = |i: usize| rows[i].iter().skip(1).cloned().collect::<Vec<String>>();
    let (scheme_id, membership_id, person_id) = (value(1), value(2), value(3));
    let (criteria, applications, numbers, headings) = (rest(4), rest(5), rest(6), rest(7));
    if applications.len() != numbers.len() || headings.len() != FIRST_SCORE_COL as usize + criteria.len() + 1 {
        return Err(fault(path, ReviewSheetFault::Tampered));
    }

    // The visible sheet: the same headings, the same rows in the same order,
    // nothing added below.
    let visible = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        _ => return Err(fault(path, ReviewSheetFault::Tampered)),
    };
    let cell = |r: u32, c: u32| visible.get_value((r, c));
    for (c, h) in headings.iter().enumerate() {
        if text(cell(HEADING_ROW, c as u32)).trim() != h.trim() {
            return Err(fault(path, ReviewSheetFault::Tampered));
        }
    }
    if !text(cell(HEADING_ROW, headings.len() as u32)).is_empty() {
        return Err(fault(path, ReviewSheetFault::Tampered));
    }
    let comment_col = headings.len() as u32 - 1;
    let mut returned = Vec::new();
    for (i, (id, number)) in applications.iter().zip(&numbers).enumerate() {
        let r = HEADING_ROW + 1 + i as u32;
        if text(cell(r, 0)) != *number {
            return Err(fault(path, ReviewSheetFault::Tampered));
        }
        returned.push(ReturnedRow {
            row: r as usize + 1,
            application_id: id.clone(),
            scores: (0..criteria.len() as u32)
                .map(|c| score_cell(cell(r, FIRST_SCORE_COL as u32 + c)))
                .collect(),
            comment: text(cell(r, comment_col)).trim().to_owned(),
        });
    }
    let below = HEADING_ROW + 1 + applications.len() as u32;
    let end = visible.end().map_or(0, |(r, _)| r);
    for r in below..=end.max(below) {
        if (0..=comment_col).any(|c| !text(cell(r, c)).trim().is_empty()) {
            return Err(fault(path, ReviewSheetFault::Tampered));
        }
    }
    Ok(ReturnedSheet {
        scheme_id,
        membership_id,
        person_id,
        criteria,
        headings,
        rows: returned,
    })
}
