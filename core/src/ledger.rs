//! A scheme's ledger for the kommune's accounts: one row per application —
//! applicant, organisation number, asked, granted, paid, report — and a sum
//! row, as CSV (semicolon-separated, decimal comma, UTF-8 with BOM: what a
//! Norwegian spreadsheet opens without asking) or XLSX.

use rust_xlsxwriter::{Format, Workbook};

use crate::documents::safe_file_name;
use crate::error::{CoreError, Result};
use crate::i18n::{self, label, t};
use crate::model::{GrantScheme, Lang, LedgerFormat, LedgerRow};

const COLUMNS: [&str; 10] = [
    "ledger.col.number",
    "ledger.col.applicant",
    "ledger.col.org_number",
    "ledger.col.project",
    "ledger.col.status",
    "ledger.col.asked",
    "ledger.col.granted",
    "ledger.col.paid",
    "ledger.col.report",
    "ledger.col.case",
];

/// `Regnskap Grendemidler 2026.csv`.
pub fn file_name(scheme: &GrantScheme, format: LedgerFormat, lang: Lang) -> String {
    let extension = match format {
        LedgerFormat::Csv => "csv",
        LedgerFormat::Xlsx => "xlsx",
    };
    let word = t(lang, "ledger.file", &[]);
    // The year once: most schemes carry it in their name already.
    let year = scheme.year.to_string();
    let name = if scheme.name.contains(&year) {
        scheme.name.clone()
    } else {
        format!("{} {year}", scheme.name)
    };
    safe_file_name(&format!("{word} {name}.{extension}"))
}

/// A text cell a spreadsheet would read as a formula, or as the start of one,
/// gets a leading apostrophe (OWASP's advice against CSV injection): an
/// applicant named `=HYPERLINK(…)` shows as that text and runs nothing.
/// Amounts never pass here: they are numbers.
pub fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The text cells of a row, amounts left out (they are written as numbers),
/// each [`neutralised`].
fn texts(row: &LedgerRow, lang: Lang) -> [String; 6] {
    [
        row.organisation.clone(),
        row.org_number.clone().unwrap_or_default(),
        row.title.clone(),
        label(lang, "application_status", &row.status),
        row.report_received.map(i18n::date).unwrap_or_default(),
        row.case_number.map(|c| c.label(lang)).unwrap_or_default(),
    ]
    .map(|text| neutralised(&text))
}

struct Sums {
    asked: i64,
    granted: i64,
    paid: i64,
}

fn sums(rows: &[LedgerRow]) -> Sums {
    Sums {
        asked: rows.iter().map(|r| r.asked_ore).sum(),
        granted: rows.iter().map(|r| r.granted_ore).sum(),
        paid: rows.iter().map(|r| r.paid_ore).sum(),
    }
}

/// `12500,50`: no grouping, a decimal comma, always two decimals.
fn csv_amount(ore: i64) -> String {
    format!("{},{:02}", ore / 100, ore % 100)
}

fn csv_cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

pub fn csv(scheme: &GrantScheme, rows: &[LedgerRow], lang: Lang) -> Vec<u8> {
    let mut lines: Vec<String> = Vec::new();
    let header: Vec<String> = COLUMNS.iter().map(|k| t(lang, k, &[])).collect();
    lines.push(header.join(";"));
    for row in rows {
        let [organisation, org_number, title, status, report, case] = texts(row, lang);
        let cells = [
            row.number.to_string(),
            organisation,
            org_number,
            title,
            status,
            csv_amount(row.asked_ore),
            csv_amount(row.granted_ore),
            csv_amount(row.paid_ore),
            report,
            case,
        ];
        lines.push(cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(";"));
    }
    let s = sums(rows);
    let sum_label = neutralised(&t(lang, "ledger.sum", &[("scheme", &scheme.name)]));
    let sum_row = [
        String::new(),
        csv_cell(&sum_label),
        String::new(),
        String::new(),
        String::new(),
        csv_amount(s.asked),
        csv_amount(s.granted),
        csv_amount(s.paid),
        String::new(),
        String::new(),
    ];
    lines.push(sum_row.join(";"));
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(lines.join("\r\n").into_bytes());
    bytes.extend(b"\r\n");
    bytes
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> CoreError {
    CoreError::Io(std::io::Error::other(e.to_string()))
}

/// Amounts are numbers in kroner with two decimals, so the sheet can sum them.
pub fn xlsx(scheme: &GrantScheme, rows: &[LedgerRow], lang: Lang) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let sheet_name: String = scheme
        .name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if !sheet_name.trim().is_empty() {
        sheet.set_name(sheet_name.trim()).map_err(xlsx_error)?;
    }
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("# ##0.00");
    let money_bold = Format::new().set_num_format("# ##0.00").set_bold();
    let widths = [5.0, 30.0, 12.0, 34.0, 16.0, 14.0, 14.0, 14.0, 14.0, 12.0];
    for (col, (key, width)) in COLUMNS.iter().zip(widths).enumerate() {
        sheet
            .write_string_with_format(0, col as u16, t(lang, key, &[]), &bold)
            .map_err(xlsx_error)?;
        sheet.set_column_width(col as u16, width).map_err(xlsx_error)?;
    }
    let kroner = |ore: i64| ore as f64 / 100.0;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let [organisation, org_number, title, status, report, case] = texts(row, lang);
        sheet.write_number(r, 0, row.number).map_err(xlsx_error)?;
        for (col, text) in [
            (1, organisation),
            (2, org_number),
            (3, title),
            (4, status),
            (8, report),
            (9, case),
        ] {
            sheet.write_string(r, col, text).map_err(xlsx_error)?;
        }
        for (col, ore) in [(5, row.asked_ore), (6, row.granted_ore), (7, row.paid_ore)] {
            sheet
                .write_number_with_format(r, col, kroner(ore), &money)
                .map_err(xlsx_error)?;
        }
    }
    let r = rows.len() as u32 + 1;
    let s = sums(rows);
    sheet
        .write_string_with_format(
            r,
            1,
            neutralised(&t(lang, "ledger.sum", &[("scheme", &scheme.name)])),
            &bold,
        )
        .map_err(xlsx_error)?;
    for (col, ore) in [(5, s.asked), (6, s.granted), (7, s.paid)] {
        sheet
            .write_number_with_format(r, col, kroner(ore), &money_bold)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// What a person is told after a ledger is saved.
pub fn export_message(lang: Lang, path: &std::path::Path, count: usize) -> String {
    crate::documents::saved_message(lang, "export.ledger_saved", path, &[("count", &count.to_string())])
}

#[cfg(test)]
mod tests {
    use super::neutralised;

    #[test]
    fn text_a_spreadsheet_would_run_gets_an_apostrophe_and_other_text_is_kept() {
        for risky in ["=1+1", "+47 22", "-2", "@SUM(A1)", "\tTab", "\rCR"] {
            assert_eq!(neutralised(risky), format!("'{risky}"), "{risky:?}");
        }
        for plain in ["Stavern IL", "", "1-2", "a=b", " =not first", "'sitat"] {
            assert_eq!(neutralised(plain), plain, "{plain:?}");
        }
    }
}
