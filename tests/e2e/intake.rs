//! Members from a spreadsheet, in the real app: a list with mistakes is
//! refused whole, each fault named by its row and column in plain words and
//! nothing read in; the corrected list gives every seat.

use chrono::Utc;
use grendebok_core::model::*;
use grendebok_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_members_list_is_read_in_whole_or_refused_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("medlemmer.csv");
    std::fs::write(
        &list,
        "Navn;E-post;Plass;Rolle;Fra\n\
         Aslaug Fjeldstad;aslaug@eksempel.no;Senior;Leder;01.01.2026\n\
         Bror Kvamme;bror.kvamme.eksempel.no;Skolen;Medlem;31.02.2026\n",
    )
    .unwrap();
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", list.as_os_str())]);
    Seed::open(&app).council(&CouncilInput::named(
        "Stavern nærmiljøutvalg",
        SeatPlan::new(1, 1, 1, 0, 0),
    ));
    let client = app.launch_at_council().await;

    click(&client, "[data-testid=import-members]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-members-error]",
        "Ingenting ble lest inn: filen har 3 feil",
    )
    .await;
    assert_eq!(
        texts_of(&client, "[data-testid=import-members-fault]").await,
        [
            "Rad 3, Plass: «Skolen» er ikke en plass. Skriv Senior, Barnehage og skole, Idrett, Næringsliv eller Frivillighet.",
            "Rad 3, Fra: 31.02.2026 finnes ikke i kalenderen.",
            "Rad 3, E-post: E-postadressen må ha formen navn@domene.no.",
        ]
    );

    std::fs::write(
        &list,
        "Navn;E-post;Plass;Rolle;Fra\n\
         Aslaug Fjeldstad;aslaug@eksempel.no;Senior;Leder;01.01.2026\n\
         Bror Kvamme;bror@kvamme.example;Barnehage og skole;Medlem;01.02.2026\n",
    )
    .unwrap();
    click(&client, "[data-testid=import-members]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "2 plasser lest inn i Stavern nærmiljøutvalg",
    )
    .await;
    assert_eq!(count(&client, "[data-testid=import-members-error]").await, 0);
    wait_for_text(&client, "main", "Bror Kvamme").await;

    // An access request, from the member's dialog: everything about Aslaug as JSON.
    click(&client, "[data-testid=edit-member]").await.unwrap();
    click(&client, "[data-testid=export-person-data]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=person-data-saved]",
        "Alt Grendebok har om Aslaug Fjeldstad er lagret i exports",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    screenshot(&client, &app.shots("GRENDEBOK_A11Y_SHOTS").join("access-request.png")).await;
    let saved: Vec<_> = app
        .exported()
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("Innsyn Aslaug Fjeldstad"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let answer: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved[0]).unwrap()).unwrap();
    assert_eq!(answer["person"]["email"], "aslaug@eksempel.no");
    assert_eq!(answer["memberships"].as_array().unwrap().len(), 1);

    // Two seats: the refused list left nothing behind.
    let store = app.quit(client).await;
    let council = &store.councils().unwrap()[0];
    assert_eq!(store.memberships_of_council(&council.id).unwrap().len(), 2);
}

/// Erasure from the council page: only a former member has the button; the
/// dialog says what is kept before anything is done; afterwards the person
/// shows as a pseudonym.
#[tokio::test(flavor = "multi_thread")]
async fn a_former_member_is_erased_after_the_dialog_says_what_is_kept() {
    let app = App::start();
    let person_id = {
        let mut seed = Seed::open(&app);
        let council = seed.council(&CouncilInput::named(
            "Stavern nærmiljøutvalg",
            SeatPlan::new(1, 1, 0, 0, 0),
        ));
        let seat = seed.member(&new_member_reached_at(
            &council.id,
            "Gunvor Flatebø",
            SeatCategory::SENIOR,
            Role::Medlem,
            "gunvor@eksempel.no",
            "",
        ));
        let yesterday = Utc::now().date_naive() - chrono::Duration::days(1);
        seed.store
            .end_membership(&seed.actor, &seat.id, yesterday, "Flyttet")
            .unwrap();
        seat.person.id
    };
    let client = app.launch_at_council().await;
    click(&client, "[data-testid=erase-person]").await.unwrap();
    wait_for_text(&client, "[data-testid=erase-warning]", "beholdes slik de er").await;
    screenshot(&client, &app.shots("GRENDEBOK_A11Y_SHOTS").join("erase-dialog.png")).await;
    click(&client, "[data-testid=confirm-erase]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "Gunvor Flatebø er slettet og vises nå som «",
    )
    .await;
    wait_until("the former row shows the pseudonym", || async {
        !text_of(&client, "[data-testid=former-row]").await.contains("Gunvor")
    })
    .await;
    let store = app.quit(client).await;
    let export = store.person_export(&person_id).unwrap();
    assert_ne!(export.person.name, "Gunvor Flatebø");
    assert_eq!(export.person.email, "");
}

