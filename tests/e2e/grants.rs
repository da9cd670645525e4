//! A grant round through the real UI: create a scheme, take in two
//! applications (one from a member's own organisation), see that member shown
//! inhabil and unable to score it, score the other from the keyboard, decide
//! both under the meeting's vedtak item, and export the grant letter.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

struct Seeded {
    members: Vec<Membership>,
    item_id: String,
}

/// A council of three with a meeting whose notice is sent (so its vedtak item
/// has its case number), made in the file before the app starts.
fn council_with_meeting(app: &App) -> Seeded {
    let mut seed = Seed::open(app);
    let (council, members) = seed.stavern(SeatPlan::new(1, 1, 1, 0, 0), 3);
    let date = Utc::now().date_naive() + Duration::days(7);
    let meeting = seed.meeting(&new_meeting(
        &council.id,
        MeetingKind::ORDINARY,
        date,
        "Stavern grendehus",
    ));
    let item_id = seed.item(
        &meeting.id,
        &new_item(ItemKind::Vedtak, "Fordeling av nærmiljøtilskudd"),
    );
    seed.store.send_notice(&seed.actor, &meeting.id).unwrap();
    Seeded { members, item_id }
}

/// Types one key into whatever has focus, as a person at the keyboard does.
async fn press(client: &Client, key: &str) {
    client.active_element().await.unwrap().send_keys(key).await.unwrap();
}

async fn add_application(client: &Client, fields: &[(&str, &str)]) {
    let before = count(client, "[data-testid=committee-row]").await;
    click(client, "[data-testid=add-application]").await.unwrap();
    for (id, value) in fields {
        fill(client, &format!("#application-{id}"), value).await.unwrap();
    }
    click(client, "[data-testid=save-application]").await.unwrap();
    wait_count(
        client,
        "the application is in the committee's table",
        "[data-testid=committee-row]",
        before + 1,
    )
    .await;
}

/// The id of the committee row whose text contains `organisation`.
async fn application_id(client: &Client, organisation: &str) -> String {
    for row in client
        .find_all(Locator::Css("[data-testid=committee-row]"))
        .await
        .unwrap()
    {
        if row.text().await.unwrap().contains(organisation) {
            return row.attr("data-application-id").await.unwrap().unwrap();
        }
    }
    panic!("no committee row for {organisation}");
}

async fn open_application(client: &Client, id: &str) {
    click(
        client,
        &format!("[data-testid=committee-row][data-application-id='{id}'] [data-testid=open-application]"),
    )
    .await
    .unwrap();
    wait_screen(client, "application").await;
}

