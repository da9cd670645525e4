//! The foundation as a secretary meets it: first start, a council with its
//! seat plan, members, the vacant seat, and everything still there after a
//! restart; and a bad form that saves nothing.

use fantoccini::{Client, Locator};
use grendebok_core::model::Lang;
use grendebok_e2e::*;

async fn give_name(client: &Client, name: &str) -> Result<()> {
    fill(client, "#user-name", name).await?;
    click(client, "[data-testid=save-user-name]").await?;
    wait(client, "[data-testid=new-council]").await?;
    Ok(())
}

async fn assert_one_vacant_volunteer_seat(client: &Client) {
    wait(client, "[data-testid=category-volunteer]").await.unwrap();
    assert_eq!(
        attr(client, "[data-testid=category-volunteer]", "data-planned")
            .await
            .as_deref(),
        Some("2")
    );
    assert_eq!(
        attr(client, "[data-testid=category-volunteer]", "data-filled")
            .await
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        attr(client, "[data-testid=category-volunteer]", "data-vacant")
            .await
            .as_deref(),
        Some("1")
    );
    let vacant = client
        .find_all(Locator::Css("[data-testid=vacant-seat]"))
        .await
        .unwrap();
    assert_eq!(vacant.len(), 1, "exactly one vacant seat is shown");
    assert_eq!(
        vacant[0].attr("data-category").await.unwrap().as_deref(),
        Some("volunteer")
    );
    let body = client.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
    assert!(
        body.contains("Frivillighet: 1 ledig plass."),
        "the vacancy is named in words: {body}"
    );
}

const MEMBERS: [(&str, &str, &str, &str); 5] = [
    ("Aslaug Fjeldstad", "senior", "leder", "Seniorforeningen"),
    ("Bror Kvamme", "school", "medlem", "FAU Brunla skole"),
    ("Cathrine Ødegård", "sports", "nestleder", "Idrettslaget"),
    ("Didrik Åmodt", "business", "medlem", "Næringsforeningen"),
    ("Elin Sæther", "volunteer", "sekretaer", "Frivilligsentralen"),
];

#[tokio::test(flavor = "multi_thread")]
async fn a_council_with_five_members_shows_its_vacant_seat_and_survives_a_restart() {
    let app = App::start();
    let client = app.launch().await;

    // First start asks for the user's name.
    give_name(&client, "Kari Sekretær").await.unwrap();

    // A council with Stavern's seat plan 1/1/1/1/2.
    click(&client, "[data-testid=new-council]").await.unwrap();
    fill(&client, "#council-name", "Stavern nærmiljøutvalg").await.unwrap();
    fill(&client, "#council-area", "Stavern").await.unwrap();
    fill_seat_plan(&client, [1, 1, 1, 1, 2]).await;
    click(&client, "[data-testid=save-council]").await.unwrap();
    wait_until("the council page shows the council", || async {
        match client.find(Locator::Css("h1")).await {
            Ok(h1) => h1.text().await.map(|t| t == "Stavern nærmiljøutvalg").unwrap_or(false),
            Err(_) => false,
        }
    })
    .await;

    for (name, category, role, organisation) in MEMBERS {
        add_member(
            &client,
            name,
            (category, role),
            &[("#member-organisation", organisation)],
        )
        .await;
    }
    assert_one_vacant_volunteer_seat(&client).await;
    screenshot(&client, &app.dir.path().join("council.png")).await;
    client.close().await.unwrap();

    // What the app showed is in the file.
    {
        let store = open_store(&app.db);
        let council = &store.find_councils("Stavern nærmiljøutvalg").unwrap()[0];
        assert_eq!(store.memberships_of_council(&council.id).unwrap().len(), 5);
        assert_eq!(store.settings().unwrap().user_name.as_deref(), Some("Kari Sekretær"));
        let log = store.audit_log(Some(&council.id)).unwrap();
        assert!(
            log.iter().all(|e| e.who == "Kari Sekretær"),
            "every change is signed by the user"
        );
    }

    // Start the app again: no name asked, the council and its members are there.
    let client = app.launch().await;
    assert_eq!(count(&client, "#user-name").await, 0, "the name is asked only once");
    let open = wait(&client, "[data-testid=open-council]").await.unwrap();
    assert_eq!(open.text().await.unwrap(), "Stavern nærmiljøutvalg");
    open.click().await.unwrap();
    wait_count(
        &client,
        "five members are listed after the restart",
        "[data-testid=member-row]",
        5,
    )
    .await;
    let rows = client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    for (name, ..) in MEMBERS {
        assert!(rows.contains(name), "{name} is still listed: {rows}");
    }
    assert_one_vacant_volunteer_seat(&client).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_council_with_an_empty_name_shows_the_message_at_the_field_and_saves_nothing() {
    let app = App::start();
    let client = app.launch().await;
    give_name(&client, "Ola Koordinator").await.unwrap();

    click(&client, "[data-testid=new-council]").await.unwrap();
    fill(&client, "#council-name", "   ").await.unwrap();
    fill(&client, "#seats-volunteer", "2").await.unwrap();
    click(&client, "[data-testid=save-council]").await.unwrap();

    let error = wait(&client, "#council-name-error").await.unwrap();
    wait_until("the message shows next to the name field", || async {
        error
            .text()
            .await
            .map(|t| t.contains("Skriv inn et navn."))
            .unwrap_or(false)
    })
    .await;
    // Still on the form, with the field marked invalid for screen readers.
    let name = wait(&client, "#council-name").await.unwrap();
    assert_eq!(name.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, &app.dir.path().join("empty-name.png")).await;
    client.close().await.unwrap();

    let store = open_store(&app.db);
    assert!(store.councils().unwrap().is_empty(), "nothing was saved");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    assert!(store.council_summaries(today, Lang::Nb).unwrap().is_empty());
}
