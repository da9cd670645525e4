//! The charts through the real UI, with the demo data: the council page's
//! attendance chart has each member's counts in its table alternative, and
//! the grant budget chart's table shows granted, paid and left in kroner.

use chrono::{Datelike, Local};
use fantoccini::{Client, Locator};
use grendebok_core::rules::money::kr;
use grendebok_e2e::*;

async fn cell(client: &Client, table: &str, key: &str, col: &str) -> String {
    text_of(
        client,
        &format!("[data-testid={table}] [data-testid=chart-table-row][data-key='{key}'] td[data-col={col}]"),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_councils_attendance_and_budget_charts_have_their_figures_as_tables() {
    let app = App::start();
    let today = Local::now().date_naive();
    let (council, attendance, schemes) = {
        let Seed { mut store, actor } = Seed::open(&app);
        store.load_demo(&actor, today).unwrap();
        let council = store
            .councils()
            .unwrap()
            .into_iter()
            .find(|c| c.name.starts_with("Lyngvik"))
            .expect("the demo has Lyngvik");
        let years = store.attendance_by_member(&council.id, today.year()).unwrap().years;
        let year = *years.first().expect("the demo council has held meetings");
        let attendance = store.attendance_by_member(&council.id, year).unwrap();
        let schemes = store.schemes_of_council(&council.id, today).unwrap();
        (council, attendance, schemes)
    };
    assert!(attendance.held >= 1 && !attendance.members.is_empty());
    assert!(
        attendance.members.iter().any(|m| m.excused > 0),
        "the demo has a member with forfall"
    );

    let client = app.launch().await;
    wait_screen(&client, "council-list").await;
    let mut opened = false;
    for link in client
        .find_all(Locator::Css("[data-testid=open-council]"))
        .await
        .unwrap()
    {
        if link.text().await.unwrap() == council.name {
            link.click().await.unwrap();
            opened = true;
            break;
        }
    }
    assert!(opened, "{} is listed", council.name);
    wait_screen(&client, "council").await;

    // The attendance of the year with the demo's meetings, opened as a table.
    wait(&client, "#attendance-year").await.unwrap();
    select(&client, "#attendance-year", &attendance.year.to_string())
        .await
        .unwrap();
    let svg = wait(&client, "[data-testid=attendance-chart-svg]").await.unwrap();
    assert_eq!(svg.attr("role").await.unwrap().as_deref(), Some("img"));
    click(&client, "[data-testid=attendance-chart-details] summary")
        .await
        .unwrap();
    let caption = format!("Oppmøte per medlem i {}", attendance.year);
    wait_for_text(&client, "[data-testid=attendance-chart-table] caption", &caption).await;
    for m in &attendance.members {
        let row = format!(
            "[data-testid=attendance-chart-table] [data-testid=chart-table-row][data-key='{}'] th",
            m.membership_id
        );
        assert_eq!(text_of(&client, &row).await, m.person_name);
        for (col, n) in [
            ("expected", m.expected),
            ("present", m.present),
            ("excused", m.excused),
            ("absent", m.absent),
            ("standIn", m.stand_in),
        ] {
            assert_eq!(
                cell(&client, "attendance-chart-table", &m.membership_id, col).await,
                n.to_string(),
                "{} {col}",
                m.person_name
            );
        }
    }

    // The grant budget per scheme: granted, paid and left in kroner.
    let scheme = schemes.first().expect("Lyngvik has a grant scheme");
    assert!(scheme.budget.granted_ore > 0, "the demo grants money");
    wait(&client, "[data-testid=budget-chart-svg]").await.unwrap();
    click(&client, "[data-testid=budget-chart-details] summary")
        .await
        .unwrap();
    wait_for_text(
        &client,
        "[data-testid=budget-chart-table] caption",
        "Tilskuddsbudsjett per ordning",
    )
    .await;
    for (col, ore) in [
        ("budget", scheme.budget.budget_ore),
        ("granted", scheme.budget.granted_ore),
        ("paid", scheme.budget.paid_ore),
        ("left", scheme.budget.left_ore),
    ] {
        let shown = cell(&client, "budget-chart-table", &scheme.scheme.id, col).await;
        assert_eq!(shown, kr(ore), "{col}");
        assert!(shown.starts_with("kr "), "{col} in Norwegian money format: {shown:?}");
    }
}
