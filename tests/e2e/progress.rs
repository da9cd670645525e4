//! Long jobs through the real UI: "Send til kommunen" shows a progress
//! dialog ("3 av 8 filer"), "Avbryt" stops it with nothing written and says
//! so, and run to the end it says which folder it made. The app runs with
//! `GRENDEBOK_SLOW_JOBS` (debug builds only), so each step takes long enough
//! to see the dialog and press "Avbryt" in time.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Local};
use grendebok_e2e::*;

/// Everything in `dir`, hidden entries (a job's temporary folder) too.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    all.sort();
    all
}

/// Each step of a job takes this long here: the whole folder (about a dozen
/// files) takes long enough to look at the dialog and press "Avbryt", even
/// with other tests running beside this one on two cores.
const SLOW_STEP_MS: u64 = 1500;

#[tokio::test(flavor = "multi_thread")]
async fn the_kommune_folder_shows_progress_can_be_cancelled_and_then_says_where_it_is() {
    let app = App::start_with(&[("GRENDEBOK_SLOW_JOBS", OsStr::new(&SLOW_STEP_MS.to_string()))]);
    let today = Local::now().date_naive();
    {
        let mut seed = Seed::open_as(&app, "Kari Nordmann");
        seed.store.load_demo(&seed.actor, today).unwrap();
    }
    let client = app.launch().await;
    wait_count(&client, "the demo councils are listed", "[data-testid=council-row]", 3).await;
    click_starting_with(&client, "[data-testid=open-council]", "Lyngvik").await;
    wait_screen(&client, "council").await;
    let year = today.year();
    // The demo's meetings are this year's (in January the page offers last year first).
    handover_year(&client, year).await;

    // Started, the dialog counts the files; "Avbryt" stops the job half-way.
    click(&client, "[data-testid=export-for-kommune]").await.unwrap();
    visible(&client, "[data-testid=progress-dialog]").await.unwrap();
    wait_for_text(&client, "[data-testid=progress-text]", " filer").await;
    let counted = text_of(&client, "[data-testid=progress-text]").await;
    assert!(
        counted.contains(" av "),
        "the dialog says how far it has come: {counted:?}"
    );
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots");
    std::fs::create_dir_all(&shots).unwrap();
    screenshot(&client, &shots.join("progress-dialog.png")).await;
    crate::accessibility::assert_no_serious_violations(&client, "progress dialog").await;
    cancel_job(&client).await;
    crate::accessibility::assert_no_serious_violations(&client, "job cancelled").await;
    assert_eq!(
        count(&client, "[data-testid=progress-dialog]").await,
        0,
        "the dialog is closed"
    );
    assert_eq!(
        count(&client, "[data-testid=handover-section] [data-testid=export-result]").await,
        0,
        "no success is claimed"
    );
    screenshot(&client, &shots.join("progress-cancelled.png")).await;
    assert_eq!(
        entries(&app.exports()),
        Vec::<PathBuf>::new(),
        "no folder, no half-made folder"
    );

    // Run to the end, the confirmation names the folder, and the folder is there.
    click(&client, "[data-testid=export-for-kommune]").await.unwrap();
    let result = "[data-testid=handover-section] [data-testid=export-result]";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    while count(&client, result).await == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the slowed export did not finish in 90 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    wait_for_text(&client, result, "er laget til kommunen").await;
    let folder = app.exports().join(format!("Lyngvik nærmiljøutvalg {year}"));
    assert!(
        text_of(&client, result).await.contains(&folder.display().to_string()),
        "the message names the folder {}: {}",
        folder.display(),
        text_of(&client, result).await
    );
    assert_eq!(entries(&app.exports()), vec![folder.clone()], "just the one folder");
    assert!(!entries(&folder).is_empty(), "the folder holds the year's files");
    assert_eq!(
        count(&client, "[data-testid=job-cancelled]").await,
        0,
        "the old notice is gone"
    );
    client.close().await.unwrap();
}
