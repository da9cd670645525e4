//! The secretary's evening without traps (issue 16), in the real app: typed
//! minutes are never lost, and no click changes a meeting's state without a
//! question — a double click does one thing, a meeting dated ahead says so,
//! and a status change can be undone until the next step.

use chrono::{Days, NaiveDate, Utc};
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A council of three with a meeting on `date` and two items; `held` sends
/// the notice and marks it held. Made in the file before the app starts.
fn council_with_meeting(app: &App, date: NaiveDate, held: bool) -> (String, Vec<String>) {
    let mut seed = Seed::open(app);
    let council = seed.council(&CouncilInput::named(
        "Stavern nærmiljøutvalg",
        SeatPlan::new(1, 1, 1, 0, 0),
    ));
    seed.members(
        &council.id,
        &[
            ("Aslaug Fjeldstad", SeatCategory::SENIOR, Role::Medlem, ""),
            ("Bror Kvamme", SeatCategory::SCHOOL, Role::Medlem, ""),
            ("Cathrine Ødegård", SeatCategory::SPORTS, Role::Medlem, ""),
        ],
    );
    let meeting = seed.meeting(&new_meeting(
        &council.id,
        MeetingKind::ORDINARY,
        date,
        "Stavern grendehus",
    ));
    let Seed { mut store, actor } = seed;
    let items = ["Benker på torget", "Nytt fra kommunen"]
        .into_iter()
        .map(|title| {
            store
                .add_item(&actor, &meeting.id, &new_item(ItemKind::Vedtak, title))
                .unwrap()
        })
        .collect();
    if held {
        store.send_notice(&actor, &meeting.id).unwrap();
        store.mark_held(&actor, &meeting.id).unwrap();
    }
    (meeting.id, items)
}

async fn open_meeting(client: &Client) {
    click(client, "[data-testid=open-council]").await.unwrap();
    wait_screen(client, "council").await;
    click(client, "[data-testid=open-meeting]").await.unwrap();
    wait_screen(client, "meeting").await;
}

async fn open_item(client: &Client, id: &str) {
    let row = format!("[data-testid=item-row][data-item-id='{id}']");
    click(client, &row).await.unwrap();
    wait_until("the item is open", || async {
        attr(client, &row, "aria-current").await.as_deref() == Some("true")
    })
    .await;
}

async fn value_of(client: &Client, css: &str) -> String {
    let e = wait(client, css).await.unwrap();
    e.prop("value").await.unwrap().unwrap_or_default()
}

async fn status(client: &Client) -> String {
    attr(client, "[data-testid=meeting-status]", "data-status")
        .await
        .unwrap_or_default()
}

