//! A damaged database at start: the app says what is wrong, writes nothing,
//! lists the backups, and restores the newest one in two clicks.

use chrono::{NaiveDate, Utc};
use grendebok_core::store::backup::BackupKind;
use grendebok_core::Store;
use grendebok_e2e::*;

/// The start-up screen's message about the file.
async fn startup_message(client: &fantoccini::Client) -> String {
    wait(client, "[data-testid=startup-message]")
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// An app (not started) on a file with the demo data and one manual backup.
fn demo_with_a_backup() -> App {
    let app = App::start();
    let mut store = Store::create(&app.db).unwrap();
    store.save_user_name("Kari Sekretær", Utc::now()).unwrap();
    let actor = store.actor(Utc::now()).unwrap();
    store
        .load_demo(&actor, NaiveDate::from_ymd_opt(2026, 3, 12).unwrap())
        .unwrap();
    store.backup(BackupKind::Manual, Utc::now()).unwrap();
    app
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_file_is_refused_and_the_newest_backup_restored_from_the_ui() {
    let app = demo_with_a_backup();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", app.db.display()));
    }
    let damage = b"Denne fila ble overskrevet av et annet program.".repeat(50);
    std::fs::write(&app.db, &damage).unwrap();

    let client = app.launch().await;
    let message = startup_message(&client).await;
    assert!(message.contains("Filen er ikke en database"), "{message}");
    assert!(message.contains("Grendebok har ikke endret filen."), "{message}");
    assert_eq!(
        std::fs::read(&app.db).unwrap(),
        damage,
        "nothing was written to the damaged file"
    );

    click(&client, "[data-testid=backup-row] [data-testid=restore-backup]")
        .await
        .unwrap();
    click(&client, "[data-testid=confirm-restore]").await.unwrap();
    wait_until("the restored councils are listed", || async {
        count(&client, "[data-testid=council-row]").await == 3
    })
    .await;
    client.close().await.unwrap();

    let kept: Vec<Vec<u8>> = std::fs::read_dir(app.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(kept, [damage], "the damaged file is kept beside, renamed");
}

/// Damage deep inside the file passes the cheap checks at open, so the first
/// screen shows at once; the page-by-page check that runs meanwhile finds it,
/// and the app goes to the start-up screen with the backups, having written
/// nothing and made no backup of the damaged file.
#[tokio::test(flavor = "multi_thread")]
async fn damage_deep_in_the_file_is_found_after_the_first_screen_and_nothing_is_written() {
    let app = demo_with_a_backup();
    let mut bytes = std::fs::read(&app.db).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    // The b-tree headers of pages 2 to 4: the header and schema on page 1 still read.
    for page in 1..4 {
        for b in &mut bytes[page * page_size..page * page_size + 12] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(&app.db, &bytes).unwrap();
    let backups_before = grendebok_core::store::backup::list(&app.db).unwrap().len();

    let client = app.launch().await;
    let message = startup_message(&client).await;
    assert!(message.contains("Databasefilen er skadet"), "{message}");
    assert!(message.contains("Grendebok har ikke endret filen."), "{message}");
    assert!(
        count(&client, "[data-testid=backup-row]").await >= 1,
        "the backups are offered"
    );
    client.close().await.unwrap();
    assert_eq!(
        std::fs::read(&app.db).unwrap(),
        bytes,
        "nothing was written to the damaged file"
    );
    assert_eq!(
        grendebok_core::store::backup::list(&app.db).unwrap().len(),
        backups_before,
        "no backup was made of the damaged file"
    );
}
