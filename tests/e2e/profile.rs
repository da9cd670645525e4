//! The kommune profile through the real UI (issue 21): the coordinator opens
//! «Kommunens oppsett» from the overview, edits the built-in profile, sees
//! every fault at its field, saves, saves it as a file, and reads in a file:
//! an older profile is refused, a newer one shows what it changes first.

use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};
use grendebok_e2e::*;
use serde_json::Value;

/// Where the screenshots go: `$GRENDEBOK_LAYOUT_SHOTS` to keep them, else the test's folder.
fn shots(app: &App) -> PathBuf {
    app.shots_in("GRENDEBOK_LAYOUT_SHOTS", "profile")
}

fn write_profile(path: &Path, profile: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(profile).unwrap()).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_coordinator_edits_saves_exports_and_an_older_profile_is_refused() {
    let files = tempfile::tempdir().unwrap();
    let offered = files.path().join("Kommuneoppsett fra kommunen.json");
    let app = App::start_with(&[("GRENDEBOK_IMPORT_FILE", offered.as_os_str())]);
    Seed::open_as(&app, "Kari Koordinator");
    let client = app.launch().await;
    client.set_window_size(1280, 800).await.unwrap();

    open_profile(&client).await;
    // The built-in profile: today's five categories, four duties and four kinds.
    wait_for_text(&client, "[data-testid=profile-issued]", "standardoppsett").await;
    assert_eq!(count(&client, "[data-testid=seatCategories-entry]").await, 5);
    assert_eq!(count(&client, "[data-testid=duties-entry]").await, 4);
    assert_eq!(count(&client, "[data-testid=meetingKinds-entry]").await, 4);
    assert_eq!(
        attr(&client, "#profile-seatCategories-1-name-nb", "value")
            .await
            .as_deref(),
        Some("Barnehage og skole")
    );
    screenshot(&client, &shots(&app).join("1280x800-built-in.png")).await;

    // Sør-Odal's kind of seat: one for the kommune. Typed with three faults,
    // and the kommune's name left out: all four shown at once, at their fields.
    click(&client, "[data-testid=add-seatCategories]").await.unwrap();
    fill_fields(
        &client,
        &[
            ("#profile-seatCategories-5-key", "Kommunen"),
            ("#profile-seatCategories-5-name-nb", "Kommunens representant"),
            ("#profile-seatCategories-5-name-nn", "Kommunen sin representant"),
            ("#profile-duties-0-day", "31"),
        ],
    )
    .await;
    select(&client, "#profile-duties-0-month", "2").await.unwrap();
    click(&client, "[data-testid=save-profile]").await.unwrap();
    wait(&client, "[data-testid=form-error]").await.unwrap();
    wait_for_text(&client, "#profile-kommune-error", "Skriv kommunens navn").await;
    wait_for_text(
        &client,
        "#profile-seatCategories-5-key-error",
        "«Kommunen» kan ikke brukes",
    )
    .await;
    wait_for_text(
        &client,
        "#profile-seatCategories-5-name-en-error",
        "Skriv navnet på engelsk",
    )
    .await;
    wait_for_text(&client, "#profile-duties-0-day-error", "31.2 finnes ikke").await;
    screenshot(&client, &shots(&app).join("1280x800-faults.png")).await;
    visible(&client, "#profile-duties-0-day").await.unwrap();
    screenshot(&client, &shots(&app).join("1280x800-duty-fault.png")).await;
    // Nothing saved while faults remain.
    wait_for_text(&client, "[data-testid=profile-issued]", "standardoppsett").await;

    // Leaving with the edits unsaved asks first; staying keeps them.
    click(&client, "[data-testid=open-councils]").await.unwrap();
    wait(&client, "[data-testid=leave-dialog]").await.unwrap();
    click(&client, "[data-testid=leave-stay]").await.unwrap();
    wait_count(&client, "the question is gone", "[data-testid=leave-dialog]", 0).await;
    assert_eq!(
        attr(&client, "#profile-seatCategories-5-name-nb", "value")
            .await
            .as_deref(),
        Some("Kommunens representant")
    );

    // Fixed and saved.
    fill_fields(
        &client,
        &[
            ("#profile-kommune", "Sør-Odal"),
            ("#profile-seatCategories-5-key", "kommunen"),
            ("#profile-seatCategories-5-name-en", "The municipality's representative"),
            ("#profile-duties-0-day", "30"),
        ],
    )
    .await;
    select(&client, "#profile-duties-0-month", "11").await.unwrap();
    click(&client, "[data-testid=save-profile]").await.unwrap();
    wait_for_text(&client, "[data-testid=confirmation]", "Oppsettet er lagret").await;
    wait_for_text(&client, "[data-testid=profile-issued]", "Nå gjelder: Sør-Odal, utstedt").await;
    // A saved key no longer changes.
    assert!(attr(&client, "#profile-seatCategories-5-key", "readonly")
        .await
        .is_some());

    // Saved as a file for the secretaries.
    click(&client, "[data-testid=export-profile]").await.unwrap();
    wait_for_text(&client, "[data-testid=export-message]", "Kommuneoppsett Sør-Odal.json").await;
    let file = app.exports().join("Kommuneoppsett Sør-Odal.json");
    let mut exported: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(exported["kommune"], "Sør-Odal");
    assert_eq!(
        exported["seatCategories"][5]["names"]["en"],
        "The municipality's representative"
    );

    // An older profile from the kommune is refused, and nothing changes.
    let mut older = exported.clone();
    older["issuedAt"] = "2026-01-01T09:00:00Z".into();
    older["seatCategories"] = serde_json::json!([]);
    write_profile(&offered, &older);
    click(&client, "[data-testid=import-profile]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=profile-refused]",
        "er ikke nyere enn det filen har",
    )
    .await;
    screenshot(&client, &shots(&app).join("1280x800-older-refused.png")).await;
    assert_eq!(count(&client, "[data-testid=meetingKinds-entry]").await, 4);

    // A newer one says what it changes before anything is read in.
    let issued = Utc::now() + Duration::hours(1);
    exported["issuedAt"] = issued.to_rfc3339_opts(chrono::SecondsFormat::Secs, true).into();
    exported["meetingKinds"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"key": "grendemote", "names": {"nb": "Grendemøte", "nn": "Grendemøte", "en": "Village meeting"}}));
    write_profile(&offered, &exported);
    click(&client, "[data-testid=import-profile]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=profile-changes]",
        "Møtetype «Grendemøte»: lagt til",
    )
    .await;
    screenshot(&client, &shots(&app).join("1280x800-newer-preview.png")).await;
    click(&client, "[data-testid=confirm-profile-import]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "Oppsettet fra Sør-Odal er lest inn",
    )
    .await;
    wait_count(
        &client,
        "the new meeting kind is in the form",
        "[data-testid=meetingKinds-entry]",
        5,
    )
    .await;

    // The file holds the coordinator's edit and the newer profile read in.
    let saved = app.quit(client).await.profile().unwrap();
    assert_eq!(saved.kommune, "Sør-Odal");
    assert_eq!(saved.issued_at.timestamp(), issued.timestamp());
    assert_eq!(saved.seat_categories.len(), 6);
    assert_eq!(saved.seat_categories[5].key, "kommunen");
    assert_eq!((saved.duties[0].due_date.day, saved.duties[0].due_date.month), (30, 11));
    assert_eq!(saved.meeting_kinds.len(), 5);
}
