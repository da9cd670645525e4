//! The council's own account through the real UI (issue 21, item 5): the
//! running grant and an expense entered on the council page, a faulty entry
//! showing every fault at its field at once, the balance — a deficit marked,
//! never refused — and the section at 1280×800 and at 1024×640 / 125 %.

use chrono::{Datelike, Local, Utc};
use fantoccini::Client;
use grendebok_core::model::{AccountEntryInput, AccountKind, CouncilInput, SeatPlan};
use grendebok_e2e::*;

use crate::layout::{press, Survey};

/// A fresh council with nothing in its account; returns its id.
fn council(app: &App) -> String {
    let Seed { mut store, actor } = Seed::open(app);
    let input = CouncilInput::named("Bekkestua grendeutvalg", SeatPlan::default());
    store.create_council(&actor, &input).unwrap().id
}

/// Opens the council page and picks `year` in the account's own year field. (Clicked in
/// the page: at 125 % WebKit's driver aims its pointer beside the link.)
async fn open_council(client: &Client, year: i32, zoomed: bool) {
    wait_screen(client, "council-list").await;
    press(client, "[data-testid=open-council]").await;
    wait_screen(client, "council").await;
    if zoomed {
        visible(client, "#account-year").await.unwrap();
        client
            .execute(
                "const s = document.querySelector('#account-year');
                 Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, arguments[0]);
                 s.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![year.to_string().into()],
            )
            .await
            .unwrap();
    } else {
        select(client, "#account-year", &year.to_string()).await.unwrap();
    }
    wait_for_text(client, "#account-title", &format!("Utvalgets regnskap {year}")).await;
    wait(client, "[data-testid=account-balance]").await.unwrap();
}

/// In the open account form: the entry's date, kind, text and amount typed,
/// and «Lagre» pressed.
async fn save_entry(client: &Client, date: &str, kind: &str, text: &str, amount: &str) {
    fill(client, "#account-date", date).await.unwrap();
    select(client, "#account-kind", kind).await.unwrap();
    fill_fields(client, &[("#account-text", text), ("#account-amount", amount)]).await;
    click(client, "[data-testid=save-account-entry]").await.unwrap();
}

