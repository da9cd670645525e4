//! The yearly duties follow the kommune profile (issue 21): the coordinator
//! reads in Øvre Eiker's profile with its eight duties; the overview shows a
//! tag for each of them on the council's line, the council page lists all
//! eight, and a duty the profile says is confirmed by hand is confirmed with
//! a date and a note and shows as fulfilled. Screenshots at 1280×800 and at
//! 1024×640 / 125 %.

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_core::Store;
use grendebok_e2e::*;

fn shots(app: &App, name: &str) -> PathBuf {
    let dir = std::env::var_os("GRENDEBOK_LAYOUT_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| app.dir.path().to_path_buf())
        .join("profile-duties");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A council with a chair since 2020, made in the file before the app starts.
fn vestfossen(app: &App) -> String {
    let mut store = Store::open(&app.db).unwrap();
    store.save_user_name("Kari Sekretær", Utc::now()).unwrap();
    let actor = store.actor(Utc::now()).unwrap();
    let council = store
        .create_council(
            &actor,
            &CouncilInput::named("Vestfossen grendeutvalg", SeatPlan::new(1, 1, 1, 0, 0)),
        )
        .unwrap();
    let input = MembershipInput {
        council_id: council.id.clone(),
        person: PersonChoice::New {
            person: PersonInput {
                name: "Aslaug Fjeldstad".into(),
                email: String::new(),
                phone: String::new(),
                gender: None,
            },
        },
        category: SeatCategory::SENIOR,
        role: Role::Leder,
        organisation: String::new(),
        term_from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        term_to: None,
    };
    store.add_membership(&actor, &input).unwrap();
    council.id
}

#[tokio::test(flavor = "multi_thread")]
async fn eight_duties_from_the_profile_show_everywhere_and_a_manual_one_is_confirmed_by_hand() {
    let profile = ovre_eiker_profile();
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", profile.as_os_str())]);
    let council_id = vestfossen(&app);
    let client = app.launch().await;
    client.set_window_size(1280, 800).await.unwrap();

    // The coordinator reads in the kommune's profile.
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait_screen(&client, "overview").await;
    click(&client, "[data-testid=open-profile]").await.unwrap();
    wait_screen(&client, "profile").await;
    click(&client, "[data-testid=import-profile]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=profile-changes]",
        "Delta på fellesmøte med kommunen",
    )
    .await;
    click(&client, "[data-testid=confirm-profile-import]").await.unwrap();
    wait_for_text(&client, "[data-testid=confirmation]", "Øvre Eiker").await;
    assert_eq!(count(&client, "[data-testid=duties-entry]").await, 8);

    // The overview: one tag per duty of the profile, named as the profile names it.
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait_screen(&client, "overview").await;
    let row = format!("[data-testid=overview-row][data-council-id='{council_id}']");
    wait(&client, &format!("{row} [data-testid=duty-tag][data-kind=heie]"))
        .await
        .unwrap();
    assert_eq!(count(&client, &format!("{row} [data-testid=duty-tag]")).await, 8);
    wait_for_text(
        &client,
        &format!("{row} [data-testid=duty-tag][data-kind=fellesmote]"),
        "Delta på fellesmøte med kommunen",
    )
    .await;
    screenshot(&client, &shots(&app, "1280x800-overview.png")).await;

    // The council page: eight duties; «Heie på lokale initiativer» is confirmed by hand.
    click(&client, &format!("{row} [data-testid=open-council]"))
        .await
        .unwrap();
    wait_screen(&client, "council").await;
    wait(&client, "[data-testid=duty-row][data-kind=skape-liv]")
        .await
        .unwrap();
    assert_eq!(count(&client, "[data-testid=duty-row]").await, 8);
    assert_eq!(
        count(
            &client,
            "[data-testid=duty-row][data-kind=fellesmote] [data-testid=confirm-duty]"
        )
        .await,
        0,
        "a duty fulfilled by a meeting is not confirmed by hand"
    );
    let heie = "[data-testid=duty-row][data-kind=heie]";
    click(&client, &format!("{heie} [data-testid=confirm-duty]"))
        .await
        .unwrap();
    wait(&client, "#confirm-date").await.unwrap();
    // Both are required: the core names both at once.
    click(&client, "[data-testid=save-confirmation]").await.unwrap();
    wait_for_text(&client, "#confirm-date-error", "Skriv datoen").await;
    wait_for_text(&client, "#confirm-note-error", "Skriv en kort merknad").await;
    let today = Local::now().date_naive();
    fill(&client, "#confirm-date", &today.format("%d.%m.%Y").to_string())
        .await
        .unwrap();
    fill(&client, "#confirm-note", "Heiet fram dugnaden i parken")
        .await
        .unwrap();
    click(&client, "[data-testid=save-confirmation]").await.unwrap();
    wait_for_text(&client, "[data-testid=confirmation]", "er bekreftet utført").await;
    let status = attr(&client, heie, "data-status").await;
    assert_eq!(status.as_deref(), Some("fulfilled"));
    wait_for_text(
        &client,
        &format!("{heie} [data-testid=duty-evidence]"),
        "Heiet fram dugnaden i parken",
    )
    .await;
    client
        .execute(
            "document.querySelector('[data-testid=duties-section]').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&client, &shots(&app, "1280x800-duties.png")).await;

    // The file holds it, with who and when.
    drop(client);
    let store = open_store(&app.db);
    let year = grendebok_core::rules::duties::accounting_year(today);
    let from_core = store.duties(&council_id, year, today, Lang::Nb).unwrap();
    let confirmed = from_core.iter().find(|d| d.kind == "heie").unwrap();
    assert_eq!(confirmed.status, DutyStatus::Fulfilled);
    assert_eq!(confirmed.confirmation.as_ref().unwrap().confirmed.by, "Kari Sekretær");
}

#[tokio::test(flavor = "multi_thread")]
async fn eight_duties_fit_a_small_laptop_at_125_percent() {
    let app = App::start_with(&[("GRENDEBOK_ZOOM", "1.25".as_ref())]);
    let council_id = vestfossen(&app);
    {
        let mut store = Store::open(&app.db).unwrap();
        store
            .import_profile_file(&ovre_eiker_profile(), Utc::now(), Lang::Nb)
            .unwrap();
    }
    let client = app.launch().await;
    client.set_window_size(1024, 640).await.unwrap();
    let press = |css: String| {
        let client = client.clone();
        async move {
            let element = visible(&client, &css).await.unwrap();
            let arg = serde_json::to_value(&element).unwrap();
            client.execute("arguments[0].click();", vec![arg]).await.unwrap();
        }
    };
    press("[data-testid=open-overview]".into()).await;
    wait_screen(&client, "overview").await;
    let row = format!("[data-testid=overview-row][data-council-id='{council_id}']");
    wait(&client, &format!("{row} [data-testid=duty-tag][data-kind=skape-liv]"))
        .await
        .unwrap();
    assert_eq!(count(&client, &format!("{row} [data-testid=duty-tag]")).await, 8);
    // Nothing reaches past the window's right edge.
    let overflow: serde_json::Value = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap();
    let arg = serde_json::to_value(wait(&client, &row).await.unwrap()).unwrap();
    client
        .execute("arguments[0].scrollIntoView();", vec![arg])
        .await
        .unwrap();
    screenshot(&client, &shots(&app, "1024x640-125-overview.png")).await;
    assert!(
        overflow.as_f64().unwrap_or(0.0) <= 1.0,
        "the overview scrolls sideways by {overflow}"
    );
    press(format!("{row} [data-testid=open-council]")).await;
    wait_screen(&client, "council").await;
    wait(&client, "[data-testid=duty-row][data-kind=skape-liv]")
        .await
        .unwrap();
    client
        .execute(
            "document.querySelector('[data-testid=duties-section]').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&client, &shots(&app, "1024x640-125-duties.png")).await;
    let overflow: serde_json::Value = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        overflow.as_f64().unwrap_or(0.0) <= 1.0,
        "the council page scrolls sideways by {overflow}"
    );
}
