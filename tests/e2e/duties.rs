//! The yearly duties through the real UI: a council whose joint meeting with
//! the kommune is overdue shows so in the coordinator's overview; holding a
//! joint meeting today fulfils it; the open-meeting duty cannot be waived
//! without a reason and is waived with one; the annual report and the
//! calendar are exported.

use chrono::{Datelike, Duration, Local, NaiveDate};
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A council with three members and no meetings, made in the file before the
/// app starts. Its joint-meeting duty of `year` falls due yesterday, so it is
/// overdue whatever the time of year (on 1 January the due date is the last
/// day of the year before, and the duty still belongs to this year).
fn council_behind_on_its_joint_meeting(app: &App, year: i32, yesterday: NaiveDate) -> String {
    let mut seed = Seed::open(app);
    let council = seed.council(&CouncilInput {
        area: "Brunla og Nanset".into(),
        ..CouncilInput::named("Brunla grendeutvalg", SeatPlan::new(1, 1, 1, 0, 0))
    });
    seed.members(
        &council.id,
        &[
            ("Aslaug Fjeldstad", SeatCategory::SENIOR, Role::Leder, ""),
            ("Bror Kvamme", SeatCategory::SCHOOL, Role::Medlem, ""),
            ("Cathrine Ødegård", SeatCategory::SPORTS, Role::Nestleder, ""),
        ],
    );
    let Seed { mut store, actor } = seed;
    store
        .edit_duty(
            &actor,
            &council.id,
            year,
            &DutyKey::from("joint_meeting"),
            &DutyEdit::SetDue { due: Some(yesterday) },
            Lang::Nb,
        )
        .unwrap();
    council.id
}

/// Waits until the element's `data-status` is `status`.
async fn wait_status(client: &Client, css: &str, status: &str) {
    wait_until(&format!("{css} has data-status {status}"), || async {
        match client.find(Locator::Css(css)).await {
            Ok(e) => e.attr("data-status").await.ok().flatten().as_deref() == Some(status),
            Err(_) => false,
        }
    })
    .await;
}

async fn open_overview(client: &Client) {
    click(client, "[data-testid=open-overview]").await.unwrap();
    wait_screen(client, "overview").await;
}

