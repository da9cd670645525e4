//! Takes screenshots of the real app's main screens with demo data, for the
//! README and for a person to look at:
//! `dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" cargo run -p grendebok-e2e --example screenshots -- docs/screenshots`

use std::path::PathBuf;

use fantoccini::Locator;
use grendebok_e2e::*;

async fn wait_all(client: &fantoccini::Client, css: &str, n: usize) -> Vec<fantoccini::elements::Element> {
    wait_until(&format!("{n} of {css}"), || async { count(client, css).await >= n }).await;
    client.find_all(Locator::Css(css)).await.unwrap()
}

/// Scrolls the page so that the element's top is at the top of the window.
async fn scroll_to(client: &fantoccini::Client, css: &str) {
    let element = wait(client, css).await.unwrap();
    let arg = serde_json::to_value(&element).unwrap();
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -16);",
            vec![arg],
        )
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
}

#[tokio::main]
async fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "docs/screenshots".into()));
    std::fs::create_dir_all(&out).expect("the output folder");
    let app = App::start();
    let client = app.launch().await;
    screenshot(&client, &out.join("welcome.png")).await;

    fill(&client, "#user-name", "Kari Sekretær").await.unwrap();
    click(&client, "[data-testid=save-user-name]").await.unwrap();
    click(&client, "[data-testid=load-demo]").await.unwrap();
    wait_until("the demo councils are listed and the progress dialog gone", || async {
        count(&client, "[data-testid=council-row]").await == 3
            && count(&client, "[data-testid=progress-dialog]").await == 0
    })
    .await;
    screenshot(&client, &out.join("council-list.png")).await;

    click_starting_with(&client, "[data-testid=open-council]", "Lyngvik").await;
    wait(&client, "[data-testid=category-volunteer]").await.unwrap();
    wait_screen(&client, "council").await;
    screenshot(&client, &out.join("council-page.png")).await;
    // The charts: attendance over the year, and the grant budget with its table open.
    scroll_to(&client, "[data-testid=attendance-section]").await;
    screenshot(&client, &out.join("chart-attendance.png")).await;
    click(&client, "[data-testid=budget-chart-details] summary")
        .await
        .unwrap();
    scroll_to(&client, "[data-testid=budget-chart]").await;
    screenshot(&client, &out.join("chart-budget.png")).await;
    client.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();

    // The meetings: the upcoming one with its notice sent, and a held one.
    let meetings = client
        .find_all(Locator::Css("[data-testid=open-meeting]"))
        .await
        .unwrap();
    meetings[0].click().await.unwrap();
    wait(&client, "[data-testid=item-row]").await.unwrap();
    screenshot(&client, &out.join("meeting-upcoming.png")).await;
    click(&client, "[data-testid=back-to-council]").await.unwrap();
    let meetings = wait_all(&client, "[data-testid=open-meeting]", 3).await;
    meetings[1].click().await.unwrap();
    wait(&client, "[data-testid=locked]").await.unwrap();
    click(&client, "[data-testid=item-row]").await.unwrap();
    screenshot(&client, &out.join("meeting-approved.png")).await;

    // The grant scheme side by side, and one application under review.
    click(&client, "[data-testid=back-to-council]").await.unwrap();
    click(&client, "[data-testid=open-scheme]").await.unwrap();
    let applications = wait_all(&client, "[data-testid=open-application]", 12).await;
    screenshot(&client, &out.join("grant-scheme.png")).await;
    applications[8].click().await.unwrap();
    wait(&client, "[data-testid=score-grid]").await.unwrap();
    screenshot(&client, &out.join("grant-application.png")).await;
    client.close().await.unwrap();

    // The coordinator's overview of the demo year, its year wheel, and the duties of
    // Midtbyen, whose fellesmøte with the kommune is held.
    let client = app.launch().await;
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait_all(&client, "[data-testid=overview-row]", 3).await;
    // WebKit paints the sort icons (CSS masks) a moment after the table.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    screenshot(&client, &out.join("overview.png")).await;
    scroll_to(&client, "[data-testid=year-glance]").await;
    screenshot(&client, &out.join("chart-year-glance.png")).await;
    scroll_to(&client, "[data-testid=meetings-month-chart]").await;
    screenshot(&client, &out.join("chart-year-months.png")).await;
    scroll_to(&client, "[data-testid=year-wheel]").await;
    screenshot(&client, &out.join("overview-wheel.png")).await;
    click_starting_with(
        &client,
        "[data-testid=overview-row] [data-testid=open-council]",
        "Midtbyen",
    )
    .await;
    wait_all(&client, "[data-testid=duty-row]", 4).await;
    scroll_to(&client, "[data-testid=duties-section]").await;
    screenshot(&client, &out.join("council-duties.png")).await;
    client.close().await.unwrap();

    // Search from the header: "dugnad" across the demo councils' items and applications.
    let client = app.launch().await;
    fill(
        &client,
        "[data-testid=search-input]",
        &format!("dugnad{}", char::from(fantoccini::key::Key::Enter)),
    )
    .await
    .unwrap();
    wait(&client, "main[data-screen=search][data-ready=true]")
        .await
        .unwrap();
    wait_all(&client, "[data-testid=search-hit]", 1).await;
    screenshot(&client, &out.join("search.png")).await;
    client.close().await.unwrap();

    let client = app.launch().await;
    click(&client, "[data-testid=open-backups]").await.unwrap();
    click(&client, "[data-testid=backup-now]").await.unwrap();
    wait(&client, "[data-testid=backup-taken]").await.unwrap();
    screenshot(&client, &out.join("backups.png")).await;
    client.close().await.unwrap();

    let client = app.launch().await;
    click(&client, "[data-testid=new-council]").await.unwrap();
    fill(&client, "#council-name", "").await.unwrap();
    click(&client, "[data-testid=save-council]").await.unwrap();
    let error = wait(&client, "#council-name-error").await.unwrap();
    wait_until("the name field shows its message", || async {
        error.text().await.map(|t| !t.is_empty()).unwrap_or(false)
    })
    .await;
    screenshot(&client, &out.join("council-form-error.png")).await;
    client.close().await.unwrap();
    println!("screenshots in {}", out.display());
}
