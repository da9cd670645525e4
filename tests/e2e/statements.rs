//! A statement to the kommune through the real UI: put on the agenda of a
//! held meeting as an «Uttalelse» with the kommune's case number and
//! deadline (refused at its fields without them), adopted by vote, the
//! minutes approved, the letter exported, and the statement seen in the
//! coordinator's overview with its deadline.

use chrono::{Datelike, Days, Utc};
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A council of five, and a meeting held today with everyone present, its
/// chair and minute-taker chosen and its first item decided; returns the
/// members and the meeting's id.
fn held_meeting(app: &App) -> (Vec<Membership>, String) {
    let mut seed = Seed::open(app);
    let (council, members) = seed.stavern(SeatPlan::new(1, 1, 1, 1, 1), 5);
    let mut input = new_meeting(
        &council.id,
        MeetingKind::ORDINARY,
        Utc::now().date_naive(),
        "Stavern grendehus",
    );
    input.ends_at = chrono::NaiveTime::from_hms_opt(20, 0, 0);
    let meeting = seed.meeting(&input);
    let first = seed.item(
        &meeting.id,
        &AgendaItemInput {
            proposal: "Innkallingen godkjennes.".into(),
            ..new_item(ItemKind::Vedtak, "Godkjenning av innkalling og saksliste")
        },
    );
    seed.store.send_notice(&seed.actor, &meeting.id).unwrap();
    seed.hold(&meeting.id, members.iter().map(|m| m.id.as_str()));
    seed.roles(&meeting.id, &members[0].id, (Some(&members[4].id), ""));
    seed.record(&first, &new_record("Innkallingen ble godkjent."));
    (members, meeting.id)
}

/// Where the screenshots go: `$GRENDEBOK_LAYOUT_SHOTS` to keep them, else the test's folder.
fn shots(app: &App) -> std::path::PathBuf {
    app.shots("GRENDEBOK_LAYOUT_SHOTS")
}

