//! A damaged database at start: the app says what is wrong, writes nothing,
//! lists the backups, and restores the newest one in two clicks.

use chrono::{NaiveDate, Utc};
use grendebok_core::model::{CouncilInput, SeatPlan};
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

/// An app (not started) on a file with one council and no members, and a
/// user name, so it opens on the council list.
fn one_empty_council() -> App {
    let app = App::start();
    let mut store = Store::create(&app.db).unwrap();
    store.save_user_name("Kari Sekretær", Utc::now()).unwrap();
    let actor = store.actor(Utc::now()).unwrap();
    let input = CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 1, 2));
    store.create_council(&actor, &input).unwrap();
    app
}

/// Opens the one council from the council list.
async fn open_the_council(client: &fantoccini::Client) {
    click(client, "[data-testid=open-councils]").await.ok();
    click(client, "[data-testid=open-council]").await.unwrap();
    wait_shown(client, "the council page offers to add a member", || async {
        count(client, "[data-testid=add-member]").await == 1
    })
    .await;
    wait_loaded(client).await;
}

/// Adds a member on the council page and waits until the list shows them.
async fn add_member(client: &fantoccini::Client, name: &str) {
    let before = count(client, "[data-testid=member-row]").await;
    click(client, "[data-testid=add-member]").await.unwrap();
    fill(client, "#member-name", name).await.unwrap();
    select(client, "#member-category", "senior").await.unwrap();
    select(client, "#member-role", "medlem").await.unwrap();
    fill(client, "#member-organisation", "Seniorforeningen").await.unwrap();
    submit(
        client,
        "[data-testid=save-member]",
        &format!("{name} shows in the member list"),
        || async { count(client, "[data-testid=member-row]").await == before + 1 },
    )
    .await;
}

async fn open_backups(client: &fantoccini::Client) {
    click(client, "[data-testid=open-backups]").await.unwrap();
    wait_screen(client, "backups").await;
}

/// The names in the council's member list.
async fn members_shown(client: &fantoccini::Client) -> String {
    text_of(client, "main").await
}