/// A form's export whose organisation column the app does not know: the
/// preview says so, the person maps it, sees one bad row, leaves it out and
/// reads the rest in; the same export again adds nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_forms_export_is_previewed_mapped_and_read_in() {
    let (_dir, app, scheme_id, client) = scheme_offered(
        "nettskjema.csv",
        "Navn på laget;Prosjekt;Søkt beløp;Mottatt\n\
         Stavern IL;Ny ballbinge;25 000;20.02.2026 14:33\n\
         Stavern vel;Benker i parken;12 000;02.03.2026\n\
         Stavern kor;Konsert;mange;01.02.2026\n",
    )
    .await;

    click(&client, "[data-testid=import-applications]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-problems]",
        "Filen mangler kolonnen Organisasjon",
    )
    .await;
    assert_eq!(count(&client, "[data-testid=import-column]").await, 4);
    assert_eq!(
        attr(&client, "[data-testid=import-applications-read]", "disabled")
            .await
            .as_deref(),
        Some("true")
    );
    map_to_organisation(&client, "3 rader: 2 kan leses inn (1 kom etter fristen), 1 har feil.").await;
    wait_for_text(&client, "[data-testid=import-fault]", "Rad 4, Søkt beløp").await;
    assert_eq!(
        attr(&client, "[data-testid=import-applications-read]", "disabled")
            .await
            .as_deref(),
        Some("true"),
        "a bad row keeps the file out until the person leaves it out"
    );
    click(
        &client,
        "[data-testid=import-leave-out] input, input[data-testid=import-leave-out]",
    )
    .await
    .unwrap();
    click(&client, "[data-testid=import-applications-read]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "2 søknader lest inn i Grendemidler 2026, 1 av dem kom inn etter fristen. 1 rad med feil ble utelatt: rad 4.",
    )
    .await;
    wait_for_text(&client, "main", "Benker i parken").await;

    // The same export again: nothing new to read.
    click(&client, "[data-testid=import-applications]").await.unwrap();
    wait(&client, "[data-testid=import-problems]").await.unwrap();
    map_to_organisation(&client, "3 rader: 0 kan leses inn (0 kom etter fristen), 3 har feil.").await;
    wait_for_text(
        &client,
        "[data-testid=import-faults]",
        "allerede registrert i ordningen",
    )
    .await;

    let store = app.quit(client).await;
    assert_eq!(applications_in(&store, &scheme_id), 2);
}

/// The import preview's first column read as the organisation; waits until
/// the summary says `summary`.
async fn map_to_organisation(client: &fantoccini::Client, summary: &str) {
    select(client, "[data-testid=import-field-0]", "organisation")
        .await
        .unwrap();
    wait_for_text(client, "[data-testid=import-summary]", summary).await;
}

/// How many applications the scheme has today.
fn applications_in(store: &grendebok_core::Store, scheme_id: &str) -> usize {
    let today = chrono::Utc::now().date_naive();
    store.scheme_detail(scheme_id, today).unwrap().rows.len()
}

/// A form's export `csv` saved as `name` where the open dialog would pick
/// it, and the app launched on the scheme of [`council_with_scheme`].
/// Returns the export's folder (kept while the test runs), the app, the
/// scheme's id and the window.
async fn scheme_offered(name: &str, csv: &str) -> (tempfile::TempDir, App, String, fantoccini::Client) {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join(name);
    std::fs::write(&export, csv).unwrap();
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", export.as_os_str())]);
    let scheme_id = council_with_scheme(&app);
    let client = app.launch_at_scheme().await;
    (dir, app, scheme_id, client)
}

/// A council with a grant scheme (deadline 01.03.2026), made before the app starts.
fn council_with_scheme(app: &App) -> String {
    let mut seed = Seed::open(app);
    let council = seed.council(&CouncilInput::named(
        "Stavern nærmiljøutvalg",
        SeatPlan::new(1, 1, 1, 0, 0),
    ));
    seed.scheme(&new_scheme(
        &council.id,
        2026,
        "Grendemidler 2026",
        "200 000",
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        &[("Mange deltakere", 1)],
    ))
    .id
}

/// A form's export of 10 000 rows: reading it in shows how far it has come
/// and can be cancelled, after which not one application is in the scheme.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_export_shows_progress_and_a_cancel_leaves_nothing() {
    let mut csv = String::from("Organisasjon;Prosjekt;Søkt beløp;Mottatt\n");
    for i in 0..10_000 {
        csv.push_str(&format!("Lag {i};Prosjekt {i};1 000;20.02.2026\n"));
    }
    let (_dir, app, scheme_id, client) = scheme_offered("stor.csv", &csv).await;

    click(&client, "[data-testid=import-applications]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-summary]",
        "10000 rader: 10000 kan leses inn (0 kom etter fristen), 0 har feil.",
    )
    .await;
    click(&client, "[data-testid=import-applications-read]").await.unwrap();
    visible(&client, "[data-testid=progress-dialog]").await.unwrap();
    wait_for_text(&client, "[data-testid=progress-text]", " rader").await;
    cancel_job(&client).await;
    assert_eq!(count(&client, "[data-testid=progress-dialog]").await, 0);

    let store = app.quit(client).await;
    assert_eq!(applications_in(&store, &scheme_id), 0);
}
