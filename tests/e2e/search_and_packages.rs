//! Search and handing a council over, through the real UI: a word typed in
//! the header finds the one agenda item that has it and opens its meeting on
//! that item; the council page makes the kommune's folder and the package
//! for the coordinator; a package read in on an empty file adds the council,
//! and the same package again changes nothing; away from its home a council,
//! its schemes and applications are only read.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Local, Utc};
use grendebok_core::model::*;
use grendebok_core::Store;
use grendebok_e2e::*;

/// A council with one meeting today, whose agenda has the item to find and
/// one that does not mention it. Made through the store before the app starts.
struct Seeded {
    council_id: String,
    item_id: String,
}

fn council_with_a_path_through_the_beech_wood(db: &Path, council_name: &str, user: &str) -> Seeded {
    let mut seed = Seed::open_file(db, user);
    let council = seed.council(&CouncilInput {
        area: "Kvelde og Hvarnes".into(),
        ..CouncilInput::named(council_name, SeatPlan::new(1, 1, 1, 0, 1))
    });
    seed.member(&new_member(
        &council.id,
        "Aslaug Fjeldstad",
        SeatCategory::SENIOR,
        Role::Medlem,
        "",
    ));
    let today = Local::now().date_naive();
    let meeting = seed.meeting(&new_meeting(
        &council.id,
        MeetingKind::ORDINARY,
        today,
        "Kvelde grendehus",
    ));
    let item = |title: &str, background: &str| AgendaItemInput {
        background: background.into(),
        ..new_item(ItemKind::Vedtak, title)
    };
    seed.item(&meeting.id, &item("Budsjett for neste år", "Utvalget fordeler rammen."));
    let item_id = seed.item(
        &meeting.id,
        &item("Sti gjennom Bøkeskogen", "Grunneieren er positiv til en merket sti."),
    );
    let year = Local::now().year();
    let scheme = seed.scheme(&new_scheme(
        &council.id,
        year,
        &format!("Grendemidler {year}"),
        "50 000",
        today,
        today + chrono::Days::new(200),
        &[("Mange deltakere", 1)],
    ));
    seed.application(&new_application(
        &scheme.id,
        "Kvelde skolekorps",
        "Nye noter",
        "5 000",
        "5 000",
        today,
    ));
    Seeded {
        council_id: council.id,
        item_id,
    }
}

/// The council's package, made from its file at `db` and saved at `to`.
fn export_package(db: &Path, council_id: &str, to: &Path) {
    let mut store = open_store(db);
    let actor = store.actor(Utc::now()).unwrap();
    store.export_package(&actor, council_id, to).unwrap();
}

/// The coordinator's app: a file with a user and no councils, where the open
/// dialog would pick `package`; launched on the council list.
async fn coordinator_offered(package: &Path) -> (App, fantoccini::Client) {
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", package.as_os_str())]);
    Seed::open_as(&app, "Ingrid Koordinator");
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;
    (app, client)
}

