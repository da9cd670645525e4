//! Reviewer sheets: written with rust_xlsxwriter, filled in as a member would
//! (the test rewrites the workbook cell by cell with rust_xlsxwriter), read
//! back with calamine — and every refusal, with nothing written.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;

use super::grant_tests::{actor, apply, at, day, decision, scheme_input, scores, world, World};
use super::test_fixtures::assert_says;
use super::*;

/// A cell a member types: a number or text.
#[derive(Clone)]
enum Typed {
    N(f64),
    S(&'static str),
}

/// Every cell of every sheet of a workbook, by sheet name and absolute position.
type Cells = Vec<(String, Vec<((u32, u32), Data)>)>;

fn cells(path: &Path) -> Cells {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let mut found = Vec::new();
            for (r, row) in range.rows().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r0, c0) = range.start().unwrap();
                    if *cell != Data::Empty {
                        found.push(((r0 + r as u32, c0 + c as u32), cell.clone()));
                    }
                }
            }
            (name, found)
        })
        .collect()
}

/// The workbook at `from` as a member's spreadsheet program saves it after
/// they typed `typed` into the first sheet (row, column, 0-based), and
/// `hidden` into the second: written anew, with the hidden sheet hidden.
fn fill(from: &Path, to: &Path, typed: &[(u32, u16, Typed)], hidden: &[(u32, u16, &str)]) -> PathBuf {
    let mut workbook = Workbook::new();
    for (i, (name, sheet_cells)) in cells(from).into_iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).unwrap();
        for ((r, c), cell) in sheet_cells {
            let c = c as u16;
            match cell {
                Data::Float(f) => sheet.write_number(r, c, f).map(|_| ()),
                Data::Int(n) => sheet.write_number(r, c, n as f64).map(|_| ()),
                other => sheet.write_string(r, c, other.to_string()).map(|_| ()),
            }
            .unwrap();
        }
        if i == 1 {
            for (r, c, text) in hidden {
                sheet.write_string(*r, *c, *text).unwrap();
            }
        }
        let edits: Vec<(u32, u16, Typed)> = if i == 0 { typed.to_vec() } else { Vec::new() };
        for (r, c, value) in edits {
            match value {
                Typed::N(n) => sheet.write_number(r, c, n).map(|_| ()),
                Typed::S("") => sheet.write_blank(r, c, &rust_xlsxwriter::Format::new()).map(|_| ()),
                Typed::S(s) => sheet.write_string(r, c, s).map(|_| ()),
            }
            .unwrap();
        }
        if i == 1 {
            sheet.set_hidden(true);
        }
    }
    workbook.save(to).unwrap();
    to.to_path_buf()
}

/// Row (0-based) of the n-th application on the sheet, and the column of
/// the k-th criterion's score and of the comment (three criteria).
fn row(n: u32) -> u32 {
    crate::review::HEADING_ROW + 1 + n
}
fn score_col(k: u16) -> u16 {
    5 + k
}
const COMMENT: u16 = 8;

struct Round {
    w: World,
    dir: tempfile::TempDir,
    /// Stavern IL (Cecilie is inhabil: she represents it), Sjøspeiderne, Husflidslaget.
    applications: Vec<Application>,
}

fn round() -> Round {
    let mut w = world();
    let applications = vec![
        apply(&mut w, "Stavern IL", "80 000"),
        apply(&mut w, "Sjøspeiderne", "40 000"),
        apply(&mut w, "Husflidslaget", "20 000"),
    ];
    Round {
        w,
        dir: tempfile::tempdir().unwrap(),
        applications,
    }
}

impl Round {
    /// Bjørn's sheet (the second member), exported on 1 April.
    fn sheet_of(&self, member: usize, name: &str) -> PathBuf {
        let out = self.dir.path().join(name);
        let person = &self.w.members[member].person.id;
        self.w
            .store
            .export_review_sheet(&self.w.scheme.id, person, day(2026, 4, 1), &out)
            .unwrap();
        out
    }

