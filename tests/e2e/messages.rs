//! Messages in plain words (issue 16, item 8), in the real app: an export
//! says the folder by its name and the file, with buttons that open them; the
//! checksums wait under a disclosure; a file error is in the person's
//! language and names the file — never the system's English.

use std::ffi::OsStr;
use std::path::Path;

use chrono::NaiveDate;
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A council with a planned meeting and one item, made before the app starts.
fn council_with_meeting(app: &App) {
    let mut seed = Seed::open(app);
    let council = seed.council(&CouncilInput::named(
        "Stavern nærmiljøutvalg",
        SeatPlan::new(1, 1, 1, 0, 0),
    ));
    // The secretary, whom the notice names for word of absence.
    seed.member(&new_member_reached_at(
        &council.id,
        "Kari Sekretær",
        SeatCategory::SENIOR,
        Role::Sekretaer,
        "",
        "900 11 222",
    ));
    let meeting = seed.meeting(&new_meeting(
        &council.id,
        MeetingKind::ORDINARY,
        NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
        "Stavern grendehus",
    ));
    seed.item(&meeting.id, &new_item(ItemKind::Vedtak, "Benker på torget"));
}

fn is_hex64(word: &str) -> bool {
    word.len() == 64 && word.chars().all(|c| c.is_ascii_hexdigit())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_says_where_in_plain_words_and_opens_the_pdf_and_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.txt");
    let app = App::start_with(&[("GRENDEBOK_OPEN_LOG", log.as_os_str())]);
    council_with_meeting(&app);
    let client = app.launch_at_meeting().await;

    click(&client, "[data-testid=export-notice]").await.unwrap();
    wait(&client, "[data-testid=export-result]").await.unwrap();
    let file = std::fs::read_dir(app.exports())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let message = text_of(&client, "[data-testid=export-message]").await;
    assert_eq!(message, format!("Innkallingen er lagret i exports som «{name}»."));
    // No path, no checksum, no "kontrollnr." in what is shown.
    let shown = text_of(&client, "[data-testid=export-result]").await;
    assert!(!shown.contains('/'), "{shown}");
    assert!(!shown.split_whitespace().any(is_hex64), "{shown}");
    assert!(!shown.contains("kontrollnr"), "{shown}");
    // The checksums are there for whoever looks under "Sjekksum og kontrollnummer".
    click(&client, "[data-testid=export-details] summary").await.unwrap();
    let details = text_of(&client, "[data-testid=export-details]").await;
    let sha = grendebok_core::pdf::sha256_hex(&std::fs::read(&file).unwrap());
    assert!(details.contains(&sha), "{details}");
    assert!(details.contains("Kontrollnummer i bunnteksten"), "{details}");
    // The notice says whom to tell, by name and phone (issue 16, item 10).
    // (No-break spaces fold too: they are white space.)
    let text = pdf_text_flat(&file);
    assert!(
        text.contains("Meld forfall til sekretæren, Kari Sekretær, på telefon 900 11 222"),
        "{text}"
    );

    // "Åpne PDF" and "Åpne mappen" open the file and the folder it is in.
    assert_eq!(text_of(&client, "[data-testid=open-saved-file]").await, "Åpne PDF");
    click(&client, "[data-testid=open-saved-file]").await.unwrap();
    click(&client, "[data-testid=open-saved-folder]").await.unwrap();
    wait_shown(&client, "both were opened", || async {
        std::fs::read_to_string(&log).unwrap_or_default().lines().count() == 2
    })
    .await;
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        opened,
        format!("file\t{}\nfolder\t{}\n", file.display(), app.exports().display())
    );
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_to_a_folder_that_is_gone_says_so_in_norwegian_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("Minnepinne");
    let app = App::start_with(&[("GRENDEBOK_EXPORT_DIR", gone.as_os_str() as &OsStr)]);
    council_with_meeting(&app);
    let client = app.launch_at_meeting().await;

    click(&client, "[data-testid=export-notice]").await.unwrap();
    wait(&client, "[data-testid=action-error]").await.unwrap();
    let error = text_of(&client, "[data-testid=action-error]").await;
    assert!(
        error.starts_with("Finner ikke «Innkalling") && error.contains(&format!("i mappen {}.", gone.display())),
        "{error}"
    );
    assert!(error.contains("Velg en annen mappe"), "{error}");
    for english in ["No such file", "os error", "directory"] {
        assert!(!error.contains(english), "{error}");
    }
    assert!(!Path::new(&gone).exists(), "nothing was made");
    client.close().await.unwrap();
}

/// "E-post med innkallingen": the notice as an e-mail draft to the members,
/// the PDF attached, saved and opened in the mail program at once; nothing
/// is sent by the app.
#[tokio::test(flavor = "multi_thread")]
async fn the_notice_becomes_an_email_draft_opened_in_the_mail_program() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.txt");
    let app = App::start_with(&[("GRENDEBOK_OPEN_LOG", log.as_os_str())]);
    council_with_meeting(&app);
    {
        let mut seed = Seed::open(&app);
        let council = seed.store.councils().unwrap()[0].id.clone();
        seed.member(&new_member_reached_at(
            &council,
            "Olav Haugen",
            SeatCategory::SPORTS,
            Role::Leder,
            "olav@haugen.example",
            "",
        ));
    }
    let client = app.launch_at_meeting().await;

    click(&client, "[data-testid=notice-mail]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=export-title]",
        "E-posten med innkallingen til møtet 20.01.2027 er laget",
    )
    .await;
    let draft = app
        .exported()
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "eml"))
        .expect("an .eml draft");
    let name = draft.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        text_of(&client, "[data-testid=export-message]").await,
        format!("E-postutkastet {name} er lagret i mappen exports. Åpne det i e-postprogrammet ditt, se over og send.")
    );
    wait_shown(&client, "the draft was opened", || async {
        std::fs::read_to_string(&log).unwrap_or_default().lines().count() == 1
    })
    .await;
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!("file\t{}\n", draft.display())
    );
    let eml = String::from_utf8_lossy(&std::fs::read(&draft).unwrap()).into_owned();
    assert!(eml.contains("olav@haugen.example"), "{eml}");
    assert!(eml.contains("application/pdf"), "{eml}");
    assert_eq!(text_of(&client, "[data-testid=open-saved-file]").await, "Åpne e-posten");
    client.close().await.unwrap();
}
