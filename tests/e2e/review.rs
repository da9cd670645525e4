//! Reviewer sheets in the real app: a member's sheet filled in at home
//! (with a score of 7 first) is read in with «Les inn vurderingsark»: the bad
//! one is refused cell by cell and nothing is read in; the corrected one gives
//! the member's scores, and the committee view says the sheet came back.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A council of two, a scheme with two criteria and two applications, and
/// Bror's review sheet written to `sheet`. Returns the scheme's id.
fn round(app: &App, sheet: &Path) -> String {
    let mut seed = Seed::open(app);
    let year = Utc::now().date_naive().format("%Y").to_string().parse::<i32>().unwrap();
    let council = seed.council(&CouncilInput::named(
        "Stavern nærmiljøutvalg",
        SeatPlan::new(1, 1, 0, 0, 0),
    ));
    let people: Vec<String> = seed
        .members(
            &council.id,
            &[
                ("Aslaug Fjeldstad", SeatCategory::SENIOR, Role::Leder, ""),
                ("Bror Kvamme", SeatCategory::SCHOOL, Role::Medlem, ""),
            ],
        )
        .into_iter()
        .map(|m| m.person.id)
        .collect();
    let scheme = seed.scheme(&new_scheme(
        &council.id,
        year,
        &format!("Nærmiljøtilskudd {year}"),
        "100 000",
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(year + 1, 6, 1).unwrap(),
        &[("Mange deltakere", 2), ("Barn og unge", 1)],
    ));
    for (organisation, title) in [
        ("Stavern sjøspeidere", "Ny kajakk"),
        ("Brunla husflidslag", "Kurs i treskjæring"),
    ] {
        let received = Utc::now().date_naive();
        seed.application(&ApplicationInput {
            contact_name: "Siri Søker".into(),
            email: "siri@lag.example".into(),
            description: "Utstyr og dugnad.".into(),
            ..new_application(&scheme.id, organisation, title, "10 000", "20 000", received)
        });
    }
    seed.store
        .export_review_sheet(&scheme.id, &people[1], Utc::now().date_naive(), sheet)
        .unwrap();
    scheme.id
}

/// The sheet at `from` saved again by a spreadsheet program after the member
/// typed `scores` into the rows of the two applications (0-based rows 5 and 6,
/// score columns F and G): every cell copied, the identification sheet hidden.
fn filled(from: &Path, to: &Path, scores: [[f64; 2]; 2]) {
    let mut book: Xlsx<_> = calamine::open_workbook(from).unwrap();
    let names = book.sheet_names().to_vec();
    let mut out = rust_xlsxwriter::Workbook::new();
    for (i, name) in names.iter().enumerate() {
        let range = book.worksheet_range(name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(name).unwrap();
        let (r0, c0) = range.start().unwrap();
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r0 + r as u32, (c0 + c as u32) as u16);
                match cell {
                    Data::Empty => {}
                    Data::Float(f) => drop(sheet.write_number(r, c, *f).unwrap()),
                    other => drop(sheet.write_string(r, c, other.to_string()).unwrap()),
                }
            }
        }
        if i == 0 {
            for (row, values) in scores.iter().enumerate() {
                for (col, value) in values.iter().enumerate() {
                    sheet.write_number(5 + row as u32, 5 + col as u16, *value).unwrap();
                }
            }
        } else {
            sheet.set_hidden(true);
        }
    }
    out.save(to).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_filled_review_sheet_is_read_in_from_the_committee_view() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("bror.xlsx");
    let returned = dir.path().join("bror-utfylt.xlsx");
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", returned.as_os_str())]);
    let scheme = round(&app, &sheet);
    filled(&sheet, &returned, [[7.0, 4.0], [3.0, 5.0]]);

    let client = app.launch_at_scheme().await;
    wait_for_text(&client, "[data-testid=review-sheets]", "Ikke levert").await;

    // A score of 7: refused, the cell named, nothing read in.
    click(&client, "[data-testid=import-review-sheet]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=review-sheet-error]",
        "Ingenting ble lest inn: filen har 1 feil",
    )
    .await;
    assert_eq!(
        texts_of(&client, "[data-testid=review-sheet-fault]").await,
        ["Rad 6, Poeng: Mange deltakere (vekt 2): «7» er ikke poeng. Skriv et helt tall fra 1 til 5."]
    );
    screenshot(
        &client,
        &app.shots("GRENDEBOK_A11Y_SHOTS").join("review-sheet-refused.png"),
    )
    .await;

    // Corrected and read in: the sheet came back, and the scores are there.
    filled(&sheet, &returned, [[5.0, 4.0], [3.0, 5.0]]);
    click(&client, "[data-testid=import-review-sheet]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "Vurderingsarket fra Bror Kvamme er lest inn: 4 poeng endret i 2 søknader.",
    )
    .await;
    assert_eq!(count(&client, "[data-testid=review-sheet-error]").await, 0);
    wait_for_text(&client, "[data-testid=reviewer-row]:nth-child(2)", "Levert").await;
    wait_for_text(&client, "[data-testid=reviewer-row]:nth-child(2)", "(Kari Sekretær)").await;
    assert!(text_of(&client, "[data-testid=reviewer-row]:nth-child(1)")
        .await
        .contains("Ikke levert"));
    screenshot(
        &client,
        &app.shots("GRENDEBOK_A11Y_SHOTS").join("review-sheet-returned.png"),
    )
    .await;

    // «Lag vurderingsark» for Aslaug: saved where the save dialog would put it.
    click(
        &client,
        "[data-testid=reviewer-row]:nth-child(1) [data-testid=export-review-sheet]",
    )
    .await
    .unwrap();
    wait_for_text(
        &client,
        "[data-testid=export-message]",
        "Vurderingsarket til Aslaug Fjeldstad med 2 søknader er lagret i exports",
    )
    .await;
    let made: Vec<_> = app
        .exported()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(made[0].to_string_lossy().contains("Vurderingsark"), "{made:?}");

    let store = app.quit(client).await;
    let detail = store.scheme_detail(&scheme, Utc::now().date_naive()).unwrap();
    assert_eq!(detail.rows.iter().map(|r| r.reviews_complete).sum::<i32>(), 2);
}