async fn scroll_to_account(client: &Client) {
    client
        .execute(
            "document.querySelector('[data-testid=account-section]').scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_grant_and_an_expense_are_entered_a_faulty_entry_shows_every_fault_and_a_deficit_is_marked() {
    let app = App::start();
    let id = council(&app);
    let year = Local::now().date_naive().year();
    let client = app.launch().await;
    client.set_window_size(1280, 800).await.unwrap();
    open_council(&client, year, false).await;
    wait_for_text(
        &client,
        "[data-testid=account-empty]",
        &format!("Ingen føringer i {year}."),
    )
    .await;

    // The running grant from the kommune.
    click(&client, "[data-testid=add-account-entry]").await.unwrap();
    let date = format!("15.01.{year}");
    save_entry(&client, &date, "grant", "Driftstilskudd fra kommunen", "5 000").await;
    wait_for_text(
        &client,
        "[data-testid=account-confirmation]",
        "Driftstilskudd fra kommunen",
    )
    .await;
    wait_count(&client, "the grant is listed", "[data-testid=account-row]", 1).await;
    wait_for_text(&client, "[data-testid=account-closing]", "kr 5 000,00").await;
    assert_eq!(count(&client, "[data-testid=account-deficit]").await, 0);

    // A faulty expense: no such day, no text, an amount with a full stop —
    // all three said at once, each at its field, and nothing written.
    click(&client, "[data-testid=add-account-entry]").await.unwrap();
    save_entry(&client, &format!("31.02.{year}"), "expense", "", "7.250,50").await;
    wait(&client, "#account-date-error").await.unwrap();
    wait_for_text(&client, "#account-date-error", "31. februar finnes ikke").await;
    wait_for_text(&client, "#account-text-error", "Skriv hva føringen gjelder.").await;
    wait_for_text(&client, "#account-amount-error", "Skriv beløpet i kroner").await;
    assert_eq!(
        count(&client, "[data-testid=account-row]").await,
        1,
        "a refused entry adds no row"
    );
    crate::accessibility::assert_no_serious_violations(&client, "the account form with its faults").await;
    scroll_to_account(&client).await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_ACCOUNT_SHOTS").join("account-faults-1280x800.png"),
    )
    .await;

    // Put right, the expense is more than the account holds: kept, and the balance is a deficit.
    let date = format!("01.03.{year}");
    save_entry(&client, &date, "expense", "Ny grill til grendehuset", "7 250,50").await;
    wait_count(&client, "the expense is listed", "[data-testid=account-row]", 2).await;
    wait_for_text(&client, "[data-testid=account-expense]", "−kr 7 250,50").await;
    wait_for_text(&client, "[data-testid=account-closing]", "−kr 2 250,50").await;
    wait_for_text(&client, "[data-testid=account-deficit]", "Underskudd").await;
    crate::accessibility::assert_no_serious_violations(&client, "the account with a deficit").await;
    scroll_to_account(&client).await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_ACCOUNT_SHOTS").join("account-1280x800.png"),
    )
    .await;

    // Edited down, the deficit is gone.
    click(
        &client,
        "[data-testid=account-row]:nth-child(2) [data-testid=edit-account-entry]",
    )
    .await
    .unwrap();
    wait_for_text(&client, "#account-form-title", "Endre føring").await;
    fill(&client, "#account-amount", "4 000").await.unwrap();
    click(&client, "[data-testid=save-account-entry]").await.unwrap();
    wait_for_text(&client, "[data-testid=account-closing]", "kr 1 000,00").await;
    assert_eq!(count(&client, "[data-testid=account-deficit]").await, 0);
    client.close().await.unwrap();

    // What the app showed is in the file: two entries, the deficit once stored, then edited away.
    let store = open_store(&app.db);
    let account = store.council_account(&id, year).unwrap();
    assert_eq!(account.entries.len(), 2, "the refused entry wrote nothing");
    assert_eq!((account.summary.closing_ore, account.summary.deficit), (100_000, false));
    let expense = &account.entries[1];
    assert_eq!(
        (expense.kind, expense.text.as_str()),
        (AccountKind::Expense, "Ny grill til grendehuset")
    );
    let log = store.audit_log(Some(&expense.id)).unwrap();
    assert!(
        log.iter().any(|e| e.field == "amountOre"
            && e.old.as_deref() == Some("725050")
            && e.new.as_deref() == Some("400000")),
        "{log:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_account_fits_a_small_laptop_at_125_percent() {
    let app = App::start_with(&[("GRENDEBOK_ZOOM", "1.25".as_ref())]);
    let id = council(&app);
    let year = Local::now().date_naive().year();
    {
        let mut store = open_store(&app.db);
        let actor = store.actor(Utc::now()).unwrap();
        for (month, kind, text, amount) in [
            (1, AccountKind::Grant, "Driftstilskudd fra kommunen", "15 000"),
            (
                3,
                AccountKind::Expense,
                "Kaffe og kaker til åpent møte for hele grenda",
                "1 250",
            ),
            (5, AccountKind::Income, "Loddsalg på sommerfesten", "2 300"),
            (9, AccountKind::Expense, "Ny scene til grendefesten", "18 400,50"),
        ] {
            let input = AccountEntryInput {
                date: chrono::NaiveDate::from_ymd_opt(year, month, 10),
                kind,
                text: text.into(),
                amount: amount.into(),
            };
            store.add_account_entry(&actor, &id, &input).unwrap();
        }
    }
    let client = app.launch().await;
    let mut survey = Survey::of_window(&app, &client, 1024, 640, "1.25").await;
    open_council(&client, year, true).await;
    wait_for_text(&client, "[data-testid=account-deficit]", "Underskudd").await;
    press(&client, "[data-testid=add-account-entry]").await;
    wait(&client, "[data-testid=account-form]").await.unwrap();
    press(&client, "[data-testid=save-account-entry]").await;
    wait(&client, "#account-text-error").await.unwrap();
    survey.check(&client, "council account").await;
    scroll_to_account(&client).await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_ACCOUNT_SHOTS").join("account-1024x640-125.png"),
    )
    .await;
    client
        .execute("window.scrollBy(0, window.innerHeight * 0.8);", vec![])
        .await
        .unwrap();
    screenshot(
        &client,
        &app.shots("GRENDEBOK_ACCOUNT_SHOTS").join("account-1024x640-125-b.png"),
    )
    .await;
    survey.assert_clean();
}
