//! Sør-Odal's seats without code (issue 21): the coordinator reads the
//! kommune's profile in through «Kommunens oppsett» — one seat per grend and
//! a representative of the kommune, and a meeting kind of its own — and the
//! council form, the member form, the council page and the meeting form all
//! follow it.

use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};
use fantoccini::{Client, Locator};
use grendebok_core::model::{ProfileEntry, ProfileNames};
use grendebok_e2e::*;

const GRENDER: [(&str, &str); 7] = [
    ("oppstad", "Oppstad"),
    ("sander", "Sander"),
    ("slastad", "Slåstad"),
    ("skarnes", "Skarnes"),
    ("ullern", "Ullern"),
    ("galterud", "Galterud"),
    ("finnholt", "Finnholt"),
];

/// Where the screenshots go: `$GRENDEBOK_LAYOUT_SHOTS` to keep them, else the test's folder.
fn shots(app: &App) -> PathBuf {
    app.shots_in("GRENDEBOK_LAYOUT_SHOTS", "profile-seats")
}

/// Sør-Odal's profile as the kommune hands it out: the built-in duties and
/// meeting kinds, and its own seat categories.
fn write_sor_odal(path: &Path) {
    let mut profile = grendebok_core::rules::profile::default_profile();
    profile.kommune = "Sør-Odal".into();
    profile.issued_at = Utc::now() - Duration::minutes(5);
    profile.seat_categories = GRENDER
        .iter()
        .map(|(key, name)| ProfileEntry {
            key: (*key).into(),
            names: ProfileNames::new(*name, *name, *name),
        })
        .chain([ProfileEntry {
            key: "kommunen".into(),
            names: ProfileNames::new(
                "Kommunens representant",
                "Kommunen sin representant",
                "The municipality's representative",
            ),
        }])
        .collect();
    profile.meeting_kinds.push(ProfileEntry {
        key: "grendemote".into(),
        names: ProfileNames::new("Grendemøte", "Grendemøte", "Village meeting"),
    });
    std::fs::write(path, serde_json::to_string_pretty(&profile).unwrap()).unwrap();
}

async fn planned(client: &Client, key: &str) -> (Option<String>, Option<String>) {
    let tile = format!("[data-testid=category-{key}]");
    (
        attr(client, &tile, "data-planned").await,
        attr(client, &tile, "data-filled").await,
    )
}