/// The files (not folders) directly in `dir`.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_word_in_the_header_finds_the_item_and_the_council_is_sent_to_the_kommune() {
    let app = App::start();
    let seeded = council_with_a_path_through_the_beech_wood(&app.db, "Kvelde grendeutvalg", "Kari Sekretær");
    let year = Local::now().year();
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;

    // Lower case and Enter in the header's field: the search screen, with the word kept.
    search_from_header(&client, "bøkeskogen").await;
    let typed = wait(&client, "[data-testid=search-field]")
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(typed.as_deref(), Some("bøkeskogen"));
    wait(&client, "[data-testid=search-hit]").await.unwrap();
    assert_eq!(count(&client, "[data-testid=search-hit]").await, 1, "one hit");
    let hit = format!("[data-testid=search-hit][data-id='{}']", seeded.item_id);
    assert_eq!(attr(&client, &hit, "data-kind").await.as_deref(), Some("item"));
    assert_eq!(
        text_of(&client, &format!("{hit} [data-testid=open-hit]")).await,
        "Sti gjennom Bøkeskogen"
    );
    let line = text_of(&client, &hit).await;
    assert!(
        line.contains("Kvelde grendeutvalg"),
        "the hit names its council: {line}"
    );
    assert!(
        line.contains("Grunneieren er positiv"),
        "the hit shows its excerpt: {line}"
    );
    wait_for_text(&client, "[data-testid=search-count]", "1 treff").await;

    // ø is not o: searching as you type finds nothing for "bokeskogen".
    fill(&client, "[data-testid=search-field]", "bokeskogen").await.unwrap();
    wait_for_text(&client, "[data-testid=search-count]", "Ingen treff.").await;
    assert_eq!(count(&client, "[data-testid=search-hit]").await, 0);
    fill(&client, "[data-testid=search-field]", "sti bøke").await.unwrap();
    wait_for_text(&client, "[data-testid=search-count]", "1 treff").await;
    screenshot(&client, &app.dir.path().join("search.png")).await;

    // The hit opens its meeting, on that item.
    click(&client, &format!("{hit} [data-testid=open-hit]")).await.unwrap();
    wait_screen(&client, "meeting").await;
    let item = format!("[data-testid=item-row][data-item-id='{}']", seeded.item_id);
    wait(&client, &item).await.unwrap();
    assert_eq!(attr(&client, &item, "aria-current").await.as_deref(), Some("true"));
    wait_until("the focus is on the item found", || async {
        client
            .execute("return document.activeElement.getAttribute('data-item-id');", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            == Some(seeded.item_id.clone())
    })
    .await;

    // From the council page: the year as a folder for the kommune, with the annual report as a PDF.
    click(&client, "[data-testid=back-to-council]").await.unwrap();
    wait_screen(&client, "council").await;
    // This year's (in January and February the page offers last year first).
    handover_year(&client, year).await;
    let result = "[data-testid=handover-section] [data-testid=export-result]";
    click(&client, "[data-testid=export-for-kommune]").await.unwrap();
    wait_for_text(&client, result, "er laget til kommunen").await;
    let folder = app.exports().join(format!("Kvelde grendeutvalg {year}"));
    assert!(folder.is_dir(), "the kommune's folder {} exists", folder.display());
    let pdfs: Vec<_> = files_in(&folder)
        .into_iter()
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("pdf"))
        .collect();
    assert!(!pdfs.is_empty(), "the folder holds a PDF: {:?}", files_in(&folder));
    for pdf in &pdfs {
        assert!(
            std::fs::read(pdf).unwrap().starts_with(b"%PDF"),
            "{} is a PDF",
            pdf.display()
        );
    }
    assert!(
        text_of(&client, result).await.contains(&folder.display().to_string()),
        "the message names the folder"
    );

    // And the whole council as one package for the coordinator.
    click(&client, "[data-testid=export-package]").await.unwrap();
    wait_for_text(&client, result, ".grendebok").await;
    let package = app.exports().join("Kvelde grendeutvalg.grendebok");
    assert!(package.is_file(), "the package {} exists", package.display());

    let store = app.quit(client).await;
    assert_eq!(store.councils().unwrap().len(), 1);
    assert!(store.council(&seeded.council_id).is_ok());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_package_read_in_on_an_empty_file_adds_the_council_once() {
    // The council's own file, elsewhere: its package is made before the coordinator's app starts.
    let source = tempfile::tempdir().unwrap();
    let package = source.path().join("Kvelde grendeutvalg.grendebok");
    let seeded = council_with_a_path_through_the_beech_wood(
        &source.path().join("utvalg.sqlite3"),
        "Kvelde grendeutvalg",
        "Nils Vik",
    );
    // The file follows Øvre Eiker's profile, and the package carries it.
    open_store(&source.path().join("utvalg.sqlite3"))
        .import_profile_file(&ovre_eiker_profile(), Utc::now(), Lang::Nb)
        .unwrap();
    export_package(&source.path().join("utvalg.sqlite3"), &seeded.council_id, &package);

    // The coordinator's file has a user and no councils; the open dialog would pick the package.
    let (app, client) = coordinator_offered(&package).await;
    assert_eq!(count(&client, "[data-testid=council-row]").await, 0, "an empty file");

    click(&client, "[data-testid=import-package]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-result]",
        "Kvelde grendeutvalg er lagt til",
    )
    .await;
    wait_for_text(&client, "[data-testid=import-result]", "av Nils Vik").await;
    wait_for_text(
        &client,
        "[data-testid=import-result]",
        &format!("fra pakken {},", package.display()),
    )
    .await;
    // The newer profile it carried is taken, and the person told what changed.
    wait_for_text(
        &client,
        "[data-testid=import-result]",
        "Kommunens oppsett er oppdatert (Øvre Eiker, utstedt 02.11.2026 kl. 10:00). Plikter: 8 lagt til, 4 fjernet.",
    )
    .await;
    wait_count(&client, "the council is listed", "[data-testid=council-row]", 1).await;
    wait_for_text(&client, "[data-testid=council-row]", "Kvelde grendeutvalg").await;
    assert_eq!(count(&client, "[data-testid=import-error]").await, 0);

    // The same package again: unchanged, still one council, and its profile (no newer) left, quietly.
    click(&client, "[data-testid=import-package]").await.unwrap();
    wait_for_text(&client, "[data-testid=import-result]", "er allerede lest inn").await;
    wait_for_text(
        &client,
        "[data-testid=import-result]",
        "oppsettet i denne filen er beholdt",
    )
    .await;
    assert_eq!(count(&client, "[data-testid=council-row]").await, 1);
    assert_eq!(count(&client, "[data-testid=import-error]").await, 0);

    // The council read in is searchable at once.
    search_from_header(&client, "bøkeskogen").await;
    wait(&client, "[data-testid=search-hit]").await.unwrap();
    assert_eq!(count(&client, "[data-testid=search-hit]").await, 1);

    let store = app.quit(client).await;
    let councils = store.councils().unwrap();
    assert_eq!(councils.len(), 1);
    assert_eq!(councils[0].id, seeded.council_id, "the council keeps its id");
    assert_eq!(councils[0].name, "Kvelde grendeutvalg");
}