/// Clicks twice within one moment, as a double click does: both clicks
/// land on what was under the pointer at the first.
async fn double_click(client: &Client, css: &str) {
    let element = visible(client, css).await.unwrap();
    let arg = serde_json::to_value(&element).unwrap();
    client
        .execute("arguments[0].click(); arguments[0].click();", vec![arg])
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn typed_minutes_are_kept_when_another_item_is_opened_and_leaving_asks_first() {
    let app = App::start();
    let today = Utc::now().date_naive();
    let (meeting_id, items) = council_with_meeting(&app, today, true);
    let client = app.launch().await;
    open_meeting(&client).await;

    // A decision typed, not saved; another item opened.
    open_item(&client, &items[0]).await;
    let typed = "Utvalget kjøper to benker til torget.";
    fill(&client, "#item-decision", typed).await.unwrap();
    open_item(&client, &items[1]).await;
    assert_eq!(
        value_of(&client, "#item-decision").await,
        "",
        "the other item's field is its own"
    );
    // The list says which item holds unsaved text; opening it gives the text back.
    wait(
        &client,
        &format!(
            "[data-testid=item-row][data-item-id='{}'] [data-testid=item-unsaved]",
            items[0]
        ),
    )
    .await
    .unwrap();
    open_item(&client, &items[0]).await;
    assert_eq!(value_of(&client, "#item-decision").await, typed);

    // "Tilbake" asks first; staying keeps the text, and it can be saved.
    click(&client, "[data-testid=back-to-council]").await.unwrap();
    wait_for_text(&client, "[data-testid=leave-dialog]", "Sak 01/").await;
    click(&client, "[data-testid=leave-stay]").await.unwrap();
    wait_until("the question is gone", || async {
        count(&client, "[data-testid=leave-dialog]").await == 0
    })
    .await;
    assert_eq!(value_of(&client, "#item-decision").await, typed);
    click(&client, "[data-testid=save-record]").await.unwrap();
    wait_until("the decision is saved", || async {
        attr(&client, "[data-testid=record-status]", "data-dirty")
            .await
            .as_deref()
            == Some("false")
    })
    .await;

    // Text in the second item, then away by the header: asked again; thrown away on purpose.
    open_item(&client, &items[1]).await;
    fill(&client, "#item-decision", "Tekst som skal forkastes.")
        .await
        .unwrap();
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait(&client, "[data-testid=leave-dialog]").await.unwrap();
    click(&client, "[data-testid=leave-discard]").await.unwrap();
    wait_screen(&client, "overview").await;

    // Nothing saved is lost, nothing thrown away comes back.
    click(&client, "[data-testid=open-council]").await.unwrap();
    click(&client, "[data-testid=open-meeting]").await.unwrap();
    wait_screen(&client, "meeting").await;
    open_item(&client, &items[1]).await;
    assert_eq!(value_of(&client, "#item-decision").await, "");
    client.close().await.unwrap();
    let store = open_store(&app.db);
    let detail = store.meeting_detail(&meeting_id, Lang::Nb).unwrap();
    assert_eq!(detail.items[0].decision, typed);
    assert_eq!(detail.items[1].decision, "");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_click_changes_one_step_after_a_question_and_the_step_can_be_undone() {
    let app = App::start();
    let date = Utc::now().date_naive().checked_add_days(Days::new(47)).unwrap();
    let (meeting_id, _) = council_with_meeting(&app, date, false);
    let client = app.launch().await;
    open_meeting(&client).await;

    // Before the meeting nothing is judged: no red list of what is missing, no quorum alarm.
    wait(&client, "[data-testid=checklist-pending]").await.unwrap();
    assert_eq!(count(&client, "[data-testid=missing]").await, 0);
    assert_eq!(count(&client, "[data-testid=quorum-badge]").await, 0);

    // A double click on "Send innkalling" asks once; nothing changes before the answer.
    double_click(&client, "[data-testid=send-notice]").await;
    wait_for_text(&client, "[data-testid=step-dialog]", "saksnummer").await;
    assert_eq!(count(&client, "[data-testid=step-dialog]").await, 1);
    assert_eq!(status(&client).await, "planned");
    // A double click on the answer sends once: the meeting is called, not held.
    double_click(&client, "[data-testid=confirm-step]").await;
    wait(&client, "[data-testid=meeting-status][data-status=notice_sent]")
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=confirmation]", "Innkallingen").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(status(&client).await, "notice_sent", "one step, not two");

    // Marking held 47 days early says so, and can be left undone.
    click(&client, "[data-testid=mark-held]").await.unwrap();
    let day = date.format("%d.%m.%Y").to_string();
    wait_for_text(
        &client,
        "[data-testid=step-warning]",
        &format!("Møtet er datert {day}, om"),
    )
    .await;
    cancel_step(&client).await;
    assert_eq!(status(&client).await, "notice_sent");

    // The notice is taken back, and sent again: the item keeps its number.
    let case = text_of(&client, "[data-testid=item-row] .item-link__case").await;
    assert!(case.starts_with("Sak 01/"), "{case}");
    click(&client, "[data-testid=undo-status]").await.unwrap();
    wait_for_text(&client, "[data-testid=step-dialog]", "Planlagt").await;
    confirm_step(&client).await;
    wait(&client, "[data-testid=meeting-status][data-status=planned]")
        .await
        .unwrap();
    click(&client, "[data-testid=send-notice]").await.unwrap();
    confirm_step(&client).await;
    wait(&client, "[data-testid=meeting-status][data-status=notice_sent]")
        .await
        .unwrap();
    assert_eq!(text_of(&client, "[data-testid=item-row] .item-link__case").await, case);

    // Held anyway, on purpose: then the checklist and quorum are judged.
    click(&client, "[data-testid=mark-held]").await.unwrap();
    confirm_step(&client).await;
    wait(&client, "[data-testid=meeting-status][data-status=held]")
        .await
        .unwrap();
    wait(&client, "[data-testid=missing]").await.unwrap();
    wait(&client, "[data-testid=quorum-badge]").await.unwrap();
    client.close().await.unwrap();

    let store = open_store(&app.db);
    let meeting = store.meeting_detail(&meeting_id, Lang::Nb).unwrap();
    assert_eq!(meeting.meeting.status, MeetingStatus::Held);
    let numbers: Vec<_> = meeting.items.iter().map(|i| i.case_label.clone()).collect();
    assert_eq!(
        numbers.iter().flatten().count(),
        2,
        "each item numbered once: {numbers:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn votes_beyond_those_present_are_answered_at_the_field() {
    let app = App::start();
    let (_, items) = council_with_meeting(&app, Utc::now().date_naive(), true);
    let client = app.launch().await;
    open_meeting(&client).await;
    for row in client
        .find_all(Locator::Css("[data-testid=attendance-row]"))
        .await
        .unwrap()
    {
        let id = row.attr("data-membership-id").await.unwrap().unwrap();
        let css = format!("[data-testid=attendance-row][data-membership-id='{id}']");
        click(&client, &format!("{css} [data-testid=attendance-present]"))
            .await
            .unwrap();
        wait_until("present", || async {
            attr(&client, &css, "data-status").await.as_deref() == Some("present")
        })
        .await;
    }
    open_item(&client, &items[0]).await;
    fill(&client, "#item-decision", "Vedtatt.").await.unwrap();
    fill(&client, "#votes-for", "12").await.unwrap();
    click(&client, "[data-testid=save-record]").await.unwrap();
    wait_for_text(&client, "#votes-for-error", "12 stemmer, men bare 3 kunne stemme").await;
    fill(&client, "#votes-for", "3").await.unwrap();
    click(&client, "[data-testid=save-record]").await.unwrap();
    wait_shown(&client, "the decision is saved", || async {
        attr(&client, "[data-testid=record-status]", "data-dirty")
            .await
            .as_deref()
            == Some("false")
    })
    .await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn every_fault_of_the_application_form_shows_at_once_in_plain_words() {
    let app = App::start();
    {
        let Seed { mut store, actor } = Seed::open(&app);
        store.load_demo(&actor, Utc::now().date_naive()).unwrap();
    }
    let client = app.launch().await;
    click(&client, "[data-testid=open-council]").await.unwrap();
    wait_screen(&client, "council").await;
    click(&client, "[data-testid=open-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    click(&client, "[data-testid=add-application]").await.unwrap();
    fill(&client, "#application-organisation", "Stavern båtforening")
        .await
        .unwrap();
    fill(&client, "#application-org-number", "123456789").await.unwrap();
    fill(&client, "#application-title", "Ny brygge").await.unwrap();
    fill(&client, "#application-amount", "tolv tusen").await.unwrap();
    fill(&client, "#application-project-budget", "40000").await.unwrap();
    fill(&client, "#application-received", "31.02.2026").await.unwrap();
    click(&client, "[data-testid=save-application]").await.unwrap();
    // One round: the day that does not exist, the org number and the amount together.
    wait_for_text(&client, "#application-received-error", "31. februar finnes ikke").await;
    assert!(!text_of(&client, "#application-org-number-error").await.is_empty());
    assert!(!text_of(&client, "#application-amount-error").await.is_empty());
    assert_eq!(count(&client, "dialog[open]").await, 1, "nothing was saved");
    client.close().await.unwrap();
}