async fn selected_item(client: &Client) -> String {
    wait(client, "[data-testid=item-panel]")
        .await
        .unwrap()
        .attr("data-item-id")
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_is_adopted_exported_as_a_letter_and_listed_in_the_overview() {
    let app = App::start();
    let (members, _meeting) = held_meeting(&app);
    let client = app.launch_at_meeting().await;

    // An «Uttalelse» without the kommune's case number and deadline is refused at both fields.
    type_item(
        &client,
        "uttalelse",
        "Høring: trafikksikkerhetsplan",
        "Utvalget støtter planen.",
    )
    .await;
    wait_for_text(&client, "#item-case-ref-error", "saksnummer").await;
    wait_for_text(&client, "#item-deadline-error", "fristen").await;
    screenshot(&client, &shots(&app).join("statement-dialog-faults.png")).await;

    let deadline = Utc::now().date_naive().checked_add_days(Days::new(10)).unwrap();
    let typed = deadline.format("%d.%m.%Y").to_string();
    fill_fields(
        &client,
        &[
            ("#item-case-ref", "24/01234"),
            ("#item-deadline", &typed),
            ("#item-recipient", "Larvik kommune, Arealplan"),
        ],
    )
    .await;
    screenshot(&client, &shots(&app).join("statement-dialog.png")).await;
    let before = count(&client, "[data-testid=item-row]").await;
    click(&client, "[data-testid=save-item]").await.unwrap();
    wait_count(
        &client,
        "the statement is on the agenda",
        "[data-testid=item-row]",
        before + 1,
    )
    .await;

    // The item shows the case number and the deadline; the letter waits for approval.
    let rows = client.find_all(Locator::Css("[data-testid=item-row]")).await.unwrap();
    rows[before].click().await.unwrap();
    wait_for_text(&client, "[data-testid=statement-case-ref]", "24/01234").await;
    wait_for_text(&client, "[data-testid=statement-deadline]", &typed).await;
    wait(&client, "[data-testid=statement-after-approval]").await.unwrap();
    assert_eq!(
        count(&client, "[data-testid=export-statement]").await,
        0,
        "no letter from a draft"
    );
    let item = selected_item(&client).await;

    // Adopted 4–1.
    fill_fields(
        &client,
        &[
            ("#votes-for", "4"),
            ("#votes-against", "1"),
            (
                "#item-decision",
                "Stavern nærmiljøutvalg støtter planen og ber om fortau langs Skoleveien.",
            ),
        ],
    )
    .await;
    save_record(&client).await;
    screenshot(&client, &shots(&app).join("statement-meeting.png")).await;

    // Approve the minutes: then the statement is final and goes to the kommune.
    wait(&client, "[data-testid=complete]").await.unwrap();
    approve_minutes(&client, &members[0].id, &members[4].id).await;
    let row = format!("[data-testid=item-row][data-item-id='{item}']");
    click(&client, &row).await.unwrap();
    click(&client, "[data-testid=export-statement]").await.unwrap();
    wait_for_text(&client, "[data-testid=export-result]", "Uttalelsen er lagret i").await;
    wait_for_text(&client, "[data-testid=statement-letter]", "Uttalelse 24-01234.pdf").await;
    screenshot(&client, &shots(&app).join("statement-exported.png")).await;
    let flat = pdf_text_flat(&app.exports().join("Uttalelse 24-01234.pdf"));
    for expected in [
        "Uttalelse fra Stavern nærmiljøutvalg i sak 24/01234",
        "Deres ref.: 24/01234",
        "Larvik kommune, Arealplan",
        "ber om fortau langs Skoleveien",
        "4 for, 1 mot – vedtatt",
    ] {
        assert!(flat.contains(expected), "the letter lacks {expected:?}:\n{flat}");
    }

    // The coordinator sees it in the overview, with its deadline.
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait_screen(&client, "overview").await;
    let year = Utc::now().year();
    wait_for_text(&client, "[data-testid=overview-statements]", &format!("{year}")).await;
    wait_for_text(&client, "[data-testid=statement-row]", "24/01234").await;
    wait_for_text(
        &client,
        "[data-testid=statement-row] [data-testid=statement-deadline]",
        &typed,
    )
    .await;
    assert_eq!(
        attr(&client, "[data-testid=statement-row]", "data-status")
            .await
            .as_deref(),
        Some("sent")
    );
    scroll_to(&client, "[data-testid=overview-statements]").await;
    screenshot(&client, &shots(&app).join("statement-overview.png")).await;
    client.close().await.unwrap();
}

/// A small laptop read a little larger (1024×640 at 125 %): the statement's
/// fields in the item form and its facts on the item fit, nothing cut off.
#[tokio::test(flavor = "multi_thread")]
async fn the_statement_fits_a_small_laptop_at_125_percent() {
    let app = App::start_with(&[("GRENDEBOK_ZOOM", "1.25".as_ref())]);
    let (_members, meeting) = held_meeting(&app);
    {
        let input = AgendaItemInput {
            kind: ItemKind::Uttalelse,
            title: "Høring: reguleringsplan for Stavern sentrum med nye gang- og sykkelveier".into(),
            background: String::new(),
            proposal: "Utvalget støtter planen.".into(),
            access: Default::default(),
            statement: Some(StatementInput {
                case_ref: "24/01234".into(),
                // Before the meeting: a late statement, shown as such.
                deadline: Utc::now().date_naive().checked_sub_days(Days::new(2)),
                recipient: "Larvik kommune, Samfunnsutvikling v/ Siri Holm-Kristiansen".into(),
            }),
        };
        Seed::open(&app).item(&meeting, &input);
    }
    let client = app.launch().await;
    client.set_window_size(1024, 640).await.unwrap();
    // At 125 % WebKit's driver aims its pointer in unzoomed pixels: clicked from the page (as layout.rs does).
    crate::layout::press(&client, "[data-testid=open-council]").await;
    wait_screen(&client, "council").await;
    crate::layout::press(&client, "[data-testid=open-meeting]").await;
    wait_screen(&client, "meeting").await;
    crate::layout::press(&client, "li:nth-child(2) > [data-testid=item-row]").await;
    wait_for_text(&client, "[data-testid=statement-case-ref]", "24/01234").await;
    wait(&client, "[data-testid=statement-late]").await.unwrap();
    scroll_to(&client, "[data-testid=item-statement-facts]").await;
    screenshot(&client, &shots(&app).join("statement-meeting-1024x640-125.png")).await;
    let overflow = sideways_overflow(&client).await;
    assert!(overflow <= 0.0, "the meeting page scrolls sideways by {overflow}");

    crate::layout::press(&client, "[data-testid=edit-item]").await;
    wait(&client, "#item-case-ref").await.unwrap();
    screenshot(&client, &shots(&app).join("statement-dialog-1024x640-125.png")).await;
    for id in ["#item-case-ref", "#item-deadline", "#item-recipient"] {
        visible(&client, id).await.unwrap();
    }
    client.close().await.unwrap();
}
