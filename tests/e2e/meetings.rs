//! A meeting held through the real UI: plan it, put two items on the agenda,
//! send the notice, register attendance, choose the chair and the
//! minute-taker, record one member as inhabil, an alternative proposal voted
//! down and a decision, export the minutes, and approve and lock them.

use chrono::{Datelike, Utc};
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A council of five seats with five members, made in the file before the app starts.
fn council_with_members(app: &App) -> (String, Vec<Membership>) {
    let mut seed = Seed::open(app);
    let (council, members) = seed.stavern(SeatPlan::new(1, 1, 1, 1, 1), 5);
    (council.id, members)
}

async fn add_item(client: &Client, kind: &str, title: &str, proposal: &str) {
    let before = count(client, "[data-testid=item-row]").await;
    type_item(client, kind, title, proposal).await;
    wait_count(
        client,
        &format!("{title} is on the agenda"),
        "[data-testid=item-row]",
        before + 1,
    )
    .await;
}

async fn open_item(client: &Client, index: usize) {
    let rows = client.find_all(Locator::Css("[data-testid=item-row]")).await.unwrap();
    let id = rows[index].attr("data-item-id").await.unwrap().unwrap();
    rows[index].click().await.unwrap();
    wait_until("the item is selected", || async {
        match client
            .find(Locator::Css(&format!("[data-testid=item-row][data-item-id='{id}']")))
            .await
        {
            Ok(row) => row.attr("aria-current").await.ok().flatten().as_deref() == Some("true"),
            Err(_) => false,
        }
    })
    .await;
}

