use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};

use super::*;
use crate::model::*;
use crate::Store;

fn actor() -> Actor {
    Actor {
        name: "Kari Sekretær".into(),
        at: Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap(),
    }
}

fn store_with_council() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let council = store
        .create_council(
            &actor(),
            &CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(2, 1, 1, 1, 2)),
        )
        .unwrap();
    (store, council.id)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn seats(store: &Store, council: &str) -> Vec<(String, SeatCategory, Role, String)> {
    let mut list: Vec<_> = store
        .memberships_of_council(council)
        .unwrap()
        .into_iter()
        .map(|m| (m.person.name, m.category, m.role, m.person.email))
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

/// A list exported from Excel as "CSV (semikolondelt)" with a BOM, headings
/// in bokmål, categories and roles as the app names them, and one person
/// already registered in another council: that person is given the seat,
/// not registered twice.
#[test]
fn a_semicolon_csv_with_a_bom_gives_every_seat_and_matches_people_already_registered() {
    let (mut store, council) = store_with_council();
    let other = store
        .create_council(
            &actor(),
            &CouncilInput::named("Brunlanes grendeutvalg", SeatPlan::new(1, 1, 1, 1, 1)),
        )
        .unwrap();
    let known = store
        .add_membership(
            &actor(),
            &MembershipInput {
                council_id: other.id.clone(),
                person: PersonChoice::New {
                    person: PersonInput {
                        name: "Bror Kvamme".into(),
                        email: "bror@kvamme.example".into(),
                        phone: String::new(),
                        gender: None,
                    },
                },
                category: SeatCategory::SCHOOL,
                role: Role::Medlem,
                organisation: String::new(),
                term_from: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                term_to: None,
            },
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = "\u{feff}Navn;E-post;Telefon;Plass;Rolle;Representerer;Fra;Til\n\
               Aslaug Fjeldstad;aslaug@eksempel.no;900 00 001;Senior;Leder;Seniorrådet;01.01.2026;31.12.2027\n\
               \"Kvamme, Bror\";;;Idrett;;Stavern IL;1.1.2026;\n\
               bror kvamme;BROR@kvamme.example;;Barnehage og skole;Sekretær;FAU;2026-01-01;\n\
               ;;;;;;;\n";
    let path = write(dir.path(), "medlemmer.csv", csv.as_bytes());
    let done = store.import_members(&actor(), &council, &path).unwrap();
    assert_eq!(
        done,
        MembersImported {
            seats: 3,
            people_added: 2,
            people_matched: 1
        }
    );
    let list = seats(&store, &council);
    assert_eq!(list.len(), 3);
    assert_eq!(
        list[0],
        (
            "Aslaug Fjeldstad".into(),
            SeatCategory::SENIOR,
            Role::Leder,
            "aslaug@eksempel.no".into()
        )
    );
    // The quoted name with a comma is one cell.
    assert_eq!(list[2].0, "Kvamme, Bror");
    // Matched ignoring case: the person already registered got the seat.
    let matched = store
        .memberships_of_council(&council)
        .unwrap()
        .into_iter()
        .find(|m| m.category == SeatCategory::SCHOOL)
        .unwrap();
    assert_eq!(matched.person.id, known.person.id);
    assert_eq!(matched.role, Role::Sekretaer);
}

/// An XLSX list with English headings and real date cells.
#[test]
fn an_xlsx_list_with_english_headings_and_date_cells_is_read() {
    let (mut store, council) = store_with_council();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    for (col, heading) in ["Name", "E-mail", "Seat", "Role", "From"].into_iter().enumerate() {
        sheet.write_string(0, col as u16, heading).unwrap();
    }
    sheet.write_string(1, 0, "Dag Næss").unwrap();
    sheet.write_string(1, 1, "dag@naess.example").unwrap();
    sheet.write_string(1, 2, "Business").unwrap();
    sheet.write_string(1, 3, "Deputy member").unwrap();
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 15).unwrap();
    sheet.write_datetime_with_format(1, 4, &day, &date).unwrap();
    book.save(&path).unwrap();

    let done = store.import_members(&actor(), &council, &path).unwrap();
    assert_eq!(done.seats, 1);
    let m = &store.memberships_of_council(&council).unwrap()[0];
    assert_eq!((m.category.clone(), m.role), (SeatCategory::BUSINESS, Role::Varamedlem));
    assert_eq!(m.term_from, NaiveDate::from_ymd_opt(2026, 3, 15).unwrap());
}

/// Every bad cell of the file at once, by the row the spreadsheet shows and
/// the column's heading, in plain words; nothing is written.
#[test]
fn every_bad_cell_is_named_by_row_and_column_and_nothing_is_written() {
    let (mut store, council) = store_with_council();
    let dir = tempfile::tempdir().unwrap();
    let csv = "Navn,E-post,Plass,Rolle,Fra\n\
               Aslaug Fjeldstad,aslaug@eksempel.no,Senior,Leder,01.01.2026\n\
               Bror Kvamme,ikke-en-adresse,Skolen,Medlem,31.02.2026\n\
               010101 00131,,Idrett,Kaptein,neste uke\n";
    let path = write(dir.path(), "liste.csv", csv.as_bytes());
    let err = store.import_members(&actor(), &council, &path).unwrap_err();
    let CoreError::BadRows(faults) = &err else {
        panic!("refused by rows: {err:?}")
    };
    let found: Vec<(usize, &str)> = faults.iter().map(|f| (f.row, f.column.as_str())).collect();
    assert_eq!(
        found,
        [
            (3, "Plass"),
            (3, "Fra"),
            (3, "E-post"),
            (4, "Rolle"),
            (4, "Fra"),
            (4, "Navn")
        ],
        "{faults:?}"
    );
    let report = err.report(Lang::Nb);
    assert!(
        report.message.contains("Ingenting ble lest inn: filen har 6 feil"),
        "{report:?}"
    );
    let message: Vec<&str> = report.fields.iter().map(|f| f.message.as_str()).collect();
    let message = message.join("\n");
    assert!(
        message.contains("Rad 3, Plass: «Skolen» er ikke en plass."),
        "{message}"
    );
    assert!(
        message.contains("Rad 3, Fra: 31.02.2026 finnes ikke i kalenderen."),
        "{message}"
    );
    assert!(
        message.contains("Rad 4, Rolle: «Kaptein» er ikke en rolle."),
        "{message}"
    );
    assert!(store.memberships_of_council(&council).unwrap().is_empty());

    // With the category, role and dates right, the form's own rules still
    // speak: the e-mail address and the national identity number in a name.
    let csv = "Navn,E-post,Plass,Rolle,Fra\n\
               Aslaug Fjeldstad,aslaug@eksempel.no,Senior,Leder,01.01.2026\n\
               Bror Kvamme,ikke-en-adresse,Idrett,Medlem,01.02.2026\n\
               010101 00131,,Idrett,Medlem,01.02.2026\n";
    let path = write(dir.path(), "liste2.csv", csv.as_bytes());
    let CoreError::BadRows(faults) = store.import_members(&actor(), &council, &path).unwrap_err() else {
        panic!("refused by rows")
    };
    let found: Vec<(usize, &str)> = faults.iter().map(|f| (f.row, f.column.as_str())).collect();
    assert_eq!(found, [(3, "E-post"), (4, "Navn")], "{faults:?}");
    assert!(
        store.memberships_of_council(&council).unwrap().is_empty(),
        "nothing half-written"
    );
}

#[test]
fn a_latin_1_csv_and_a_list_without_its_columns_are_refused_in_plain_words() {
    let (mut store, council) = store_with_council();
    let dir = tempfile::tempdir().unwrap();
    // "Næss" in Latin-1: 0xE6 is not UTF-8.
    let path = write(
        dir.path(),
        "latin1.csv",
        b"Navn;Plass;Fra\nDag N\xe6ss;Senior;01.01.2026\n",
    );
    let err = store.import_members(&actor(), &council, &path).unwrap_err();
    assert!(err.message(Lang::Nb).contains("ikke lagret som UTF-8"), "{err:?}");

    let path = write(dir.path(), "kolonner.csv", b"Fornavn,Etternavn\nDag,N\xc3\xa6ss\n");
    let CoreError::Invalid(issues) = store.import_members(&actor(), &council, &path).unwrap_err() else {
        panic!("a file fault")
    };
    let keys: Vec<&str> = issues.iter().map(|i| i.key).collect();
    assert_eq!(
        keys,
        ["intake.missing.name", "intake.missing.category", "intake.missing.from"]
    );
}

#[test]
fn days_are_read_as_people_write_them() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(day_of("01.02.2026"), Ok(day(2026, 2, 1)));
    assert_eq!(day_of("1.2.2026"), Ok(day(2026, 2, 1)));
    assert_eq!(day_of("2026-02-01"), Ok(day(2026, 2, 1)));
    assert_eq!(day_of("29.02.2026"), Err("intake.date_missing"));
    assert_eq!(day_of("31.04.2026"), Err("intake.date_missing"));
    assert_eq!(day_of("01.02.26"), Err("intake.date_form"));
    assert_eq!(day_of("i morgen"), Err("intake.date_form"));
    assert_eq!(day_of("01.02.9999"), Err("validation.date_out_of_range"));
}

