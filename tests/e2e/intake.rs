//! Members from a spreadsheet, in the real app: a list with mistakes is
//! refused whole, each fault named by its row and column in plain words and
//! nothing read in; the corrected list gives every seat.

use chrono::Utc;
use fantoccini::Locator;
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
    {
        let Seed { mut store, actor } = Seed::open(&app);
        store
            .create_council(
                &actor,
                &CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 0, 0)),
            )
            .unwrap();
    }
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;
    click(&client, "[data-testid=open-council]").await.unwrap();
    wait_screen(&client, "council").await;

    click(&client, "[data-testid=import-members]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-members-error]",
        "Ingenting ble lest inn: filen har 3 feil",
    )
    .await;
    let mut faults = Vec::new();
    for fault in client
        .find_all(Locator::Css("[data-testid=import-members-fault]"))
        .await
        .unwrap()
    {
        faults.push(fault.text().await.unwrap());
    }
    assert_eq!(
        faults,
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
    client.close().await.unwrap();

    // Two seats: the refused list left nothing behind.
    let store = open_store(&app.db);
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
        let Seed { mut store, actor } = Seed::open(&app);
        let council = store
            .create_council(
                &actor,
                &CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 0, 0, 0)),
            )
            .unwrap();
        let seat = store
            .add_membership(
                &actor,
                &MembershipInput {
                    council_id: council.id.clone(),
                    person: PersonChoice::New {
                        person: PersonInput {
                            name: "Gunvor Flatebø".into(),
                            email: "gunvor@eksempel.no".into(),
                            phone: String::new(),
                            gender: None,
                        },
                    },
                    category: SeatCategory::SENIOR,
                    role: Role::Medlem,
                    organisation: String::new(),
                    term_from: chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
                    term_to: None,
                },
            )
            .unwrap();
        let yesterday = Utc::now().date_naive() - chrono::Duration::days(1);
        store.end_membership(&actor, &seat.id, yesterday, "Flyttet").unwrap();
        seat.person.id
    };
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;
    click(&client, "[data-testid=open-council]").await.unwrap();
    wait_screen(&client, "council").await;
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
    client.close().await.unwrap();
    let store = open_store(&app.db);
    let export = store.person_export(&person_id).unwrap();
    assert_ne!(export.person.name, "Gunvor Flatebø");
    assert_eq!(export.person.email, "");
}

/// A form's export whose organisation column the app does not know: the
/// preview says so, the person maps it, sees one bad row, leaves it out and
/// reads the rest in; the same export again adds nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_forms_export_is_previewed_mapped_and_read_in() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("nettskjema.csv");
    std::fs::write(
        &export,
        "Navn på laget;Prosjekt;Søkt beløp;Mottatt\n\
         Stavern IL;Ny ballbinge;25 000;20.02.2026 14:33\n\
         Stavern vel;Benker i parken;12 000;02.03.2026\n\
         Stavern kor;Konsert;mange;01.02.2026\n",
    )
    .unwrap();
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", export.as_os_str())]);
    let scheme_id = council_with_scheme(&app);
    let client = launch_at_scheme(&app).await;

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
    select(&client, "[data-testid=import-field-0]", "organisation")
        .await
        .unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-summary]",
        "3 rader: 2 kan leses inn (1 kom etter fristen), 1 har feil.",
    )
    .await;
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
    select(&client, "[data-testid=import-field-0]", "organisation")
        .await
        .unwrap();
    wait_for_text(
        &client,
        "[data-testid=import-summary]",
        "3 rader: 0 kan leses inn (0 kom etter fristen), 3 har feil.",
    )
    .await;
    wait_for_text(
        &client,
        "[data-testid=import-faults]",
        "allerede registrert i ordningen",
    )
    .await;
    client.close().await.unwrap();

    let store = open_store(&app.db);
    let today = chrono::Utc::now().date_naive();
    assert_eq!(store.scheme_detail(&scheme_id, today).unwrap().rows.len(), 2);
}

/// The app launched and the scheme's page opened from the council's.
async fn launch_at_scheme(app: &App) -> fantoccini::Client {
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;
    click(&client, "[data-testid=open-council]").await.unwrap();
    wait_screen(&client, "council").await;
    click(&client, "[data-testid=open-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    client
}

/// A council with a grant scheme (deadline 01.03.2026), made before the app starts.
fn council_with_scheme(app: &App) -> String {
    let Seed { mut store, actor } = Seed::open(app);
    let council = store
        .create_council(
            &actor,
            &CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 0, 0)),
        )
        .unwrap();
    store
        .create_scheme(
            &actor,
            &SchemeInput {
                council_id: council.id,
                year: 2026,
                name: "Grendemidler 2026".into(),
                budget: "200 000".into(),
                deadline: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                report_deadline: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                max_per_application: String::new(),
                criteria: vec![CriterionInput {
                    name: "Mange deltakere".into(),
                    weight: 1,
                }],
                enkeltvedtak: false,
                appeal_body: String::new(),
                appeal_address: String::new(),
                conditions: String::new(),
            },
        )
        .unwrap()
        .id
}

/// A form's export of 10 000 rows: reading it in shows how far it has come
/// and can be cancelled, after which not one application is in the scheme.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_export_shows_progress_and_a_cancel_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("stor.csv");
    let mut csv = String::from("Organisasjon;Prosjekt;Søkt beløp;Mottatt\n");
    for i in 0..10_000 {
        csv.push_str(&format!("Lag {i};Prosjekt {i};1 000;20.02.2026\n"));
    }
    std::fs::write(&export, csv).unwrap();
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", export.as_os_str())]);
    let scheme_id = council_with_scheme(&app);
    let client = launch_at_scheme(&app).await;

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
    click(&client, "[data-testid=progress-cancel]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=job-cancelled]",
        "Avbrutt — ingenting ble endret.",
    )
    .await;
    assert_eq!(count(&client, "[data-testid=progress-dialog]").await, 0);
    client.close().await.unwrap();

    let store = open_store(&app.db);
    let today = chrono::Utc::now().date_naive();
    assert!(store.scheme_detail(&scheme_id, today).unwrap().rows.is_empty());
}