async fn record_decision(client: &Client, text: &str) {
    fill(client, "#item-decision", text).await.unwrap();
    save_record(client).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_meeting_is_held_through_the_ui_and_its_minutes_exported_and_locked() {
    let app = App::start();
    let (_council_id, members) = council_with_members(&app);
    let client = app.launch_at_council().await;

    // Plan the meeting.
    let year = Utc::now().year();
    plan_meeting(&client, &format!("12.03.{year}"), "18:00", "Stavern grendehus").await;
    wait(&client, "[data-testid=add-item]").await.unwrap();

    add_item(
        &client,
        "vedtak",
        "Tilskudd til Stavern idrettslag",
        "Idrettslaget får kr 15 000.",
    )
    .await;
    add_item(&client, "orientering", "Nytt fra kommunen", "").await;

    // The notice numbers the items; then the meeting is held.
    click(&client, "[data-testid=send-notice]").await.unwrap();
    confirm_step(&client).await;
    let yy = year % 100;
    wait_for_text(&client, "main", &format!("Sak 01/{yy:02}")).await;
    wait_for_text(&client, "main", &format!("Sak 02/{yy:02}")).await;
    click(&client, "[data-testid=mark-held]").await.unwrap();
    confirm_step(&client).await;
    wait(&client, "[data-testid=approve-minutes]").await.unwrap();

    // Everyone is present.
    let ids: Vec<&str> = members.iter().map(|m| m.id.as_str()).collect();
    mark_present(&client, &ids).await;

    // Aslaug (leder) chairs; the kommune's clerk, who is no member, takes the minutes.
    select(&client, "#meeting-chair", &members[0].id).await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "Møteleder og protokollfører er lagret.",
    )
    .await;
    select(&client, "#minute-taker", "__other").await.unwrap();
    fill(&client, "#minute-taker-name", "Ingrid Haugland").await.unwrap();
    click(&client, "[data-testid=save-minute-taker]").await.unwrap();
    wait_until("the minute-taker is saved", || async {
        // The chair is kept while the minute-taker is saved.
        let chair = match client.find(Locator::Css("#meeting-chair")).await {
            Ok(e) => e.prop("value").await.ok().flatten(),
            Err(_) => None,
        };
        chair.as_deref() == Some(members[0].id.as_str()) && count(&client, "[data-testid=confirmation]").await > 0
    })
    .await;
    screenshot(&client, &app.dir.path().join("meeting-roles.png")).await;

    // Cathrine chairs the applicant: she is inhabil on the grant and leaves.
    open_item(&client, 0).await;
    let cathrine = &members[2];
    select(&client, "#inhabil-member", &cathrine.id).await.unwrap();
    fill(&client, "#inhabil-reason", "Styreleder i Stavern idrettslag")
        .await
        .unwrap();
    click(&client, "[data-testid=add-inhabil]").await.unwrap();
    wait_for_text(&client, "[data-testid=inhabil]", "Cathrine Ødegård").await;
    // Four of five can vote; three are needed.
    wait_for_text(&client, "[data-testid=quorum]", "4").await;
    assert_eq!(
        attr(&client, "[data-testid=quorum]", "data-quorate").await.as_deref(),
        Some("true")
    );
    // Didrik proposed the whole amount; his proposal fell, 1 to 3.
    fill_fields(
        &client,
        &[
            ("#alternative-text", "Idrettslaget får kr 20 000."),
            ("#alternative-by", "Didrik Åmodt"),
            ("#alternative-for", "1"),
            ("#alternative-against", "3"),
        ],
    )
    .await;
    click(&client, "[data-testid=add-alternative]").await.unwrap();
    wait_for_text(&client, "[data-testid=alternative]", "Idrettslaget får kr 20 000.").await;
    wait_for_text(&client, "[data-testid=alternative] [data-testid=votes-line]", "falt").await;
    fill_fields(&client, &[("#votes-for", "3"), ("#votes-against", "1")]).await;
    record_decision(&client, "Stavern idrettslag får kr 15 000 til nye mål.").await;
    wait_for_text(&client, "[data-testid=adopted-proposal]", "forslag til vedtak").await;
    screenshot(&client, &app.dir.path().join("alternative-proposal.png")).await;

    open_item(&client, 1).await;
    record_decision(&client, "Kommunen orienterte om ny gang- og sykkelvei.").await;

    // The end time completes the minutes.
    click(&client, "[data-testid=edit-meeting]").await.unwrap();
    fill(&client, "#meeting-ends-at", "20:00").await.unwrap();
    click(&client, "[data-testid=save-meeting]").await.unwrap();
    wait(&client, "[data-testid=complete]").await.unwrap();

    // Export the minutes: the file is whole and holds the decision and the inhabilitet.
    click(&client, "[data-testid=export-minutes]").await.unwrap();
    wait_for_text(&client, "[data-testid=export-result]", "Protokollen er lagret i").await;
    let files = app.exported();
    assert_eq!(files.len(), 1, "one exported file: {files:?}");
    let text = pdf_text(&files[0]);
    for expected in [
        "Møteprotokoll – Stavern nærmiljøutvalg",
        "Stavern idrettslag får kr 15 000 til nye mål.",
        "Cathrine Ødegård fratrådte under behandlingen",
        &format!("Sak 01/{yy:02}"),
        "Møteleder:",
        "Aslaug Fjeldstad",
        "Protokollfører:",
        "Ingrid Haugland",
        "Idrettslaget får kr 20 000. (fremmet av Didrik Åmodt)",
        "1 for, 3 mot – falt",
        "3 for, 1 mot – vedtatt",
        "Vedtatt forslag:",
        "forslag til vedtak",
        "Side 1 av",
    ] {
        assert!(
            text.contains(expected),
            "the exported minutes lack {expected:?}:\n{text}"
        );
    }

    // Approve with two signatories: the protocol is locked.
    approve_minutes(&client, &members[0].id, &members[4].id).await;
    screenshot(&client, &app.dir.path().join("meeting.png")).await;

    let store = app.quit(client).await;
    let council = &store.find_councils("Stavern").unwrap()[0];
    let meeting = &store.meetings_of_council(&council.id).unwrap()[0];
    assert_eq!(meeting.status, MeetingStatus::Approved);
    let detail = store.meeting_detail(&meeting.id, Lang::Nb).unwrap();
    assert_eq!(detail.items[0].inhabil_members[0].person_name, "Cathrine Ødegård");
    // The draft exported before approval, and the final minutes approval archived.
    let names: Vec<&str> = detail.documents.iter().map(|d| d.file_name.as_str()).collect();
    assert_eq!(
        names.len(),
        3,
        "the export, and the approved minutes in full and as the public version: {names:?}"
    );
    assert_eq!(
        names.iter().filter(|n| n.contains("UTKAST")).count(),
        1,
        "one draft, one final, one public: {names:?}"
    );
    assert_eq!(
        names.iter().filter(|n| n.ends_with("offentlig versjon.pdf")).count(),
        1,
        "{names:?}"
    );
}