/// One home per council, in the real app. The coordinator's file shows a
/// council read in from its package with the note saying where it is kept,
/// and no button that would write to it. Handed back to the secretary's own
/// file, the package is read in only after the person confirms in a dialog;
/// "keep what is here" changes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_council_is_read_only_away_from_home_and_replaced_at_home_only_when_confirmed() {
    let source = tempfile::tempdir().unwrap();
    let home_db = source.path().join("utvalg.sqlite3");
    let package = source.path().join("Kvelde grendeutvalg.grendebok");
    let seeded = council_with_a_path_through_the_beech_wood(&home_db, "Kvelde grendeutvalg", "Nils Vik");
    export_package(&home_db, &seeded.council_id, &package);

    // The coordinator's app reads it in and opens it.
    let (app, client) = coordinator_offered(&package).await;
    click(&client, "[data-testid=import-package]").await.unwrap();
    wait_for_text(&client, "[data-testid=import-result]", "er lagt til").await;
    click(&client, "[data-testid=open-council]").await.unwrap();
    wait_screen(&client, "council").await;
    wait_for_text(
        &client,
        "[data-testid=kept-elsewhere]",
        "føres av Nils Vik i en annen Grendebok-fil",
    )
    .await;
    wait_for_text(&client, "[data-testid=kept-elsewhere]", "Kvelde grendeutvalg.grendebok").await;
    for button in [
        "edit-council",
        "add-member",
        "new-meeting",
        "new-scheme",
        "edit-member",
        "waive-duty",
    ] {
        assert_eq!(
            count(&client, &format!("[data-testid={button}]")).await,
            0,
            "no {button} on a council kept elsewhere"
        );
    }
    // Its grant scheme and application are read-only too, with the same note.
    click(&client, "[data-testid=open-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    wait_for_text(&client, "[data-testid=kept-elsewhere]", "Nils Vik").await;
    for button in ["edit-scheme", "add-application"] {
        assert_eq!(
            count(&client, &format!("[data-testid={button}]")).await,
            0,
            "no {button} on a scheme kept elsewhere"
        );
    }
    click(&client, "[data-testid=open-application]").await.unwrap();
    wait_screen(&client, "application").await;
    wait_for_text(&client, "[data-testid=kept-elsewhere]", "Nils Vik").await;
    wait(&client, "[data-testid=score-grid]").await.unwrap();
    for button in [
        "edit-application",
        "withdraw-application",
        "save-proposal",
        "save-scores",
        "declare-inhabil",
        "decide",
        "score-cell",
    ] {
        assert_eq!(
            count(&client, &format!("[data-testid={button}]")).await,
            0,
            "no {button} on an application kept elsewhere"
        );
    }
    client.close().await.unwrap();
    let coordinator_db = app.db.clone();

    // The coordinator's copy, handed back to the secretary's own file.
    let back = source.path().join("tilbake.grendebok");
    export_package(&coordinator_db, &seeded.council_id, &back);
    let home = App::start_with(&[("GRENDEBOK_IMPORT_FILE", back.as_os_str())]);
    std::fs::copy(&home_db, &home.db).unwrap();
    let before = Store::open(&home.db).unwrap().audit_log(None).unwrap().len();
    let client = home.launch().await;
    wait_screen(&client, "council-list").await;
    click(&client, "[data-testid=import-package]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=replace-question]",
        "Kvelde grendeutvalg føres i denne filen",
    )
    .await;
    click(&client, "[data-testid=keep-here]").await.unwrap();
    wait_count(&client, "the dialog is closed", "[data-testid=replace-dialog]", 0).await;
    assert_eq!(count(&client, "[data-testid=import-result]").await, 0);

    click(&client, "[data-testid=import-package]").await.unwrap();
    wait(&client, "[data-testid=confirm-replace]").await.unwrap();
    click(&client, "[data-testid=confirm-replace]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-result]",
        "Kvelde grendeutvalg er oppdatert med pakken",
    )
    .await;

    let store = home.quit(client).await;
    let council = store.council(&seeded.council_id).unwrap();
    assert!(council.kept_elsewhere.is_none(), "still kept at home: {council:?}");
    let log = store.audit_log(None).unwrap();
    assert!(log.len() > before);
    assert_eq!(
        log.iter().filter(|e| e.field == "packageImported").count(),
        1,
        "read in once, after the answer"
    );
}