async fn body(client: &Client) -> String {
    client.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn sor_odals_seats_are_set_up_in_the_app_and_every_form_follows_them() {
    let files = tempfile::tempdir().unwrap();
    let offered = files.path().join("Kommuneoppsett Sør-Odal.json");
    write_sor_odal(&offered);
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", offered.as_os_str())]);
    Seed::open_as(&app, "Kari Koordinator");
    let client = app.launch().await;
    client.set_window_size(1280, 800).await.unwrap();

    // The kommune's profile read in through «Kommunens oppsett».
    open_profile(&client).await;
    read_in_profile(
        &client,
        "«Kommunens representant»",
        "Oppsettet fra Sør-Odal er lest inn",
    )
    .await;
    wait_count(
        &client,
        "the profile's eight seat categories are in the editor",
        "[data-testid=seatCategories-entry]",
        8,
    )
    .await;

    // A new council: one seat field per category of the profile, in its order.
    click(&client, "[data-testid=open-councils]").await.unwrap();
    click(&client, "[data-testid=new-council]").await.unwrap();
    wait(&client, "#seats-kommunen").await.unwrap();
    let mut fields = Vec::new();
    for input in client.find_all(Locator::Css(".seat-grid input")).await.unwrap() {
        fields.push(input.attr("id").await.unwrap().unwrap_or_default());
    }
    assert_eq!(
        fields,
        [
            "seats-oppstad",
            "seats-sander",
            "seats-slastad",
            "seats-skarnes",
            "seats-ullern",
            "seats-galterud",
            "seats-finnholt",
            "seats-kommunen"
        ]
    );
    assert!(body(&client).await.contains("Kommunens representant"));
    fill(&client, "#council-name", "Sør-Odal grendeutvalg").await.unwrap();
    fill(&client, "#seats-skarnes", "2").await.unwrap();
    screenshot(&client, &shots(&app).join("1280x800-council-form.png")).await;
    click(&client, "[data-testid=save-council]").await.unwrap();
    wait_screen(&client, "council").await;
    wait(&client, "[data-testid=category-kommunen]").await.unwrap();
    assert_eq!(planned(&client, "skarnes").await, (Some("2".into()), Some("0".into())));
    assert_eq!(
        count(&client, "[data-testid=category-senior]").await,
        0,
        "no built-in category"
    );

    // A member in the kommune's seat: the member form lists the profile's categories.
    click(&client, "[data-testid=add-member]").await.unwrap();
    fill(&client, "#member-name", "Kari Kommune").await.unwrap();
    let mut options = Vec::new();
    for option in client.find_all(Locator::Css("#member-category option")).await.unwrap() {
        options.push(option.prop("textContent").await.unwrap().unwrap_or_default());
    }
    assert_eq!(options.len(), 8, "{options:?}");
    assert_eq!(options[7], "Kommunens representant");
    select(&client, "#member-category", "kommunen").await.unwrap();
    screenshot(&client, &shots(&app).join("1280x800-member-form.png")).await;
    click(&client, "[data-testid=save-member]").await.unwrap();
    wait_shown(&client, "the member on the council page", || async {
        count(&client, "[data-testid=member-row]").await == 1
    })
    .await;
    assert_eq!(planned(&client, "kommunen").await, (Some("1".into()), Some("1".into())));
    let page = body(&client).await;
    assert!(page.contains("Skarnes: 2 ledige plasser."), "{page}");
    screenshot(&client, &shots(&app).join("1280x800-council.png")).await;

    // A meeting of the kommune's own kind: the meeting form lists the profile's kinds.
    click(&client, "[data-testid=new-meeting]").await.unwrap();
    wait(&client, "#meeting-kind").await.unwrap();
    let mut kinds = Vec::new();
    for option in client.find_all(Locator::Css("#meeting-kind option")).await.unwrap() {
        kinds.push(option.prop("textContent").await.unwrap().unwrap_or_default());
    }
    assert_eq!(kinds.last().map(String::as_str), Some("Grendemøte"), "{kinds:?}");
    select(&client, "#meeting-kind", "grendemote").await.unwrap();
    fill(&client, "#meeting-date", "12.03.2027").await.unwrap();
    fill(&client, "#meeting-starts-at", "18:00").await.unwrap();
    fill(&client, "#meeting-place", "Skarnes samfunnshus").await.unwrap();
    screenshot(&client, &shots(&app).join("1280x800-meeting-form.png")).await;
    click(&client, "[data-testid=save-meeting]").await.unwrap();
    wait(&client, "[data-testid=add-item]").await.unwrap();
    wait_until("the meeting is named by its kind", || async {
        body(&client).await.contains("Grendemøte")
    })
    .await;
    screenshot(&client, &shots(&app).join("1280x800-meeting.png")).await;
    client.close().await.unwrap();

    // What the app showed is in the file.
    let store = open_store(&app.db);
    let council = &store.find_councils("Sør-Odal grendeutvalg").unwrap()[0];
    let members = store.memberships_of_council(&council.id).unwrap();
    assert_eq!(members[0].category.key(), "kommunen");
    assert_eq!(council.seat_plan.total(), 9);
    let meetings = store.meetings_of_council(&council.id).unwrap();
    assert_eq!(meetings[0].kind.key(), "grendemote");
}

/// Clicks `css` from the page's script: at 125 % WebKit's driver aims its
/// pointer in unzoomed pixels (see layout.rs).
/// Whether the page is no wider than the window (nothing to scroll sideways).
async fn fits(client: &Client) -> bool {
    client
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Lets the page finish drawing before a screenshot.
async fn settle(client: &Client) {
    wait_loaded(client).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
}

async fn press(client: &Client, css: &str) {
    let element = visible(client, css).await.unwrap();
    let arg = serde_json::to_value(&element).unwrap();
    client.execute("arguments[0].click();", vec![arg]).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn sor_odals_council_page_and_forms_fit_a_small_laptop_at_125_percent() {
    let app = App::start_with(&[("GRENDEBOK_ZOOM", std::ffi::OsStr::new("1.25"))]);
    {
        let mut store = grendebok_core::Store::open(&app.db).unwrap();
        store.save_user_name("Kari Koordinator", Utc::now()).unwrap();
        let files = tempfile::tempdir().unwrap();
        let file = files.path().join("sor-odal.json");
        write_sor_odal(&file);
        store
            .import_profile_file(&file, Utc::now(), grendebok_core::model::Lang::Nb)
            .unwrap();
        let actor = store.actor(Utc::now()).unwrap();
        let plan = grendebok_core::model::SeatPlan::of(
            GRENDER
                .iter()
                .map(|(key, _)| (grendebok_core::model::SeatCategory::new(*key), 1))
                .chain([(grendebok_core::model::SeatCategory::new("kommunen"), 1)]),
        );
        store
            .create_council(
                &actor,
                &grendebok_core::model::CouncilInput::named("Sør-Odal grendeutvalg", plan),
            )
            .unwrap();
    }
    let client = app.launch().await;
    client.set_window_size(1024, 640).await.unwrap();
    wait_until("the window is 1024 wide", || async {
        client
            .execute("return window.outerWidth;", vec![])
            .await
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| (w - 1024.0).abs() < 2.0)
    })
    .await;
    press(&client, "[data-testid=open-council]").await;
    wait(&client, "[data-testid=category-kommunen]").await.unwrap();
    settle(&client).await;
    screenshot(&client, &shots(&app).join("1024x640-125-council.png")).await;
    assert!(fits(&client).await, "the council page fits the window");
    press(&client, "[data-testid=edit-council]").await;
    wait(&client, "#seats-kommunen").await.unwrap();
    client
        .execute("document.getElementById('seats-oppstad').scrollIntoView();", vec![])
        .await
        .unwrap();
    settle(&client).await;
    screenshot(&client, &shots(&app).join("1024x640-125-council-form.png")).await;
    assert_eq!(count(&client, ".seat-grid input").await, 8);
    assert!(fits(&client).await, "the council form fits the window");
    press(&client, "[data-testid=back-to-list]").await;
    press(&client, "[data-testid=open-council]").await;
    press(&client, "[data-testid=add-member]").await;
    wait(&client, "#member-category").await.unwrap();
    settle(&client).await;
    screenshot(&client, &shots(&app).join("1024x640-125-member-form.png")).await;
    client
        .execute(
            "document.getElementById('member-category').scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await
        .unwrap();
    settle(&client).await;
    screenshot(&client, &shots(&app).join("1024x640-125-member-form-seat.png")).await;
    client.close().await.unwrap();
}
