//! Hostile text is just text: markup and script in every text field, every
//! screen visited, nothing runs and everything shows literally.

use chrono::{NaiveDate, NaiveTime, Utc};
use fantoccini::{Client, Locator};
use grendebok_core::model::*;
use grendebok_core::Store;
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
    let mut store = Store::open(&app.db).unwrap();
    store.save_user_name(&hostile("Bruker"), Utc::now()).unwrap();
    let actor = store.actor(Utc::now()).unwrap();
    let council = store
        .create_council(
            &actor,
            &CouncilInput {
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
            },
        )
        .unwrap();
    let member = store
        .add_membership(
            &actor,
            &MembershipInput {
                council_id: council.id.clone(),
                person: PersonChoice::New {
                    person: PersonInput {
                        name: hostile("Medlem"),
                        email: "m@eksempel.no".into(),
                        phone: hostile_phone(),
                        gender: None,
                    },
                },
                category: SeatCategory::SENIOR,
                role: Role::Leder,
                organisation: hostile("Forening"),
                term_from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
                term_to: None,
            },
        )
        .unwrap();
    let meeting = store
        .create_meeting(
            &actor,
            &MeetingInput {
                council_id: council.id,
                kind: MeetingKind::OPEN,
                date: NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
                starts_at: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
                ends_at: None,
                place: hostile("Sted"),
                guests: hostile("Gjester"),
                kommune_rep: hostile("Kommunen"),
            },
        )
        .unwrap();
    let item = store
        .add_item(
            &actor,
            &meeting.id,
            &AgendaItemInput {
                kind: ItemKind::Vedtak,
                title: hostile("Tittel"),
                background: hostile("Bakgrunn"),
                proposal: hostile("Forslag"),
                access: Default::default(),
                statement: None,
            },
        )
        .unwrap();
    store.send_notice(&actor, &meeting.id).unwrap();
    store.mark_held(&actor, &meeting.id).unwrap();
    let present = AttendanceInput {
        membership_id: member.id.clone(),
        status: AttendanceStatus::Present,
        substitute_for: None,
    };
    store.set_attendance(&actor, &meeting.id, &present).unwrap();
    store
        .set_item_inhabil(&actor, &item, &member.id, &hostile("Grunn"))
        .unwrap();
    let record = ItemRecord {
        closed_ground: Some(ClosedGround::Statutes),
        chair_vote: None,
        decision: hostile("Vedtak"),
        votes: None,
        closed: true,
        closed_basis: hostile("Hjemmel"),
    };
    store.record_item(&actor, &item, &record).unwrap();
    let follow_up = FollowUpInput {
        what: hostile("Oppfølging"),
        who: hostile("Ansvarlig"),
        due: None,
    };
    store.add_follow_up(&actor, &item, &follow_up).unwrap();
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