/// The healthy path, as a secretary takes it: "Ta sikkerhetskopi nå", a
/// change, "Gjenopprett" on that copy. The change is gone, the app goes on
/// saving, and what it saves after the restore is there after a restart.
/// (On the old code the app's own backup thread held the file, so the restore
/// was refused with "allerede åpen i et annet Grendebok-vindu", and every
/// screen then said "Kunne ikke hente data".)
#[tokio::test(flavor = "multi_thread")]
async fn a_healthy_file_is_restored_from_the_backups_screen_and_the_app_goes_on_saving() {
    let app = one_empty_council();
    let client = app.launch().await;

    open_backups(&client).await;
    click(&client, "[data-testid=backup-now]").await.unwrap();
    wait(&client, "[data-testid=backup-taken]").await.unwrap();
    let manual = "[data-testid=backup-row][data-kind=manual]";
    wait(&client, manual).await.unwrap();

    open_the_council(&client).await;
    add_member(&client, "Aslaug Fjeldstad").await;

    open_backups(&client).await;
    click(&client, &format!("{manual} [data-testid=restore-backup]"))
        .await
        .unwrap();
    click(&client, "[data-testid=confirm-restore]").await.unwrap();
    wait_shown(&client, "the council list says the backup is restored", || async {
        count(&client, "[data-testid=restored]").await == 1
    })
    .await;
    screenshot(&client, &app.dir.path().join("restored.png")).await;

    open_the_council(&client).await;
    assert!(
        !members_shown(&client).await.contains("Aslaug Fjeldstad"),
        "the member added after the backup is gone"
    );
    add_member(&client, "Bror Kvamme").await;
    client.close().await.unwrap();

    // After a restart the member added after the restore is there.
    let client = app.launch().await;
    open_the_council(&client).await;
    wait_shown(&client, "the member saved after the restore is listed", || async {
        count(&client, "[data-testid=member-row]").await == 1 && members_shown(&client).await.contains("Bror Kvamme")
    })
    .await;
    client.close().await.unwrap();

    let kept: Vec<std::path::PathBuf> = std::fs::read_dir(app.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.contains(".replaced-")
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
                && !name.ends_with(".lock")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the replaced file is kept beside: {kept:?}");
    let replaced = Store::open_read_only(&kept[0]).unwrap();
    let council = &replaced.find_councils("Stavern").unwrap()[0];
    let names: Vec<String> = replaced
        .memberships_of_council(&council.id)
        .unwrap()
        .into_iter()
        .map(|m| m.person.name)
        .collect();
    assert_eq!(
        names,
        ["Aslaug Fjeldstad"],
        "the replaced file holds what was there before"
    );
}

/// A damaged backup chosen on the Backups screen: a clear message, the file
/// in use untouched, and the app goes on saving without a restart.
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_backup_is_refused_with_a_message_and_the_app_goes_on() {
    let app = one_empty_council();
    let damaged = {
        let store = Store::open_existing(&app.db).unwrap();
        store.backup(BackupKind::Manual, Utc::now()).unwrap()
    };
    let mut bytes = std::fs::read(&damaged.path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for page in 1..4 {
        for b in &mut bytes[page * page_size..page * page_size + 12] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(&damaged.path, &bytes).unwrap();

    let client = app.launch().await;
    open_backups(&client).await;
    let row = format!("[data-testid=backup-row][data-file-name=\"{}\"]", damaged.file_name);
    click(&client, &format!("{row} [data-testid=restore-backup]"))
        .await
        .unwrap();
    click(&client, "[data-testid=confirm-restore]").await.unwrap();
    let error = wait(&client, "[data-testid=restore-error]").await.unwrap();
    let message = error.text().await.unwrap();
    assert!(
        message.contains("Sikkerhetskopien ble ikke gjenopprettet."),
        "{message}"
    );
    assert!(message.contains("skadet"), "says the backup is damaged: {message}");
    screenshot(&client, &app.dir.path().join("restore-refused.png")).await;

    open_the_council(&client).await;
    add_member(&client, "Cathrine Ødegård").await;
    client.close().await.unwrap();

    let store = open_store(&app.db);
    let council = &store.find_councils("Stavern").unwrap()[0];
    assert_eq!(store.memberships_of_council(&council.id).unwrap().len(), 1);
    drop(store);
    let others: Vec<String> = std::fs::read_dir(app.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".replaced-") || n.contains(".corrupt-") || n.contains(".restore"))
        .collect();
    assert!(others.is_empty(), "nothing was renamed or left behind: {others:?}");
}

/// The clock was a year ahead when the last automatic backup was taken. At
/// start the app takes a new one all the same, lists it first as the newest,
/// and the Backups screen says the clock looks wrong. (Ordered by the dates
/// in their names, the future one stayed "newest" and no automatic backup
/// was due for a year.)
#[tokio::test(flavor = "multi_thread")]
async fn a_backup_dated_in_the_future_does_not_stop_automatic_backups_and_the_clock_is_doubted() {
    let app = one_empty_council();
    let future = {
        let store = Store::open_existing(&app.db).unwrap();
        store
            .backup(BackupKind::Auto, Utc::now() + chrono::Duration::days(365))
            .unwrap()
    };
    let client = app.launch().await;
    open_backups(&client).await;
    wait_until("an automatic backup is taken at start", || async {
        grendebok_core::store::backup::list(&app.db).unwrap().len() == 2
    })
    .await;
    // The list as it is now, with the new backup.
    click(&client, "[data-testid=open-councils]").await.unwrap();
    open_backups(&client).await;
    let newest = grendebok_core::store::backup::list(&app.db).unwrap()[0].clone();
    assert!(newest.sequence > future.sequence, "{newest:?}");
    assert_eq!(
        attr(&client, "[data-testid=backup-row]", "data-file-name")
            .await
            .as_deref(),
        Some(newest.file_name.as_str()),
        "the backup taken now is listed first"
    );
    let warning = text_of(&client, "[data-testid=clock-warning]").await;
    assert!(
        warning.contains("Klokken på denne datamaskinen ser ut til å gå feil"),
        "{warning}"
    );
    assert!(warning.contains(&future.file_name), "{warning}");
    screenshot(&client, &app.dir.path().join("clock-warning.png")).await;
    client.close().await.unwrap();
}
