//! A damaged database at start: the app says what is wrong, writes nothing,
//! lists the backups, and restores the newest one in two clicks.

use chrono::{NaiveDate, Utc};
use grendebok_core::store::backup::BackupKind;
use grendebok_core::Store;
use grendebok_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_file_is_refused_and_the_newest_backup_restored_from_the_ui() {
    let app = App::start();
    {
        let mut store = Store::create(&app.db).unwrap();
        store.save_user_name("Kari Sekretær", Utc::now()).unwrap();
        let actor = store.actor(Utc::now()).unwrap();
        store
            .load_demo(&actor, NaiveDate::from_ymd_opt(2026, 3, 12).unwrap())
            .unwrap();
        store.backup(BackupKind::Manual, Utc::now()).unwrap();
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", app.db.display()));
    }
    let damage = b"Denne fila ble overskrevet av et annet program.".repeat(50);
    std::fs::write(&app.db, &damage).unwrap();

    let client = app.launch().await;
    let message = wait(&client, "[data-testid=startup-message]")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
