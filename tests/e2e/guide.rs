//! docs/guide/sekretaer.md, done as it says by a secretary who has never seen
//! the app: first start, nynorsk picked under «Språk», a council with nynorsk
//! documents, three members, a meeting planned, its notice sent, attendance
//! and a decision recorded, the minutes approved and locked and their PDF
//! saved — every step through the UI, nothing prepared in the file.

use chrono::{Datelike, Local};
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

/// A member of Bygdelaget from `from`.
async fn add_member_from(client: &Client, name: &str, category: &str, role: &str, from: &str) {
    let more = [("#member-organisation", "Bygdelaget"), ("#member-term-from", from)];
    add_member(client, name, (category, role), &more).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_secretary_follows_the_guide_in_nynorsk_to_approved_minutes() {
    let app = App::start();
    let client = app.launch().await;
    let today = Local::now().date_naive();
    let year = today.year();

    // 2. Nynorsk under «Språk», before anything else; then the name.
    select(&client, "#language", "nn").await.unwrap();
    wait_for_text(&client, "[data-testid=save-user-name]", "Lagre og hald fram").await;
    fill(&client, "#user-name", "Sigrun Nes").await.unwrap();
    click(&client, "[data-testid=save-user-name]").await.unwrap();
    wait_for_text(&client, "[data-testid=new-council]", "Nytt utval").await;

    // 3. A council of three seats whose documents are in nynorsk.
    click(&client, "[data-testid=new-council]").await.unwrap();
    fill(&client, "#council-name", "Fjellheim grendeutval").await.unwrap();
    select(&client, "#council-kind", "grendeutvalg").await.unwrap();
    fill(&client, "#council-area", "Fjellheim").await.unwrap();
    select(&client, "#council-malform", "nynorsk").await.unwrap();
    fill_seat_plan(&client, [1, 1, 0, 0, 1]).await;
    click(&client, "[data-testid=save-council]").await.unwrap();
    wait_for_text(&client, "h1", "Fjellheim grendeutval").await;

    // 4. Members.
    let from = format!("01.01.{year}");
    add_member_from(&client, "Olav Haugen", "senior", "leder", &from).await;
    add_member_from(&client, "Brita Lien", "school", "medlem", &from).await;
    add_member_from(&client, "Sigrun Nes", "volunteer", "sekretaer", &from).await;

    // 5. The meeting, one item, the notice.
    plan_meeting(
        &client,
        &today.format("%d.%m.%Y").to_string(),
        "19:00",
        "Fjellheim grendahus",
    )
    .await;
    type_item(
        &client,
        "vedtak",
        "Ny gapahuk ved Fjellheimsvatnet",
        "Grendeutvalet byggjer gapahuk på dugnad.",
    )
    .await;
    wait(&client, "[data-testid=item-row]").await.unwrap();
    click(&client, "[data-testid=send-notice]").await.unwrap();
    confirm_step(&client).await;
    wait_for_text(&client, "main", &format!("Sak 01/{:02}", year % 100)).await;
    wait_for_text(&client, "[data-testid=meeting-status]", "Kalla inn").await;

    // 6. Everyone present, the decision as proposed, the end time, held.
    let rows = client
        .find_all(Locator::Css("[data-testid=attendance-row]"))
        .await
        .unwrap();
    let mut members = Vec::new();
    for row in rows {
        members.push(row.attr("data-membership-id").await.unwrap().unwrap());
    }
    assert_eq!(members.len(), 3, "the three members are called to the meeting");
    mark_present(&client, &members).await;
    // The first member called chairs; the third, the secretary, takes the minutes.
    select(&client, "#meeting-chair", &members[0]).await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=confirmation]",
        "Møteleiar og protokollførar er lagra.",
    )
    .await;
    select(&client, "#minute-taker", &members[2]).await.unwrap();
    wait_until("the minute-taker is saved", || async {
        match client.find(Locator::Css("#minute-taker")).await {
            Ok(e) => e.prop("value").await.ok().flatten().as_deref() == Some(members[2].as_str()),
            Err(_) => false,
        }
    })
    .await;
    click(&client, "[data-testid=item-row]").await.unwrap();
    click(&client, "[data-testid=use-proposal]").await.unwrap();
    save_record(&client).await;
    click(&client, "[data-testid=edit-meeting]").await.unwrap();
    fill(&client, "#meeting-ends-at", "21:00").await.unwrap();
    click(&client, "[data-testid=save-meeting]").await.unwrap();
    click(&client, "[data-testid=mark-held]").await.unwrap();
    confirm_step(&client).await;

    // 7. Nothing missing; two signatories approve; locked.
    wait(&client, "[data-testid=complete]").await.unwrap();
    approve_minutes(&client, &members[0], &members[1]).await;
    wait_for_text(&client, "[data-testid=locked]", "Godkjend og låst").await;

    // 8. The minutes PDF, in nynorsk, for printing.
    click(&client, "[data-testid=export-minutes]").await.unwrap();
    wait_for_text(&client, "[data-testid=export-result]", "Protokollen er lagra i").await;
    let store = app.quit(client).await;

    let files = app.exported();
    assert_eq!(files.len(), 1, "one saved file: {files:?}");
    let text = pdf_text(&files[0]);
    for expected in [
        "Møteprotokoll – Fjellheim grendeutval",
        "Stad:",
        "Grendeutvalet byggjer gapahuk på dugnad.",
        "Protokollen er godkjend av:",
        "Olav Haugen",
        "Side 1 av",
    ] {
        assert!(
            text.contains(expected),
            "the printed minutes lack {expected:?}:\n{text}"
        );
    }
    assert!(!text.contains("Utkast"), "approved minutes are no draft:\n{text}");
    assert_eq!(store.settings().unwrap().language, Lang::Nn, "nynorsk is remembered");
}