async fn decide(client: &Client, amount: &str, reasons: &str, item_id: &str) {
    fill(client, "#decision-granted", amount).await.unwrap();
    fill(client, "#decision-reasons", reasons).await.unwrap();
    select(client, "#decision-item", item_id).await.unwrap();
    click(client, "[data-testid=decide]").await.unwrap();
    wait(client, "[data-testid=decision-summary]").await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_grant_round_is_run_through_the_ui_and_the_letter_exported() {
    let app = App::start();
    let Seeded { members, item_id } = council_with_meeting(&app);
    let cathrine = &members[2];
    let year = Utc::now().year();
    let yy = year % 100;
    let client = app.launch_at_council().await;

    // A new scheme; a budget typed with a full stop is refused at its field.
    click(&client, "[data-testid=new-scheme]").await.unwrap();
    fill_fields(
        &client,
        &[
            ("#scheme-name", &format!("Nærmiljøtilskudd {year}")),
            ("#scheme-year", &year.to_string()),
            ("#scheme-budget", "100.000"),
            ("#scheme-deadline", &format!("01.03.{year}")),
            ("#scheme-report-deadline", &format!("01.11.{year}")),
            ("#criterion-name-0", "Nytte for nærmiljøet"),
            ("#criterion-weight-0", "2"),
        ],
    )
    .await;
    click(&client, "[data-testid=add-criterion]").await.unwrap();
    // A click lost under load leaves no second row: press once more then.
    if wait(&client, "#criterion-name-1").await.is_err() {
        click(&client, "[data-testid=add-criterion]").await.unwrap();
    }
    fill_fields(
        &client,
        &[
            ("#criterion-name-1", "Gjennomførbarhet"),
            ("#criterion-weight-1", "1"),
            ("#scheme-appeal-address", "Postboks 4, 3251 Larvik"),
            ("#scheme-appeal-body", "Larvik kommunes klagenemnd"),
        ],
    )
    .await;
    click(&client, "[data-testid=save-scheme]").await.unwrap();
    wait(&client, "#scheme-budget-error").await.unwrap();
    assert_eq!(
        attr(&client, "#scheme-budget", "aria-invalid").await.as_deref(),
        Some("true")
    );
    fill(&client, "#scheme-budget", "100 000").await.unwrap();
    click(&client, "[data-testid=save-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    wait_for_text(&client, "[data-testid=budget-total]", "kr 100 000").await;

    // Two applications: the first from Cathrine's own organisation.
    add_application(
        &client,
        &[
            ("organisation", "Stavern idrettslag"),
            ("title", "Nye mål til kunstgresset"),
            ("amount", "20 000"),
            ("project-budget", "60 000"),
            ("received", &format!("15.02.{year}")),
        ],
    )
    .await;
    add_application(
        &client,
        &[
            ("organisation", "Agnes vel"),
            ("org-number", "974 760 673"),
            ("contact", "Jon Agnes"),
            ("email", "agnesvel@example.no"),
            ("title", "Benker i Agnes"),
            ("amount", "12 500,50"),
            ("project-budget", "30 000"),
            ("received", &format!("20.02.{year}")),
        ],
    )
    .await;
    let sports = application_id(&client, "Stavern idrettslag").await;
    let agnes = application_id(&client, "Agnes vel").await;
    let sports_row = format!("[data-testid=committee-row][data-application-id='{sports}']");
    wait_for_text(
        &client,
        &format!("{sports_row} [data-testid=row-inhabil]"),
        "Cathrine Ødegård",
    )
    .await;

    // On the sports club's page Cathrine is inhabil and has no cells to score in.
    open_application(&client, &sports).await;
    let cathrine_row = format!("[data-testid=review-row][data-membership-id='{}']", cathrine.id);
    assert_eq!(
        attr(&client, &cathrine_row, "data-inhabil").await.as_deref(),
        Some("true")
    );
    wait_for_text(&client, &cathrine_row, "Stavern idrettslag").await;
    assert_eq!(
        count(&client, &format!("{cathrine_row} [data-testid=score-cell]")).await,
        0,
        "an inhabil member has no score cells"
    );
    assert_eq!(
        count(&client, "[data-testid=score-cell]").await,
        4,
        "two members × two criteria"
    );

    decide(
        &client,
        "15 000",
        "Tiltaket kommer mange barn og unge til gode. Budsjettet rekker ikke til hele beløpet.",
        &item_id,
    )
    .await;
    wait_for_text(&client, "[data-testid=decision-summary]", "kr 15 000").await;
    wait_for_text(&client, "[data-testid=decision-summary]", &format!("Sak 01/{yy:02}")).await;

    // The grant letter: one PDF in the export folder with the amount and the case number.
    click(&client, "[data-testid=export-letter]").await.unwrap();
    wait(&client, "[data-testid=export-result]").await.unwrap();
    wait(&client, "[data-testid=letter-row]").await.unwrap();
    let files = app.exported();
    assert_eq!(files.len(), 1, "one exported file: {files:?}");
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("pdf"));
    let text = pdf_text(&files[0]);
    for expected in ["kr 15 000", &format!("Sak 01/{yy:02}"), "Stavern idrettslag"] {
        assert!(text.contains(expected), "the letter lacks {expected:?}:\n{text}");
    }
    click(&client, "[data-testid=mark-letter-sent]").await.unwrap();
    wait(&client, "[data-testid=letter-sent]").await.unwrap();

    // Agnes vel, scored from the keyboard: type the score, the focus moves on, Enter saves the row.
    click(&client, "[data-testid=back-to-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    open_application(&client, &agnes).await;
    let aslaug = &members[0];
    let bror = &members[1];
    click(
        &client,
        &format!("[data-testid=score-cell][data-membership-id='{}']", aslaug.id),
    )
    .await
    .unwrap();
    let enter = char::from(Key::Enter).to_string();
    for key in ["4", "3", &enter] {
        press(&client, key).await;
    }
    let bror_first = format!("[data-testid=score-cell][data-membership-id='{}']", bror.id);
    wait_until("the focus moves to the next member's first cell", || async {
        let active = client.active_element().await.unwrap();
        let first = client.find(Locator::Css(&bror_first)).await.unwrap();
        active.attr("id").await.ok().flatten() == first.attr("id").await.ok().flatten()
    })
    .await;
    for key in ["5", "4", &enter] {
        press(&client, key).await;
    }
    // (4·2 + 3·1)/3 and (5·2 + 4·1)/3: a mean of 4,17.
    wait_for_text(&client, "[data-testid=weighted-score]", "4,2").await;
    let aslaug_row = format!("[data-testid=review-row][data-membership-id='{}']", aslaug.id);
    wait_for_text(&client, &format!("{aslaug_row} [data-testid=member-weighted]"), "3,7").await;

    decide(
        &client,
        "10 000",
        "Utvalget støtter benkene, men ikke blomsterkassene.",
        &item_id,
    )
    .await;

    // The scheme's table and budget bar show both decisions.
    click(&client, "[data-testid=back-to-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    wait_for_text(&client, "[data-testid=budget-granted]", "kr 25 000").await;
    wait_for_text(&client, "[data-testid=budget-left]", "kr 75 000").await;
    let agnes_row = format!("[data-testid=committee-row][data-application-id='{agnes}']");
    assert_eq!(
        attr(&client, &agnes_row, "data-status").await.as_deref(),
        Some("partly_granted")
    );
    wait_for_text(&client, &format!("{agnes_row} [data-testid=row-score]"), "4,2").await;
    screenshot(&client, &app.dir.path().join("scheme.png")).await;

    let store = app.quit(client).await;
    let today = Utc::now().date_naive();
    let detail = store.application_detail(&sports, today).unwrap();
    let decision = detail.application.decision.expect("decided");
    assert_eq!(decision.granted_ore, 1_500_000);
    assert_eq!(decision.item_id, item_id);
    assert!(detail.application.letter_sent.is_some());
    assert_eq!(detail.letters.len(), 1, "the letter is archived");
    let agnes_detail = store.application_detail(&agnes, today).unwrap();
    assert_eq!(agnes_detail.application.amount_asked_ore, 1_250_050);
    assert_eq!(agnes_detail.application.status, ApplicationStatus::PartlyGranted);
}

/// The council of three with its meeting held — everyone present, the end
/// time set — and a scheme with two applications: one from Cathrine's club.
/// Returns the seeded council, the meeting's id and the two applications.
fn grant_round(app: &App) -> (Seeded, String, [String; 2]) {
    let seeded = council_with_meeting(app);
    let mut seed = Seed::open(app);
    let council_id = seeded.members[0].council_id.clone();
    let meeting = seed.store.meetings_of_council(&council_id).unwrap()[0].id.clone();
    seed.hold(&meeting, seeded.members.iter().map(|m| m.id.as_str()));
    // The leader chairs (she represents no applicant); the clerk takes the minutes.
    seed.roles(&meeting, &seeded.members[0].id, (None, "Ingrid Haugland"));
    let mut input = seed.store.meeting_detail(&meeting, Lang::Nb).unwrap().meeting.input();
    input.ends_at = chrono::NaiveTime::from_hms_opt(20, 0, 0);
    seed.store.update_meeting(&seed.actor, &meeting, &input).unwrap();
    let year = Utc::now().year();
    let scheme = seed.scheme(&SchemeInput {
        enkeltvedtak: true,
        appeal_body: "Larvik kommunes klagenemnd".into(),
        appeal_address: "Postboks 4, 3251 Larvik".into(),
        ..new_scheme(
            &council_id,
            year,
            &format!("Nærmiljøtilskudd {year}"),
            "100 000",
            NaiveDate::from_ymd_opt(year, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(year, 11, 1).unwrap(),
            &[("Nytte for nærmiljøet", 1)],
        )
    });
    let applications = [
        ("Stavern idrettslag", "Nye mål til kunstgresset"),
        ("Agnes vel", "Benker i Agnes"),
    ]
    .map(|(organisation, title)| {
        let received = NaiveDate::from_ymd_opt(year, 2, 15).unwrap();
        seed.application(&ApplicationInput {
            contact_name: "Siri Søker".into(),
            email: "siri@example.no".into(),
            ..new_application(&scheme.id, organisation, title, "20 000", "40 000", received)
        })
        .id
    });
    (seeded, meeting, applications)
}

/// The decision card of an application inside the grant item.
fn card(application: &str) -> String {
    format!("[data-testid=decision][data-application-id='{application}']")
}

/// Records a decision's text and votes for (none: "unanimous", one click),
/// and waits until it is stored.
async fn record_in_card(client: &Client, application: &str, text: &str, votes_for: Option<&str>) {
    let id = attr(client, &card(application), "data-decision-id").await.unwrap();
    fill(client, &format!("#decision-text-{id}"), text).await.unwrap();
    match votes_for {
        Some(n) => fill(client, &format!("#decision-for-{id}"), n).await.unwrap(),
        None => {
            let unanimous = format!("{} [data-testid=decision-unanimous]", card(application));
            click(client, &unanimous).await.unwrap();
        }
    }
    click(client, &format!("{} [data-testid=save-decision]", card(application)))
        .await
        .unwrap();
    let organisation = text.split(" får ").next().unwrap();
    wait_until("the decision is saved", || async {
        let said = text_of(client, "[data-testid=confirmation]").await;
        said.contains("er lagret") && said.contains(organisation)
    })
    .await;
}

async fn add_decision_for(client: &Client, application: &str) {
    select(client, "#decision-application", application).await.unwrap();
    click(client, "[data-testid=add-decision]").await.unwrap();
    wait(client, &card(application)).await.unwrap();
    wait_until("the decision is added", || async {
        text_of(client, "[data-testid=confirmation]")
            .await
            .contains("er lagt til i saken")
    })
    .await;
    // The form is emptied for the next one, and no longer offers this application.
    let offered = format!("#decision-application option[value='{application}']");
    wait_until("the form is ready for the next decision", || async {
        count(client, &offered).await == 0
            && attr(client, "#decision-application", "value").await.as_deref() == Some("")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_grant_round_item_decides_each_application_with_its_own_inhabil_members_and_is_approved() {
    let app = App::start();
    let (Seeded { members, item_id }, _meeting, [sports, agnes]) = grant_round(&app);
    let cathrine = &members[2];
    let client = app.launch_at_meeting().await;
    click(&client, &format!("[data-testid=item-row][data-item-id='{item_id}']"))
        .await
        .unwrap();
    wait(&client, "[data-testid=decisions]").await.unwrap();

    // One decision per application. Cathrine represents the sports club: the
    // app proposes that she leaves for that decision, and only for that one.
    add_decision_for(&client, &sports).await;
    add_decision_for(&client, &agnes).await;
    let proposed = format!("{} [data-testid=proposed-inhabil]", card(&sports));
    wait_for_text(&client, &proposed, "Cathrine Ødegård").await;
    assert_eq!(
        count(&client, &format!("{} [data-testid=proposed-inhabil]", card(&agnes))).await,
        0,
        "nobody is inhabil for Agnes vel"
    );
    click(&client, &format!("{} [data-testid=confirm-inhabil]", card(&sports)))
        .await
        .unwrap();
    wait_for_text(
        &client,
        &format!("{} [data-testid=decision-inhabil]", card(&sports)),
        "Cathrine Ødegård",
    )
    .await;
    // Two of three seats could vote on the sports club's decision: quorate.
    let quorum = format!("{} [data-testid=quorum]", card(&sports));
    wait_for_text(&client, &quorum, "2").await;
    assert_eq!(attr(&client, &quorum, "data-quorate").await.as_deref(), Some("true"));

    // Votes beyond those who could vote are refused at the field.
    let sports_id = attr(&client, &card(&sports), "data-decision-id").await.unwrap();
    fill(&client, &format!("#decision-for-{sports_id}"), "3").await.unwrap();
    click(&client, &format!("{} [data-testid=save-decision]", card(&sports)))
        .await
        .unwrap();
    wait(&client, &format!("#decision-for-{sports_id}-error"))
        .await
        .unwrap();
    record_in_card(&client, &sports, "Stavern idrettslag får kr 15 000.", Some("2")).await;
    record_in_card(&client, &agnes, "Agnes vel får kr 10 000.", None).await;
    wait(&client, "[data-testid=complete]").await.unwrap();
    screenshot(&client, &app.dir.path().join("grant-round.png")).await;

    // Approve with two signatories: the protocol is locked.
    approve_minutes(&client, &members[0].id, &members[1].id).await;

    let store = app.quit(client).await;
    let council = &store.find_councils("Stavern").unwrap()[0];
    let meeting = &store.meetings_of_council(&council.id).unwrap()[0];
    assert_eq!(meeting.status, MeetingStatus::Approved);
    let detail = store.meeting_detail(&meeting.id, Lang::Nb).unwrap();
    let decisions = &detail.items[0].decisions;
    assert_eq!(decisions.len(), 2);
    assert!(detail.items[0].inhabil_members.is_empty(), "nobody left the whole item");
    let left: Vec<Vec<&str>> = decisions
        .iter()
        .map(|d| d.inhabil_members.iter().map(|r| r.membership_id.as_str()).collect())
        .collect();
    assert_eq!(left, [vec![cathrine.id.as_str()], vec![]]);
    assert_eq!(decisions.iter().map(|d| d.quorum.voting).collect::<Vec<_>>(), [2, 3]);
    // The approved minutes say, per application, who left and how the vote went.
    let (_, bytes) = store
        .final_minutes(&meeting.id)
        .unwrap()
        .expect("the approved minutes are archived");
    let path = app.dir.path().join("minutes.pdf");
    std::fs::write(&path, bytes).unwrap();
    let flat = pdf_text_flat(&path);
    for expected in [
        "Cathrine Ødegård fratrådte under behandlingen. Grunn: Representerer søkeren Stavern idrettslag",
        "Votering: Enstemmig (2 for)",
        "Agnes vel får kr 10 000.",
        "Votering: Enstemmig (3 for)",
        "Fratrådte: Ingen",
    ] {
        assert!(flat.contains(expected), "the minutes lack {expected:?}:\n{flat}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_who_met_from_a_later_item_is_not_counted_for_the_earlier_one() {
    let app = App::start();
    let (Seeded { members, item_id }, meeting, _) = grant_round(&app);
    let (later, next_meeting) = {
        let mut seed = Seed::open(&app);
        let mut next = seed.store.meeting_detail(&meeting, Lang::Nb).unwrap().meeting.input();
        next.date += Duration::days(28);
        next.ends_at = None;
        let next = seed.meeting(&next).id;
        let later = seed.item(&meeting, &new_item(ItemKind::Vedtak, "Benker i parken"));
        (later, next)
    };
    let client = app.launch_at_council().await;
    click(
        &client,
        &format!("[data-testid=meeting-row][data-meeting-id='{meeting}'] [data-testid=open-meeting]"),
    )
    .await
    .unwrap();
    wait_screen(&client, "meeting").await;
    let badge = |id: &str| format!("[data-testid=item-row][data-item-id='{id}'] [data-testid=quorum-badge]");
    wait(&client, &badge(&item_id)).await.unwrap();
    assert_eq!(
        attr(&client, &badge(&item_id), "data-quorate").await.as_deref(),
        Some("true")
    );
    // Bror and Cathrine met from the second item: the first had one of three seats.
    for m in &members[1..] {
        let row = format!("[data-testid=attendance-row][data-membership-id='{}']", m.id);
        select(&client, &format!("{row} [data-testid=attendance-from]"), &later)
            .await
            .unwrap();
        wait_until("the arrival is saved", || async {
            text_of(&client, "[data-testid=confirmation]")
                .await
                .contains(&m.person.name)
        })
        .await;
    }
    wait_until("the first item is no longer quorate", || async {
        attr(&client, &badge(&item_id), "data-quorate").await.as_deref() == Some("false")
    })
    .await;
    assert_eq!(
        attr(&client, &badge(&later), "data-quorate").await.as_deref(),
        Some("true")
    );
    screenshot(&client, &app.dir.path().join("arrivals.png")).await;

    // The first item is minuted as not decided, and put on the next meeting.
    click(&client, &format!("[data-testid=item-row][data-item-id='{item_id}']"))
        .await
        .unwrap();
    select(&client, "#carry-over-meeting", &next_meeting).await.unwrap();
    click(&client, "[data-testid=carry-over-item]").await.unwrap();
    wait_until("the item is put on the next meeting", || async {
        text_of(&client, "[data-testid=confirmation]")
            .await
            .contains("er satt opp på møtet")
    })
    .await;

    let store = app.quit(client).await;
    let detail = store.meeting_detail(&meeting, Lang::Nb).unwrap();
    let row = detail
        .attendance
        .iter()
        .find(|r| r.membership_id == members[1].id)
        .unwrap();
    assert_eq!(row.from_item.as_deref(), Some(later.as_str()));
    assert!(row.span.starts_with("møtte fra sak 02/"), "{}", row.span);
    assert!(detail
        .missing
        .iter()
        .any(|m| m.kind == MissingKind::Quorum && !m.blocking && m.message.contains("ikke avgjort")));
    let next = store.meeting_detail(&next_meeting, Lang::Nb).unwrap();
    assert_eq!(next.items.len(), 1);
    assert_eq!(next.items[0].title, "Fordeling av nærmiljøtilskudd");
    assert!(
        next.items[0].background.starts_with("Utsatt fra møtet"),
        "{}",
        next.items[0].background
    );
}

/// A second meeting of the council, its notice sent, with an orientation
/// item that cannot carry a grant decision and a vedtak item with a long
/// title that can. Returns the two items' ids.
fn later_meeting(app: &App, council_id: &str) -> (String, String) {
    let mut seed = Seed::open(app);
    let meeting = seed.meeting(&new_meeting(
        council_id,
        MeetingKind::ORDINARY,
        Utc::now().date_naive() + Duration::days(28),
        "Stavern grendehus",
    ));
    let [orientation, vedtak] = [
        (ItemKind::Orientering, "Godkjenning av innkalling og saksliste"),
        (
            ItemKind::Vedtak,
            "Tildeling av restmidler til lag og foreninger som søkte etter fristen",
        ),
    ]
    .map(|(kind, title)| seed.item(&meeting.id, &new_item(kind, title)));
    seed.store.send_notice(&seed.actor, &meeting.id).unwrap();
    (orientation, vedtak)
}

/// Picks an option of a `<select>` in the page, as React hears a person do
/// it (at 125 % WebKit's driver cannot reach the options).
async fn choose(client: &Client, css: &str, value: &str) {
    wait(client, &format!("{css} option[value='{value}']")).await.unwrap();
    client
        .execute(
            "const s = document.querySelector(arguments[0]);
             Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, arguments[1]);
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_proposed_inhabil_is_overruled_with_a_reason_and_only_deciding_items_are_offered() {
    let app = App::start_with(&[("GRENDEBOK_ZOOM", "1.25".as_ref())]);
    let (Seeded { members, item_id }, meeting, [sports, agnes]) = grant_round(&app);
    let (orientation, later_vedtak) = later_meeting(&app, &members[0].council_id);
    let cathrine = &members[2];
    let reason = "Vanlig medlem i idrettslaget, ikke i styret";
    let yy = Utc::now().year() % 100;
    // WebKit's driver aims its pointer in unzoomed pixels: at 125 % the
    // buttons are pressed in the page (see the layout test).
    use crate::layout::press as tap;
    let client = app.launch().await;
    // A 13-inch laptop read at 125 %.
    let mut survey = crate::layout::Survey::of_window(&app, &client, 1024, 640, "1.25").await;
    tap(&client, "[data-testid=open-council]").await;
    wait_screen(&client, "council").await;
    tap(&client, "[data-testid=open-scheme]").await;
    wait_screen(&client, "scheme").await;
    tap(
        &client,
        &format!("[data-testid=committee-row][data-application-id='{sports}'] [data-testid=open-application]"),
    )
    .await;
    wait_screen(&client, "application").await;

    // Cathrine represents the sports club: proposed inhabil, no cells to score in.
    let cathrine_row = format!("[data-testid=review-row][data-membership-id='{}']", cathrine.id);
    assert_eq!(
        attr(&client, &cathrine_row, "data-inhabil").await.as_deref(),
        Some("true")
    );
    tap(&client, &format!("{cathrine_row} [data-testid=overrule-inhabil]")).await;
    wait(&client, "dialog[open] #overrule-reason").await.unwrap();
    // Without a reason the core refuses it, and says so at the field.
    tap(&client, "[data-testid=confirm-overrule]").await;
    wait_for_text(
        &client,
        "#overrule-reason-error",
        "Skriv hvorfor medlemmet ikke er inhabil.",
    )
    .await;
    survey.check(&client, "overrule dialog").await;
    fill(&client, "#overrule-reason", reason).await.unwrap();
    tap(&client, "[data-testid=confirm-overrule]").await;
    wait_for_text(&client, &format!("{cathrine_row} [data-testid=overruled-note]"), reason).await;
    assert_eq!(
        attr(&client, &cathrine_row, "data-inhabil").await.as_deref(),
        Some("false")
    );
    assert_eq!(
        count(&client, &format!("{cathrine_row} [data-testid=score-cell]")).await,
        1,
        "found not inhabil, she scores the one criterion"
    );
    // Withdrawn, the proposal stands again; overruled once more.
    tap(&client, &format!("{cathrine_row} [data-testid=withdraw-overrule]")).await;
    wait_until("the proposal stands again", || async {
        attr(&client, &cathrine_row, "data-inhabil").await.as_deref() == Some("true")
    })
    .await;
    tap(&client, &format!("{cathrine_row} [data-testid=overrule-inhabil]")).await;
    fill(&client, "#overrule-reason", reason).await.unwrap();
    tap(&client, "[data-testid=confirm-overrule]").await;
    wait_for_text(&client, &format!("{cathrine_row} [data-testid=overruled-note]"), reason).await;

    // "Vedtatt i sak" offers the vedtak items of the council's open meetings,
    // each with its case number and title — never the orientation item.
    wait(&client, "#decision-item").await.unwrap();
    let mut offered = Vec::new();
    for option in client.find_all(Locator::Css("#decision-item option")).await.unwrap() {
        let value = option.attr("value").await.unwrap().unwrap_or_default();
        if !value.is_empty() {
            let text = option.text().await.unwrap();
            offered.push((value, text));
        }
    }
    let values: Vec<&str> = offered.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, [item_id.as_str(), later_vedtak.as_str()], "{offered:?}");
    assert!(!values.contains(&orientation.as_str()));
    assert!(
        offered[0].1.contains(&format!("Sak 01/{yy:02}")) && offered[0].1.contains("Fordeling av nærmiljøtilskudd"),
        "{offered:?}"
    );
    assert!(
        offered[1]
            .1
            .contains("Tildeling av restmidler til lag og foreninger som søkte etter fristen"),
        "{offered:?}"
    );
    // The item chosen is said in full under the select, however long its title.
    choose(&client, "#decision-item", &later_vedtak).await;
    wait_for_text(
        &client,
        "[data-testid=decision-item-chosen]",
        "Tildeling av restmidler til lag og foreninger som søkte etter fristen (",
    )
    .await;
    survey
        .check(&client, "application with a member found not inhabil")
        .await;

    // The committee's table says who was found not inhabil, and why.
    tap(&client, "[data-testid=back-to-scheme]").await;
    wait_screen(&client, "scheme").await;
    let sports_row = format!("[data-testid=committee-row][data-application-id='{sports}']");
    wait_for_text(
        &client,
        &format!("{sports_row} [data-testid=row-overruled]"),
        &format!("Cathrine Ødegård: ikke inhabil ({reason})"),
    )
    .await;
    survey.check(&client, "scheme with a member found not inhabil").await;

    // In the meeting she is not proposed to leave, and the card says why she votes.
    tap(&client, "[data-testid=back-to-council]").await;
    wait_screen(&client, "council").await;
    tap(
        &client,
        &format!("[data-testid=meeting-row][data-meeting-id='{meeting}'] [data-testid=open-meeting]"),
    )
    .await;
    wait_screen(&client, "meeting").await;
    tap(&client, &format!("[data-testid=item-row][data-item-id='{item_id}']")).await;
    wait(&client, "[data-testid=decisions]").await.unwrap();
    for application in [&sports, &agnes] {
        choose(&client, "#decision-application", application).await;
        tap(&client, "[data-testid=add-decision]").await;
        wait(&client, &card(application)).await.unwrap();
    }
    wait_for_text(
        &client,
        &format!("{} [data-testid=decision-overruled]", card(&sports)),
        &format!("Cathrine Ødegård representerer søkeren, men utvalget fant at medlemmet ikke er inhabil: {reason}"),
    )
    .await;
    // Waited for and scrolled to the middle of the window.
    visible(&client, &format!("{} [data-testid=decision-overruled]", card(&sports)))
        .await
        .unwrap();
    screenshot(&client, &app.dir.path().join("decision-overruled.png")).await;
    assert_eq!(
        count(&client, &format!("{} [data-testid=proposed-inhabil]", card(&sports))).await,
        0,
        "a member found not inhabil is not proposed to leave"
    );
    survey.check(&client, "meeting with a member found not inhabil").await;
    let store = app.quit(client).await;
    survey.assert_clean();

    // The overruling and its withdrawal are in the audit log.
    let field = format!("inhabilOverruled.{}", cathrine.id);
    let log = store.audit_log(Some(&sports)).unwrap();
    let changes: Vec<(Option<&str>, Option<&str>)> = log
        .iter()
        .filter(|e| e.field == field)
        .map(|e| (e.old.as_deref(), e.new.as_deref()))
        .collect();
    assert_eq!(changes.len(), 3, "{changes:?}");
    assert!(changes.contains(&(Some(reason), None)), "{changes:?}");
}