fn exported(app: &App, extension: &str) -> Vec<std::path::PathBuf> {
    app.exported()
        .into_iter()
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(extension))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_overdue_joint_meeting_is_fulfilled_by_holding_one_and_a_waiver_needs_a_reason() {
    let app = App::start();
    let today = Local::now().date_naive();
    let year = today.year();
    let council_id = council_behind_on_its_joint_meeting(&app, year, today - Duration::days(1));
    let row = format!("[data-testid=overview-row][data-council-id='{council_id}']");
    let joint_tag = format!("{row} [data-testid=duty-tag][data-kind=joint_meeting]");
    let client = app.launch().await;

    // The overview opens on this year: the joint meeting is overdue, in text as well as colour.
    open_overview(&client).await;
    let chosen = wait(&client, "#overview-year")
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(chosen, Some(year.to_string()), "the overview opens on this year");
    wait_status(&client, &joint_tag, "overdue").await;
    wait_for_text(&client, &joint_tag, "Forfalt").await;
    assert_eq!(
        count(&client, &format!("{row} [data-testid=duty-tag]")).await,
        4,
        "one tag per duty"
    );
    wait_for_text(&client, &format!("{row} [data-testid=overview-seats]"), "3 av 3").await;

    // Behind: it stays under "only those falling behind"; a name that matches nothing hides it.
    click(&client, "[data-testid=filter-behind]").await.unwrap();
    wait(&client, &row).await.unwrap();
    fill(&client, "#overview-name", "Lyngvik").await.unwrap();
    wait(&client, "[data-testid=overview-no-match]").await.unwrap();
    assert_eq!(count(&client, &row).await, 0);
    fill(&client, "#overview-name", "brunla").await.unwrap();
    wait(&client, &row).await.unwrap();

    // The calendar of the year as .ics.
    click(&client, "[data-testid=export-calendar]").await.unwrap();
    wait_for_text(&client, "[data-testid=export-result]", "Kalenderen med").await;
    let ics = exported(&app, "ics");
    assert_eq!(ics.len(), 1, "one calendar: {ics:?}");
    let text = std::fs::read_to_string(&ics[0]).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR"), "an iCalendar file:\n{text}");
    assert!(
        text.contains("Brunla grendeutvalg"),
        "the calendar names the council:\n{text}"
    );

    // Hold a joint meeting with the kommune today, through the meeting screens.
    click(&client, &format!("{row} [data-testid=open-council]"))
        .await
        .unwrap();
    wait_screen(&client, "council").await;
    click(&client, "[data-testid=new-meeting]").await.unwrap();
    select(&client, "#meeting-kind", "joint").await.unwrap();
    fill(&client, "#meeting-date", &today.format("%d.%m.%Y").to_string())
        .await
        .unwrap();
    fill(&client, "#meeting-starts-at", "18:00").await.unwrap();
    fill(&client, "#meeting-place", "Larvik rådhus").await.unwrap();
    click(&client, "[data-testid=save-meeting]").await.unwrap();
    wait_screen(&client, "meeting").await;
    click(&client, "[data-testid=send-notice]").await.unwrap();
    confirm_step(&client).await;
    wait(&client, "[data-testid=mark-held]").await.unwrap();
    click(&client, "[data-testid=mark-held]").await.unwrap();
    confirm_step(&client).await;
    wait(&client, "[data-testid=approve-minutes]").await.unwrap();

    // Back in the overview the duty is fulfilled.
    open_overview(&client).await;
    wait_status(&client, &joint_tag, "fulfilled").await;
    wait_for_text(&client, &joint_tag, "Oppfylt").await;

    // On the council page: the joint meeting is the evidence, a link to the meeting.
    click(&client, &format!("{row} [data-testid=open-council]"))
        .await
        .unwrap();
    wait_screen(&client, "council").await;
    // The council is behind this year (in January the page offers last year first).
    select(&client, "#duties-year", &year.to_string()).await.unwrap();
    wait(&client, "[data-testid=duties-section]").await.unwrap();
    let joint_row = "[data-testid=duty-row][data-kind=joint_meeting]";
    let open_row = "[data-testid=duty-row][data-kind=open_meeting]";
    wait_status(&client, joint_row, "fulfilled").await;
    wait_for_text(
        &client,
        &format!("{joint_row} [data-testid=duty-evidence]"),
        "Fellesmøte med kommunen",
    )
    .await;
    assert_eq!(count(&client, "[data-testid=duty-row]").await, 4);

    // A waiver without a reason: the backend's message at the field, and nothing changes.
    let before = attr(&client, open_row, "data-status").await.unwrap();
    assert_ne!(before, "waived");
    click(&client, &format!("{open_row} [data-testid=waive-duty]"))
        .await
        .unwrap();
    wait(&client, "#waive-reason").await.unwrap();
    click(&client, "[data-testid=save-waiver]").await.unwrap();
    let error = wait(&client, "#waive-reason-error").await.unwrap();
    wait_until("the reason field shows its message", || async {
        error.text().await.map(|t| t.contains("Skriv hvorfor")).unwrap_or(false)
    })
    .await;
    assert_eq!(
        attr(&client, "#waive-reason", "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&client, open_row, "data-status").await.as_deref(),
        Some(before.as_str()),
        "a refused waiver changes nothing"
    );

    // With a reason: waived, and the reason is shown.
    let reason = "Grendelaget holdt åpent møte for hele bygda; utvalget var med der.";
    fill(&client, "#waive-reason", reason).await.unwrap();
    click(&client, "[data-testid=save-waiver]").await.unwrap();
    wait_status(&client, open_row, "waived").await;
    assert_eq!(count(&client, "#waive-reason").await, 0, "the dialog closes");
    wait_for_text(&client, &format!("{open_row} [data-testid=waived-reason]"), reason).await;
    wait(&client, &format!("{open_row} [data-testid=unwaive-duty]"))
        .await
        .unwrap();

    // The annual report: a PDF in the export folder, and the duty is fulfilled.
    click(&client, "[data-testid=export-annual-report]").await.unwrap();
    wait_for_text(&client, "[data-testid=export-result]", "Årsmeldingen er lagret").await;
    wait_status(&client, "[data-testid=duty-row][data-kind=annual_report]", "fulfilled").await;
    assert_eq!(exported(&app, "pdf").len(), 1, "one annual report");
    screenshot(&client, &app.dir.path().join("duties.png")).await;

    // The evidence link opens the meeting.
    click(&client, &format!("{joint_row} [data-testid=duty-evidence]"))
        .await
        .unwrap();
    wait_screen(&client, "meeting").await;
    client.close().await.unwrap();

    let store = open_store(&app.db);
    let duties = store.duties(&council_id, year, today, Lang::Nb).unwrap();
    let of = |kind: &str| duties.iter().find(|d| d.kind == kind).unwrap();
    assert_eq!(of("joint_meeting").status, DutyStatus::Fulfilled);
    assert_eq!(of("joint_meeting").due, today - Duration::days(1));
    assert_eq!(of("open_meeting").status, DutyStatus::Waived);
    assert_eq!(of("open_meeting").waived_reason.as_deref(), Some(reason));
    assert_eq!(of("annual_report").status, DutyStatus::Fulfilled);
    assert_eq!(store.annual_reports(&council_id, year).unwrap().len(), 1);
}