fn scheme(store: &mut Store, council: &str) -> GrantScheme {
    store
        .create_scheme(
            &actor(),
            &crate::rules::grants::tests::scheme_input(council, "Grendemidler 2026", "200 000"),
        )
        .unwrap()
}

/// A web form's export (Nettskjema writes the time beside the day): every
/// application in the file's order, a late one flagged as a typed one is.
#[test]
fn a_forms_export_becomes_the_schemes_applications_in_order() {
    let (mut store, council) = store_with_council();
    let s = scheme(&mut store, &council);
    let dir = tempfile::tempdir().unwrap();
    let csv = "Organisasjon;Organisasjonsnummer;Kontaktperson;E-post;Telefon;Prosjekt;Beskrivelse;Søkt beløp;Prosjektbudsjett;Mottatt\n\
               Stavern IL;974760673;Siri Søker;siri@lag.example;900 00 000;Ny ballbinge;Dugnad;25 000,50;80 000;20.02.2026 14:33\n\
               Stavern vel;;Per Vel;;;Benker i parken;;12 000;12 000;02.03.2026\n";
    let path = write(dir.path(), "nettskjema.csv", csv.as_bytes());
    let added = store.import_applications(&actor(), &s.id, &path).unwrap();
    assert_eq!(added.len(), 2);
    assert_eq!((added[0].number, added[0].organisation.as_str()), (1, "Stavern IL"));
    assert_eq!(added[0].amount_asked_ore, 2_500_050);
    assert_eq!(added[0].org_number.as_deref(), Some("974760673"));
    assert!(!added[0].late);
    assert!(added[1].late, "received after the deadline 01.03.2026");
}

