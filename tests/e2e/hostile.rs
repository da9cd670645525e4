//! Hostile text is just text: markup and script in every text field, every
//! screen visited, nothing runs and everything shows literally.

use chrono::NaiveDate;
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_e2e::*;

const IMG: &str = "<img src=x onerror=window.__pwn=1>";
const SCRIPT: &str = "<script>window.__pwn=2</script>";
const LINK: &str = "javascript:window.__pwn=3";

fn hostile(label: &str) -> String {
    format!("{label} {IMG} {SCRIPT} {LINK}")
}

/// As much of [`hostile`] as a phone field holds (its limit is 40 characters).
fn hostile_phone() -> String {
    format!("T {IMG}")
}

/// A council, members, a meeting and items whose every text field is hostile.
fn hostile_world(app: &App) {
    let mut seed = Seed::open_as(app, &hostile("Bruker"));
    let council = seed.council(&CouncilInput {
        name: hostile("Utvalg"),
        kind: CouncilKind::Byutvalg,
        area: hostile("Område"),
        mandate: hostile("Mandat"),
        malform: Malform::Bokmal,
        legal_mode: LegalMode::Voluntary,
        contact_name: hostile("Kontakt"),
        contact_email: "kontakt@eksempel.no".into(),
        contact_phone: hostile_phone(),
        seat_plan: SeatPlan::new(1, 0, 0, 0, 2),
    });
    let member = seed.member(&MembershipInput {
        organisation: hostile("Forening"),
        ..new_member_reached_at(
            &council.id,
            &hostile("Medlem"),
            SeatCategory::SENIOR,
            Role::Leder,
            "m@eksempel.no",
            &hostile_phone(),
        )
    });
    let meeting = seed.meeting(&MeetingInput {
        guests: hostile("Gjester"),
        kommune_rep: hostile("Kommunen"),
        ..new_meeting(
            &council.id,
            MeetingKind::OPEN,
            NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
            &hostile("Sted"),
        )
    });
    let item = seed.item(
        &meeting.id,
        &AgendaItemInput {
            background: hostile("Bakgrunn"),
            proposal: hostile("Forslag"),
            ..new_item(ItemKind::Vedtak, &hostile("Tittel"))
        },
    );
    seed.store.send_notice(&seed.actor, &meeting.id).unwrap();
    seed.hold(&meeting.id, [member.id.as_str()]);
    seed.store
        .set_item_inhabil(&seed.actor, &item, &member.id, &hostile("Grunn"))
        .unwrap();
    seed.record(
        &item,
        &ItemRecord {
            closed_ground: Some(ClosedGround::Statutes),
            closed: true,
            closed_basis: hostile("Hjemmel"),
            ..new_record(&hostile("Vedtak"))
        },
    );
    let follow_up = FollowUpInput {
        what: hostile("Oppfølging"),
        who: hostile("Ansvarlig"),
        due: None,
    };
    seed.store.add_follow_up(&seed.actor, &item, &follow_up).unwrap();
}

async fn assert_inert(client: &Client, screen: &str, expected: &[&str]) {
    let pwn = client.execute("return typeof window.__pwn;", vec![]).await.unwrap();
    assert_eq!(pwn, serde_json::json!("undefined"), "script ran on the {screen}");
    let images = client.find_all(Locator::Css("main img, main script")).await.unwrap();
    assert!(images.is_empty(), "user text became markup on the {screen}");
    let text = client.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
    for label in expected {
        let literal = hostile(label);
        assert!(
            text.contains(&literal),
            "the {screen} shows {literal:?} literally:\n{text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_and_script_in_every_field_show_as_text_and_never_run() {
    let app = App::start();
    hostile_world(&app);
    let client = app.launch().await;
    wait(&client, "[data-testid=open-council]").await.unwrap();
    assert_inert(&client, "council list", &["Utvalg", "Område"]).await;

    click(&client, "[data-testid=open-council]").await.unwrap();
    wait(&client, "[data-testid=member-row]").await.unwrap();
    assert_inert(
        &client,
        "council page",
        &["Utvalg", "Medlem", "Forening", "Kontakt", "Mandat"],
    )
    .await;

    click(&client, "[data-testid=open-meeting]").await.unwrap();
    wait(&client, "[data-testid=item-row]").await.unwrap();
    click(&client, "[data-testid=item-row]").await.unwrap();
    wait(&client, "[data-testid=item-panel]").await.unwrap();
    assert_inert(
        &client,
        "meeting page",
        &[
            "Sted",
            "Gjester",
            "Kommunen",
            "Tittel",
            "Bakgrunn",
            "Forslag",
            "Grunn",
            "Oppfølging",
            "Ansvarlig",
        ],
    )
    .await;
    client.close().await.unwrap();
}
