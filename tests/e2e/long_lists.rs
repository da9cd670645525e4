//! A kommune with many councils: the council list and the overview render
//! only the rows near the window, yet the keyboard reaches every row, the
//! table says how many rows it has, every row can be shown at once, and
//! axe-core finds nothing serious in the partly rendered tables.

use fantoccini::key::Key;
use fantoccini::Client;
use grendebok_core::model::{CouncilInput, SeatPlan};
use grendebok_e2e::*;

use crate::accessibility::assert_no_serious_violations;

const COUNCILS: usize = 90;

/// 90 councils, "Grend 01 utvalg" to "Grend 90 utvalg", and the user's name.
fn many_councils(app: &App) {
    let mut store = open_store(&app.db);
    let now = chrono::Utc::now();
    store.save_user_name("Kari Koordinator", now).unwrap();
    let actor = store.actor(now).unwrap();
    for i in 1..=COUNCILS {
        let input = CouncilInput::named(format!("Grend {i:02} utvalg"), SeatPlan::new(1, 1, 1, 1, 1));
        store.create_council(&actor, &input).unwrap();
    }
}

async fn rows(client: &Client, css: &str) -> usize {
    count(client, css).await
}

/// The text of the focused element.
async fn focused_text(client: &Client) -> String {
    client
        .execute(
            "return document.activeElement ? document.activeElement.textContent : '';",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// From the first council's link, Tab goes to every next council in turn,
/// down to the last one, though it was not rendered at first.
async fn tab_through(client: &Client) {
    client
        .execute(
            "document.querySelector('main [data-testid=open-council]').focus();",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused_text(client).await, "Grend 01 utvalg");
    let mut seen = 1;
    for _ in 0..COUNCILS * 4 {
        let tab = char::from(Key::Tab).to_string();
        client.active_element().await.unwrap().send_keys(&tab).await.unwrap();
        let text = focused_text(client).await;
        if text == format!("Grend {:02} utvalg", seen + 1) {
            seen += 1;
        }
        if seen == COUNCILS {
            return;
        }
    }
    panic!("Tab reached council {seen} of {COUNCILS}, not the last");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_council_list_and_overview_render_in_part_and_reach_every_row() {
    let app = App::start();
    // The first start makes the file; the councils are written while the app is closed.
    app.launch().await.close().await.unwrap();
    many_councils(&app);
    let client = app.launch().await;

    // The council list: a screenful of rows, the count for screen readers.
    wait(&client, "main[data-screen=council-list] [data-testid=council-row]")
        .await
        .unwrap();
    let first = rows(&client, "[data-testid=council-row]").await;
    assert!(first < COUNCILS, "the list rendered {first} of {COUNCILS} rows");
    assert_eq!(
        attr(&client, ".council-table", "aria-rowcount").await.as_deref(),
        Some("91")
    );
    assert_no_serious_violations(&client, "council list, in part").await;
    tab_through(&client).await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_A11Y_SHOTS").join("long-council-list-end.png"),
    )
    .await;
    // "Vis alle 90 radene" puts every row in the page.
    click(&client, "[data-testid=show-all-rows]").await.unwrap();
    wait_until("every council row is rendered", || async {
        rows(&client, "[data-testid=council-row]").await == COUNCILS
    })
    .await;

    // The overview: the same, with its longer rows.
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait_screen(&client, "overview").await;
    let first = rows(&client, "[data-testid=overview-row]").await;
    assert!(first < COUNCILS, "the overview rendered {first} of {COUNCILS} rows");
    assert_eq!(
        attr(&client, ".overview-table", "aria-rowcount").await.as_deref(),
        Some("91")
    );
    assert_no_serious_violations(&client, "overview, in part").await;
    screenshot(&client, &app.shots("GRENDEBOK_A11Y_SHOTS").join("long-overview.png")).await;
    // The year wheel is asked for only when scrolled to ...
    wait(&client, "[data-testid=year-wheel-later]").await.unwrap();
    assert_eq!(count(&client, "[data-testid=year-wheel]").await, 0);
    // ... yet the print button fetches it first: the page goes to print with
    // every row and every due date of the wheel (the annual report's of each
    // council: the meetings fell due before the councils existed, and there is
    // no grant scheme).
    client
        .execute(
            "window.print = () => {
               window.dispatchEvent(new Event('beforeprint'));
               window.__printed = {
                 rows: document.querySelectorAll('[data-testid=overview-row]').length,
                 due: document.querySelectorAll('[data-testid=wheel-due]').length,
               };
               window.dispatchEvent(new Event('afterprint'));
             };",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "[data-testid=print]").await.unwrap();
    let printed = || async {
        client
            .execute("return window.__printed || null;", vec![])
            .await
            .unwrap()
    };
    wait_until("the overview went to print", || async { !printed().await.is_null() }).await;
    let printed = printed().await;
    assert_eq!(printed["rows"], COUNCILS, "rows printed");
    assert_eq!(printed["due"], COUNCILS, "due dates of the wheel printed");
    tab_through(&client).await;
    // Printing renders every row: the page as the print dialog would take it.
    client
        .execute("window.dispatchEvent(new Event('beforeprint'));", vec![])
        .await
        .unwrap();
    assert_eq!(rows(&client, "[data-testid=overview-row]").await, COUNCILS);
    client
        .execute("window.dispatchEvent(new Event('afterprint'));", vec![])
        .await
        .unwrap();
    wait_until("the overview renders in part again after printing", || async {
        rows(&client, "[data-testid=overview-row]").await < COUNCILS
    })
    .await;
    // Scrolled to, the wheel shows every council's due dates.
    client
        .execute(
            "document.querySelector('[data-testid=year-wheel-later], [data-testid=year-wheel]').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    wait_until("the year wheel shows every due date", || async {
        count(&client, "[data-testid=year-wheel] [data-testid=wheel-due]").await == COUNCILS
    })
    .await;
    client.close().await.unwrap();
}