#[test]
fn a_bad_or_repeated_application_refuses_the_whole_file() {
    let (mut store, council) = store_with_council();
    let s = scheme(&mut store, &council);
    let dir = tempfile::tempdir().unwrap();
    let csv = "Organisation,Organisation number,Project,Amount asked,Project budget,Received\n\
               Stavern IL,974760674,Ny ballbinge,\"25 000\",\"80 000\",20.02.2026\n\
               Stavern vel,,Benker,femti,\"12 000\",02.03.2026\n\
               Stavern vel,,Benker,\"1 000\",\"12 000\",02.03.2026\n";
    let path = write(dir.path(), "form.csv", csv.as_bytes());
    let CoreError::BadRows(faults) = store.import_applications(&actor(), &s.id, &path).unwrap_err() else {
        panic!("refused by rows")
    };
    let found: Vec<(usize, &str, &str)> = faults.iter().map(|f| (f.row, f.column.as_str(), f.issue.key)).collect();
    assert_eq!(found[0].0, 2);
    assert_eq!(found[0].1, "Organisation number");
    assert_eq!((found[1].0, found[1].1), (3, "Amount asked"));
    assert_eq!(found[2], (4, "Organisation", "intake.duplicate"));
    assert_eq!(found.len(), 3, "{faults:?}");
    assert!(store
        .scheme_detail(&s.id, NaiveDate::from_ymd_opt(2026, 12, 5).unwrap())
        .unwrap()
        .rows
        .is_empty());
}

