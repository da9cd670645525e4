//! Takes screenshots of the real app's main screens with demo data, for the
//! README and for a person to look at:
//! `dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" cargo run -p grendebok-e2e --example screenshots -- docs/screenshots`

use std::path::PathBuf;

use fantoccini::Locator;
use grendebok_e2e::*;

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
    wait_until("the demo councils are listed", || async {
        count(&client, "[data-testid=council-row]").await == 3
    })
    .await;
    screenshot(&client, &out.join("council-list.png")).await;

    for link in client
        .find_all(Locator::Css("[data-testid=open-council]"))
        .await
        .unwrap()
    {
        if link.text().await.unwrap().starts_with("Lyngvik") {
            link.click().await.unwrap();
            break;
        }
    }
    wait(&client, "[data-testid=category-volunteer]").await.unwrap();
    screenshot(&client, &out.join("council-page.png")).await;

    click(&client, "[data-testid=add-member]").await.unwrap();
    wait(&client, "#member-name").await.unwrap();
    screenshot(&client, &out.join("add-member.png")).await;
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