/// A held meeting with a personal matter and an ordinary item, decided, made
/// in the file before the app starts; returns the personal matter's id.
fn held_meeting_with_a_personal_matter(app: &App, council_id: &str) -> String {
    let mut seed = Seed::open(app);
    let meeting = seed.meeting(&new_meeting(
        council_id,
        MeetingKind::ORDINARY,
        Utc::now().date_naive(),
        "Stavern grendehus",
    ));
    let mut ids = Vec::new();
    for (title, background) in [
        ("Benker på torget", "Beboere ønsker benker."),
        (
            "Fritak for Bror Kvamme av helsegrunner",
            "Bror Kvamme søker fritak ut året etter en operasjon.",
        ),
    ] {
        let input = AgendaItemInput {
            background: background.into(),
            ..new_item(ItemKind::Vedtak, title)
        };
        ids.push(seed.item(&meeting.id, &input));
    }
    seed.store.send_notice(&seed.actor, &meeting.id).unwrap();
    // Everyone came, so each item is quorate and minuted with its decision.
    let members = seed.store.memberships_of_council(council_id).unwrap();
    seed.hold(&meeting.id, members.iter().map(|m| m.id.as_str()));
    for (id, decision) in ids.iter().zip([
        "Utvalget søker kommunen om to benker.",
        "Bror Kvamme får fritak ut året; varamedlemmet møter fast.",
    ]) {
        seed.record(id, &new_record(decision));
    }
    ids.remove(1)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_item_marked_exempt_is_withheld_from_the_public_minutes() {
    let app = App::start();
    let (council_id, _members) = council_with_members(&app);
    let personal = held_meeting_with_a_personal_matter(&app, &council_id);
    let client = app.launch_at_meeting().await;
    let row = format!("[data-testid=item-row][data-item-id='{personal}']");
    click(&client, &row).await.unwrap();
    wait_until("the personal matter is open", || async {
        attr(&client, &row, "aria-current").await.as_deref() == Some("true")
    })
    .await;

    // Marked exempt without a basis: refused, with the core's message at the field.
    click(&client, "[data-testid=edit-item]").await.unwrap();
    wait(&client, "#item-title").await.unwrap();
    // Ticked from the keyboard: under WebDriver a pointer click on this box
    // fires its mousedown on the box but its click on the fieldset around it.
    let exempt = visible(&client, "#item-exempt").await.unwrap();
    exempt.send_keys(" ").await.unwrap();
    wait(&client, "#item-exempt-basis").await.unwrap();
    click(&client, "[data-testid=save-item]").await.unwrap();
    wait_for_text(&client, "#item-exempt-basis-error", "hjemmelen").await;
    assert_eq!(
        attr(&client, "#item-exempt-basis", "aria-invalid").await.as_deref(),
        Some("true")
    );

    // Picked from the list; the title reveals the matter, so it is withheld too.
    select(&client, "#item-exempt-pick", "personal").await.unwrap();
    wait_until("the picked basis fills the field", || async {
        match client.find(Locator::Css("#item-exempt-basis")).await {
            Ok(e) => e
                .prop("value")
                .await
                .ok()
                .flatten()
                .is_some_and(|v| v.starts_with("Offentleglova § 13")),
            Err(_) => false,
        }
    })
    .await;
    click(&client, "#item-title-withheld").await.unwrap();
    screenshot(&client, &app.dir.path().join("exempt-item.png")).await;
    click(&client, "[data-testid=save-item]").await.unwrap();
    wait(&client, "[data-testid=exempt-tag]").await.unwrap();

    // The public minutes: the case number and the basis, nothing of the matter.
    click(&client, "[data-testid=export-public-minutes]").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=export-result]",
        "Den offentlige versjonen av protokollen er lagret i",
    )
    .await;
    screenshot(&client, &app.dir.path().join("public-minutes.png")).await;
    let store = app.quit(client).await;
    let files = app.exported();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.contains("UTKAST") && name.ends_with("offentlig versjon.pdf"),
        "{name}"
    );
    let text = pdf_text(&files[0]);
    for expected in [
        "UTKAST",
        "Unntatt offentlighet: Offentleglova § 13 første ledd",
        "(tittel unntatt offentlighet)",
        "Benker på torget",
        "Utvalget søker kommunen om to benker.",
    ] {
        assert!(text.contains(expected), "the public minutes lack {expected:?}:\n{text}");
    }
    for withheld in ["Fritak", "Bror Kvamme søker", "operasjon", "varamedlemmet møter fast"] {
        assert!(
            !text.contains(withheld),
            "the public minutes show {withheld:?}:\n{text}"
        );
    }
    let council = &store.find_councils("Stavern").unwrap()[0];
    let meeting = &store.meetings_of_council(&council.id).unwrap()[0];
    let detail = store.meeting_detail(&meeting.id, Lang::Nb).unwrap();
    assert!(
        detail.documents.iter().any(|d| d.public),
        "the public version is archived as such"
    );
}