/// A form's export whose headings nobody recognises: the preview says which
/// fields have no column; mapped by the person it reads, and the preview
/// counts the good, late and bad rows before anything is written.
#[test]
fn a_preview_maps_unknown_headings_and_writes_nothing() {
    use crate::intake::applications::ApplicationField as F;
    let (mut store, council) = store_with_council();
    let s = scheme(&mut store, &council);
    let dir = tempfile::tempdir().unwrap();
    let csv = "Tidsstempel;Navn på laget;Hva vil dere gjøre?;Hvor mye søker dere om?;Ekstra\n\
               20.02.2026 14:33;Stavern IL;Ny ballbinge;25 000;x\n\
               02.03.2026 09:00;Stavern vel;Benker i parken;12 000;\n\
               01.02.2026 10:00;Stavern kor;Konsert;mange;\n";
    let path = write(dir.path(), "skjema.csv", csv.as_bytes());
    let first = store.preview_applications(&s.id, &path, None, Lang::Nb).unwrap();
    assert_eq!(first.columns.len(), 5);
    assert!(first.columns.iter().all(|c| c.field.is_none()));
    assert_eq!(first.columns[1].examples, ["Stavern IL", "Stavern vel", "Stavern kor"]);
    assert_eq!(first.problems.len(), 4, "{:?}", first.problems);
    assert!(first.problems[0].contains("Organisasjon"), "{:?}", first.problems);

    let mapping = vec![
        Some(F::Received),
        Some(F::Organisation),
        Some(F::Title),
        Some(F::AmountAsked),
        None,
    ];
    let mapped = store
        .preview_applications(&s.id, &path, Some(mapping.clone()), Lang::Nb)
        .unwrap();
    assert!(mapped.problems.is_empty(), "{:?}", mapped.problems);
    assert_eq!((mapped.rows, mapped.good, mapped.late, mapped.bad_rows), (3, 2, 1, 1));
    assert_eq!(mapped.faults.len(), 1);
    assert!(
        mapped.faults[0].starts_with("Rad 4, Hvor mye søker dere om?"),
        "{:?}",
        mapped.faults
    );
    assert!(store
        .scheme_detail(&s.id, NaiveDate::from_ymd_opt(2026, 12, 5).unwrap())
        .unwrap()
        .rows
        .is_empty());

    // Two columns to one field is not a mapping.
    let twice = vec![
        Some(F::Received),
        Some(F::Organisation),
        Some(F::Title),
        Some(F::AmountAsked),
        Some(F::Title),
    ];
    let twice = store.preview_applications(&s.id, &path, Some(twice), Lang::Nb).unwrap();
    assert!(
        twice.problems.iter().any(|p| p.contains("Hva vil dere gjøre?, Ekstra")),
        "{:?}",
        twice.problems
    );

    // The bad row refuses the file, unless the person leaves it out.
    let refused = store.import_applications_mapped(
        &actor(),
        &s.id,
        &path,
        Some(mapping.clone()),
        false,
        &crate::progress::NoProgress,
    );
    assert!(matches!(refused, Err(CoreError::BadRows(ref f)) if f.len() == 1 && f[0].row == 4));
    let done = store
        .import_applications_mapped(
            &actor(),
            &s.id,
            &path,
            Some(mapping.clone()),
            true,
            &crate::progress::NoProgress,
        )
        .unwrap();
    assert_eq!(done.added.len(), 2);
    assert_eq!(done.left_out.iter().map(|f| f.row).collect::<Vec<_>>(), [4]);
    let message = crate::intake::applications::imported_message(Lang::Nb, &done, &s.name);
    assert_eq!(
        message,
        "2 søknader lest inn i Grendemidler 2026, 1 av dem kom inn etter fristen. 1 rad med feil ble utelatt: rad 4."
    );
}

/// The same export read twice adds nothing the second time: each of its
/// applications is already in the scheme, and the file is refused row by row.
#[test]
fn the_same_export_twice_adds_nothing() {
    let (mut store, council) = store_with_council();
    let s = scheme(&mut store, &council);
    let dir = tempfile::tempdir().unwrap();
    let csv = "Organisasjon;Prosjekt;Søkt beløp;Mottatt\nStavern IL;Ny ballbinge;25 000;20.02.2026\n";
    let path = write(dir.path(), "skjema.csv", csv.as_bytes());
    assert_eq!(store.import_applications(&actor(), &s.id, &path).unwrap().len(), 1);
    let CoreError::BadRows(faults) = store.import_applications(&actor(), &s.id, &path).unwrap_err() else {
        panic!("refused by rows")
    };
    assert_eq!(faults[0].issue.key, "intake.already_in_scheme");
    let again = store.import_applications_mapped(&actor(), &s.id, &path, None, true, &crate::progress::NoProgress);
    assert!(matches!(again, Err(CoreError::BadRows(_))), "nothing good to read");
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    assert_eq!(store.scheme_detail(&s.id, today).unwrap().rows.len(), 1);
}

/// A job the person cancelled before its first step.
struct Cancelled;

impl crate::progress::Progress for Cancelled {
    fn step(&self, _: u64, _: u64, _: &str) {}
    fn cancelled(&self) -> bool {
        true
    }
}

/// A long file read in can be cancelled: nothing of it stays.
#[test]
fn a_cancelled_read_in_leaves_nothing() {
    let (mut store, council) = store_with_council();
    let s = scheme(&mut store, &council);
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Organisasjon;Prosjekt;Søkt beløp;Mottatt\n");
    for i in 0..250 {
        csv.push_str(&format!("Lag {i};Prosjekt {i};1 000;20.02.2026\n"));
    }
    let path = write(dir.path(), "stor.csv", csv.as_bytes());
    let cancelled = store.import_applications_mapped(&actor(), &s.id, &path, None, false, &Cancelled);
    assert!(matches!(cancelled, Err(CoreError::Cancelled)), "{cancelled:?}");
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    assert!(store.scheme_detail(&s.id, today).unwrap().rows.is_empty());
}

/// A long members' list read in can be cancelled: no seat stays.
#[test]
fn a_cancelled_members_list_leaves_no_seat() {
    let (mut store, council) = store_with_council();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "medlemmer.csv",
        "Navn;Plass;Fra\nAslaug Fjeldstad;Senior;01.01.2026\n".as_bytes(),
    );
    let cancelled = store.import_members_with_progress(&actor(), &council, &path, &Cancelled);
    assert!(matches!(cancelled, Err(CoreError::Cancelled)), "{cancelled:?}");
    assert!(store.memberships_of_council(&council).unwrap().is_empty());
}