    /// Bjørn's sheet with `typed` typed into its cells, saved as `name`.
    fn bjorn_fills(&self, name: &str, typed: &[(u32, u16, Typed)]) -> PathBuf {
        let sheet = self.sheet_of(1, "bjorn.xlsx");
        fill(&sheet, &self.dir.path().join(name), typed, &[])
    }

    fn import(&mut self, path: &Path) -> Result<review::ReviewImported> {
        let scheme = self.w.scheme.id.clone();
        self.w.store.import_review_sheet(&at(4, 10), path, Some(&scheme))
    }

    fn scores_of(&self, application: usize, member: usize) -> Vec<(i32, String)> {
        scoring::scores_of(
            &self.w.store.conn,
            &self.applications[application].id,
            &self.w.members[member].id,
        )
        .unwrap()
        .into_iter()
        .map(|s| (s.score, s.comment))
        .collect()
    }

    fn audit_rows(&self) -> i64 {
        self.w
            .store
            .conn
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap()
    }
}

fn text(cell: &Data) -> String {
    cell.to_string()
}

#[test]
fn a_sheet_lists_what_the_member_may_score_with_poeng_cells_limited_to_1_to_5() {
    let r = round();
    // Cecilie represents Stavern IL: her sheet leaves it out.
    let cecilie = r.sheet_of(2, "cecilie.xlsx");
    let sheet = cells(&cecilie);
    assert_eq!(sheet[0].0, "Vurdering");
    assert_eq!(sheet[1].0, "Grendebok", "the identification sheet");
    let visible: Vec<String> = sheet[0].1.iter().map(|(_, c)| text(c)).collect();
    assert!(!visible.iter().any(|t| t == "Stavern IL"), "{visible:?}");
    assert!(visible.iter().any(|t| t == "Sjøspeiderne"));
    assert!(visible.iter().any(|t| t == "Prosjekt for Husflidslaget"));
    assert!(visible.iter().any(|t| t == "Dugnad og utstyr."), "the texts");
    let headings: Vec<String> = sheet[0]
        .1
        .iter()
        .filter(|((r, _), _)| *r == crate::review::HEADING_ROW)
        .map(|(_, c)| text(c))
        .collect();
    assert_eq!(
        headings,
        [
            "Nr",
            "Søker",
            "Prosjekt",
            "Beskrivelse",
            "Søkt beløp (kr)",
            "Poeng: Mange deltakere (vekt 3)",
            "Poeng: Barn og unge (vekt 2)",
            "Poeng: Egeninnsats/dugnad (vekt 1)",
            "Kommentar"
        ]
    );
    // Bjørn may score all three.
    let bjorn = cells(&r.sheet_of(1, "bjorn.xlsx"));
    assert!(bjorn[0].1.iter().any(|(_, c)| text(c) == "Stavern IL"));

    // The parts calamine does not read: the validation, the hidden, protected
    // identification sheet and the unlocked score cells.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&cecilie).unwrap()).unwrap();
    let part = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let first = part(&mut zip, "xl/worksheets/sheet1.xml");
    assert!(
        first.contains(r#"type="whole""#)
            && first.contains("<formula1>1</formula1>")
            && first.contains("<formula2>5</formula2>"),
        "{first}"
    );
    assert!(
        first.contains("F6:H7"),
        "the validation covers every score cell: {first}"
    );
    assert!(first.contains("<sheetProtection"), "the layout is protected");
    assert!(part(&mut zip, "xl/worksheets/sheet2.xml").contains("<sheetProtection"));
    assert!(part(&mut zip, "xl/workbook.xml").contains(r#"name="Grendebok" sheetId="2" state="hidden""#));
    assert!(
        part(&mut zip, "xl/styles.xml").contains(r#"locked="0""#),
        "score cells are unlocked"
    );

    // Someone not on the committee has no sheet.
    let err =
        r.w.store
            .export_review_sheet(
                &r.w.scheme.id,
                "0190-not-a-person",
                day(2026, 4, 1),
                &r.dir.path().join("x.xlsx"),
            )
            .unwrap_err();
    assert_says(&err, "sitter ikke i utvalget");
}

#[test]
fn a_filled_sheet_is_read_in_the_same_sheet_twice_changes_nothing_and_a_changed_one_replaces() {
    let mut r = round();
    let filled = r.bjorn_fills(
        "bjorn-utfylt.xlsx",
        &[
            (row(0), score_col(0), Typed::N(4.0)),
            (row(0), score_col(1), Typed::N(5.0)),
            (row(0), score_col(2), Typed::N(3.0)),
            (row(0), COMMENT, Typed::S("Godt forankret i bygda.")),
            (row(1), score_col(0), Typed::N(2.0)),
        ],
    );
    let done = r.import(&filled).unwrap();
    assert_eq!(done.changed, 4);
    assert!(!done.unchanged);
    assert_eq!(
        done.message(Lang::Nb),
        "Vurderingsarket fra Bjørn Berg er lest inn: 4 poeng endret i 3 søknader."
    );
    assert_eq!(
        r.scores_of(0, 1),
        [
            (4, "Godt forankret i bygda.".to_owned()),
            (5, String::new()),
            (3, String::new())
        ]
    );
    assert_eq!(r.scores_of(1, 1), [(2, String::new())]);
    assert!(r.scores_of(2, 1).is_empty(), "a blank cell gives no score");

    // The committee view says who returned a sheet, and when.
    let view = r.w.store.scheme_detail(&r.w.scheme.id, day(2026, 4, 10)).unwrap();
    let returned: Vec<(&str, Option<&str>)> = view
        .reviewers
        .iter()
        .map(|m| (m.person_name.as_str(), m.sheet_returned.as_ref().map(|s| s.at.as_str())))
        .collect();
    assert_eq!(
        returned,
        [
            ("Aud Leder", None),
            ("Bjørn Berg", Some("2026-04-10T12:00:00.000Z")),
            ("Cecilie Ask", None),
            ("Dag Dahl", None)
        ]
    );

    // The same sheet again: nothing written, not even an audit row.
    let before = r.audit_rows();
    let again = r.import(&filled).unwrap();
    assert!(again.unchanged);
    assert_eq!(
        again.message(Lang::Nn),
        "Dette vurderingsarket frå Bjørn Berg er lese inn før. Ingenting er endra."
    );
    assert_eq!(r.audit_rows(), before);

    // A changed sheet (4 → 2 on the first criterion) replaces that score, audited.
    let changed = fill(
        &filled,
        &r.dir.path().join("bjorn-endret.xlsx"),
        &[(row(0), score_col(0), Typed::N(2.0))],
        &[],
    );
    let done = r.import(&changed).unwrap();
    assert_eq!(done.changed, 1);
    assert_eq!(r.scores_of(0, 1)[0], (2, "Godt forankret i bygda.".to_owned()));
    let (old, new): (Option<String>, Option<String>) =
        r.w.store
            .conn
            .query_row(
                "SELECT old, new FROM audit WHERE field LIKE 'score.%' ORDER BY seq DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
    assert_eq!(old.as_deref(), Some("4 Godt forankret i bygda."));
    assert_eq!(new.as_deref(), Some("2 Godt forankret i bygda."));

    // A sheet made again shows the scores given.
    let remade = cells(&r.sheet_of(1, "bjorn-igjen.xlsx"));
    let at = |rr: u32, c: u16| {
        remade[0]
            .1
            .iter()
            .find(|(p, _)| *p == (rr, c as u32))
            .map(|(_, d)| text(d))
    };
    assert_eq!(at(row(0), score_col(0)).as_deref(), Some("2"));
    assert_eq!(at(row(0), COMMENT).as_deref(), Some("Godt forankret i bygda."));
}

/// The faults of a refused read, in bokmål: the headline and each cell.
fn faults(err: &CoreError) -> Vec<String> {
    let report = err.report(Lang::Nb);
    std::iter::once(report.message)
        .chain(report.fields.into_iter().map(|f| f.message))
        .collect()
}

#[test]
fn bad_cells_refuse_the_whole_sheet_each_named_by_row_and_column() {
    let mut r = round();
    let bad = r.bjorn_fills(
        "bjorn-feil.xlsx",
        &[
            (row(0), score_col(0), Typed::N(7.0)),
            (row(0), score_col(1), Typed::S("fire")),
            (row(1), score_col(0), Typed::N(3.0)),
            (row(2), score_col(2), Typed::N(2.5)),
            (row(2), COMMENT, Typed::S("Uten poeng for første kriterium.")),
        ],
    );
    let before = r.audit_rows();
    let err = r.import(&bad).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(
        faults(&err),
        [
            "Ingenting ble lest inn: filen har 4 feil. Rett dem i regnearket og prøv igjen.",
            "Rad 6, Poeng: Mange deltakere (vekt 3): «7» er ikke poeng. Skriv et helt tall fra 1 til 5.",
            "Rad 6, Poeng: Barn og unge (vekt 2): «fire» er ikke poeng. Skriv et helt tall fra 1 til 5.",
            "Rad 8, Poeng: Egeninnsats/dugnad (vekt 1): «2,5» er ikke poeng. Skriv et helt tall fra 1 til 5.",
            "Rad 8, Kommentar: En kommentar hører til poengene for «Mange deltakere». Sett poeng der også.",
        ]
    );
    assert_eq!(r.audit_rows(), before, "nothing written");
    assert!(r.scores_of(1, 1).is_empty(), "not even the good row");
}

#[test]
fn a_member_inhabil_since_or_an_application_decided_since_cannot_be_scored_from_a_sheet() {
    let mut r = round();
    let sheet = r.sheet_of(1, "bjorn.xlsx");
    // After the sheet went out: Bjørn declares himself inhabil for Sjøspeiderne,
    // and Husflidslaget is decided.
    let (sjo, husflid) = (r.applications[1].id.clone(), r.applications[2].id.clone());
    let bjorn = r.w.members[1].id.clone();
    r.w.store
        .declare_inhabil(&actor(), &sjo, &bjorn, "Styremedlem i laget")
        .unwrap();
    let item = r.w.item.clone();
    r.w.store
        .decide_application(&actor(), &husflid, &decision("20 000", &item))
        .unwrap();
    let filled = fill(
        &sheet,
        &r.dir.path().join("bjorn-utfylt.xlsx"),
        &[
            (row(0), score_col(0), Typed::N(4.0)),
            (row(1), score_col(0), Typed::N(4.0)),
            (row(2), score_col(0), Typed::N(4.0)),
        ],
        &[],
    );
    let err = r.import(&filled).unwrap_err();
    assert_eq!(
        faults(&err)[1..],
        [
            "Rad 7: Bjørn Berg er inhabil i søknad 2 og kan ikke gi poeng.",
            "Rad 8: Søknad 3 er avgjort eller trukket, så poengene kan ikke endres lenger.",
        ]
    );
    assert!(r.scores_of(0, 1).is_empty(), "nothing written");
}

#[test]
fn a_sheet_for_another_scheme_or_with_a_changed_layout_is_refused_whole() {
    let mut r = round();
    let sheet = r.sheet_of(1, "bjorn.xlsx");
    let scored = [(row(0), score_col(0), Typed::N(4.0))];
    let before = r.audit_rows();
    let refusal = |r: &mut Round, path: &Path, scheme: Option<&str>| {
        let err = r.w.store.import_review_sheet(&at(4, 10), path, scheme).unwrap_err();
        assert_eq!(err.code(), "bad_review_sheet", "{err}");
        let nb = err.message(Lang::Nb);
        assert_ne!(nb, err.message(Lang::Nn));
        assert_ne!(nb, err.message(Lang::En));
        nb
    };

    // Another scheme: read into the wrong one.
    let mut other = scheme_input(&r.w.council.id);
    other.name = "Ungdomsmidler 2026".into();
    let other = r.w.store.create_scheme(&actor(), &other).unwrap();
    let message = refusal(&mut r, &sheet, Some(&other.id));
    assert!(
        message.contains("for «Grendemidler 2026», ikke for «Ungdomsmidler 2026»"),
        "{message}"
    );

    // The hidden member id edited (to Aud's).
    let aud = r.w.members[0].id.clone();
    let edited = fill(&sheet, &r.dir.path().join("id.xlsx"), &scored, &[(2, 1, aud.as_str())]);
    let message = refusal(&mut r, &edited, None);
    assert!(message.contains("endret utenfor de gule cellene"), "{message}");

    // Two rows swapped: the numbers no longer match the rows.
    let cells_now = cells(&sheet);
    let value = |rr: u32, c: u32| {
        cells_now[0]
            .1
            .iter()
            .find(|(p, _)| *p == (rr, c))
            .map(|(_, d)| text(d))
            .unwrap()
    };
    let (first, second) = (value(row(0), 0), value(row(1), 0));
    let swapped = fill(
        &sheet,
        &r.dir.path().join("byttet.xlsx"),
        &[
            (row(0), 0, Typed::N(second.parse().unwrap())),
            (row(1), 0, Typed::N(first.parse().unwrap())),
        ],
        &[],
    );
    assert!(refusal(&mut r, &swapped, None).contains("endret utenfor"));

    // A column heading changed, a row added below.
    let heading = fill(
        &sheet,
        &r.dir.path().join("kolonne.xlsx"),
        &[(crate::review::HEADING_ROW, score_col(1), Typed::S("Poeng"))],
        &[],
    );
    assert!(refusal(&mut r, &heading, None).contains("endret utenfor"));
    let added = fill(
        &sheet,
        &r.dir.path().join("rad.xlsx"),
        &[(row(3), 1, Typed::S("Nytt lag"))],
        &[],
    );
    assert!(refusal(&mut r, &added, None).contains("endret utenfor"));

    // Not a review sheet at all: the ledger, and a text file.
    let ledger = r.dir.path().join("regnskap.xlsx");
    let scheme = r.w.scheme.id.clone();
    r.w.store
        .export_ledger(&scheme, LedgerFormat::Xlsx, &ledger, Lang::Nb)
        .unwrap();
    assert!(refusal(&mut r, &ledger, None).contains("er ikke et vurderingsark"));
    let text_file = r.dir.path().join("notat.xlsx");
    std::fs::write(&text_file, "Poeng: 4").unwrap();
    assert!(refusal(&mut r, &text_file, None).contains("kan ikke leses"));

    // The criteria changed after the sheet was made.
    let mut input = scheme_input(&r.w.council.id);
    input.criteria.pop();
    r.w.store.update_scheme(&actor(), &scheme, &input).unwrap();
    let before_criteria = r.audit_rows();
    assert!(refusal(&mut r, &sheet, None).contains("Kriteriene i ordningen er endret"));
    assert_eq!(r.audit_rows(), before_criteria);
    assert!(before <= before_criteria);
    assert!(r.scores_of(0, 1).is_empty(), "nothing was read in");
}

/// Scores typed in the app stay when the sheet's cell is blank.
#[test]
fn a_blank_cell_leaves_a_score_typed_in_the_app() {
    let mut r = round();
    let a = r.applications[1].id.clone();
    let bjorn = r.w.members[1].id.clone();
    let scheme = r.w.scheme.clone();
    r.w.store
        .save_scores(&actor(), &a, &bjorn, &scores(&scheme, [3, 3, 3]))
        .unwrap();
    let emptied = r.bjorn_fills("tom.xlsx", &[(row(1), score_col(1), Typed::S(""))]);
    let done = r.import(&emptied).unwrap();
    assert_eq!(done.changed, 0);
    assert_eq!(r.scores_of(1, 1).len(), 3);
}
