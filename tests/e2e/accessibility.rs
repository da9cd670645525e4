//! Accessibility (WCAG 2.1 AA) inside the real app: axe-core runs in the
//! app's own web view on every screen and main dialog with the demo data, and
//! a person reaches a council and its member dialog with the keyboard alone.
//!
//! axe-core comes from npm (`ui/node_modules/axe-core`, a devDependency, not
//! in the app's bundle); WebDriver's execute script runs it in the page
//! without touching the app's CSP (see ACCESSIBILITY.md).

use std::path::PathBuf;
use std::time::Duration;

use chrono::Datelike;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use grendebok_e2e::*;
use serde_json::Value;

/// The WCAG levels the issue asks for.
const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// One rule axe found broken, with every element that breaks it.
#[derive(Debug)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub targets: Vec<String>,
}

impl Violation {
    /// Serious and critical violations fail the test; moderate and minor are listed only.
    fn blocks(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run `npm ci` in ui/ (it is a devDependency)",
            path.display()
        )
    })
}

/// Runs axe-core in the page as it stands (injecting it once per app
/// process) and returns every violation of the WCAG 2.1 A/AA rules.
pub async fn axe(client: &Client) -> Vec<Violation> {
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("the page answers a script");
    if loaded != Value::Bool(true) {
        let version = client
            .execute(&format!("{}\n;return window.axe.version;", axe_source()), vec![])
            .await
            .expect("axe-core loads into the page");
        assert!(version.is_string(), "axe-core did not load: {version:?}");
    }
    let script = r#"
        const tags = arguments[0];
        const done = arguments[arguments.length - 1];
        // Measure what stays on screen: let opening dialogs and fades finish first.
        const finite = document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
        Promise.all(finite.map((a) => a.finished.catch(() => null)))
          .then(() => axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }))
          .then((r) => done(r.violations.map((v) => ({
            id: v.id, impact: v.impact || "", help: v.help,
            targets: v.nodes.map((n) => [n.target.join(" "), ...n.any.concat(n.all, n.none).map((c) => c.message)].join(" — ")),
          }))))
          .catch((e) => done("axe failed: " + e));
    "#;
    let answer = client
        .execute_async(script, vec![serde_json::json!(AXE_TAGS)])
        .await
        .expect("axe-core runs");
    let list = answer
        .as_array()
        .unwrap_or_else(|| panic!("axe-core answered {answer}"));
    list.iter()
        .map(|v| Violation {
            id: v["id"].as_str().unwrap_or_default().into(),
            impact: v["impact"].as_str().unwrap_or_default().into(),
            help: v["help"].as_str().unwrap_or_default().into(),
            targets: v["targets"]
                .as_array()
                .map(|t| t.iter().filter_map(|s| s.as_str().map(String::from)).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// Fails when axe finds a serious or critical violation on `screen` as it
/// stands (for screens that other tests reach, such as a running job).
pub async fn assert_no_serious_violations(client: &Client, screen: &str) {
    let mut audit = Audit::default();
    audit.check(client, screen).await;
    audit.assert_clean();
}

/// What axe found on each screen, for one readable failure at the end.
#[derive(Default)]
struct Audit {
    blocking: Vec<String>,
    advice: Vec<String>,
    screens: usize,
}

impl Audit {
    async fn check(&mut self, client: &Client, screen: &str) {
        // Let the last state change paint (WebKit, Designsystemet's dialogs).
        tokio::time::sleep(Duration::from_millis(250)).await;
        self.screens += 1;
        for v in axe(client).await {
            let line = format!(
                "[{screen}] {} ({}): {}\n      at {}",
                v.id,
                v.impact,
                v.help,
                v.targets.join("\n      at ")
            );
            if v.blocks() {
                self.blocking.push(line);
            } else {
                self.advice.push(line);
            }
        }
    }

    /// Opens the dialog of the button with test id `button`, checks it as
    /// the screen `name`, and closes it with Escape.
    async fn dialog(&mut self, client: &Client, button: &str, name: &str) {
        click(client, &format!("[data-testid={button}]")).await.unwrap();
        wait(client, "dialog[open]").await.unwrap();
        self.check(client, name).await;
        close_dialog(client).await;
    }

    fn assert_clean(&self) {
        if !self.advice.is_empty() {
            println!(
                "axe-core, moderate or minor (not failing):\n  {}",
                self.advice.join("\n  ")
            );
        }
        assert!(
            self.blocking.is_empty(),
            "axe-core found {} serious or critical violation(s) on {} screens:\n  {}",
            self.blocking.len(),
            self.screens,
            self.blocking.join("\n  ")
        );
    }
}

async fn wait_all(client: &Client, css: &str, n: usize) -> Vec<fantoccini::elements::Element> {
    wait_until(&format!("{n} of {css}"), || async { count(client, css).await >= n }).await;
    client.find_all(Locator::Css(css)).await.unwrap()
}

/// Opens every chart's "Vis som tabell" (axe skips what a closed details
/// hides), once the charts have drawn; returns how many it opened.
async fn open_chart_tables(client: &Client) -> usize {
    wait_loaded(client).await;
    let opened = client
        .execute(
            "const all = [...document.querySelectorAll('.chart-details')];
             all.forEach((d) => { d.open = true; d.setAttribute('open', ''); });
             return all.length;",
            vec![],
        )
        .await
        .expect("the page answers a script");
    opened.as_u64().unwrap_or(0) as usize
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_and_dialog_passes_axe_core_without_serious_violations() {
    let app = App::start();
    let client = app.launch().await;
    let mut audit = Audit::default();
    let shots = app.shots("GRENDEBOK_A11Y_SHOTS");

    // First start, and its field message when the name is left empty.
    wait_screen(&client, "welcome").await;
    audit.check(&client, "welcome").await;
    click(&client, "[data-testid=save-user-name]").await.unwrap();
    wait(&client, "#user-name-error").await.unwrap();
    audit.check(&client, "welcome, name missing").await;
    fill(&client, "#user-name", "Kari Sekretær").await.unwrap();
    click(&client, "[data-testid=save-user-name]").await.unwrap();

    // The empty list; then the demo councils, loaded while the app is closed.
    wait(&client, "[data-testid=load-demo]").await.unwrap();
    audit.check(&client, "council list, empty").await;
    client.close().await.unwrap();
    app.load_demo();
    let client = app.launch().await;
    wait_all(&client, "[data-testid=council-row]", 3).await;
    audit.check(&client, "council list").await;

    // The language picker: the screen in nynorsk and English, then back to bokmål.
    for lang in ["nn", "en", "nb"] {
        select(&client, "#language", lang).await.unwrap();
        wait_until(&format!("the page is in {lang}"), || async {
            client
                .execute("return document.documentElement.lang;", vec![])
                .await
                .map(|l| l == lang)
                .unwrap_or(false)
        })
        .await;
        if lang != "nb" {
            audit.check(&client, &format!("council list in {lang}")).await;
        }
    }

    // A council with members, its dialogs, and its form with a field message.
    click_starting_with(&client, "[data-testid=open-council]", "Lyngvik").await;
    wait_screen(&client, "council").await;
    wait(&client, "[data-testid=member-row]").await.unwrap();
    audit.check(&client, "council page").await;
    let tables = open_chart_tables(&client).await;
    assert!(tables >= 2, "the attendance and budget charts have tables: {tables}");
    audit.check(&client, "council page, chart tables shown").await;
    for (button, dialog) in [
        ("add-member", "member dialog"),
        ("edit-member", "member dialog, edit"),
        ("end-member", "end membership dialog"),
        ("waive-duty", "waive duty dialog"),
        ("change-due", "due date dialog"),
    ] {
        audit.dialog(&client, button, dialog).await;
    }
    click(&client, "[data-testid=edit-council]").await.unwrap();
    wait(&client, "#council-name").await.unwrap();
    audit.check(&client, "council form").await;
    click(&client, "[data-testid=back-to-list]").await.unwrap();
    click(&client, "[data-testid=new-council]").await.unwrap();
    fill(&client, "#council-name", "   ").await.unwrap();
    click(&client, "[data-testid=save-council]").await.unwrap();
    wait(&client, "#council-name-error").await.unwrap();
    audit.check(&client, "council form, name missing").await;
    screenshot(&client, &shots.join("council-form-error.png")).await;
    click(&client, "[data-testid=back-to-list]").await.unwrap();
    click_starting_with(&client, "[data-testid=open-council]", "Lyngvik").await;
    wait_screen(&client, "council").await;

    // Every meeting of the council: agenda, attendance, minutes, approval.
    let meetings = wait_all(&client, "[data-testid=open-meeting]", 3).await.len();
    for i in 0..meetings {
        let links = wait_all(&client, "[data-testid=open-meeting]", meetings).await;
        links[i].click().await.unwrap();
        wait_screen(&client, "meeting").await;
        if count(&client, "[data-testid=item-row]").await > 0 {
            click(&client, "[data-testid=item-row]").await.unwrap();
            wait(&client, "[data-testid=item-panel]").await.unwrap();
        }
        audit.check(&client, &format!("meeting {}", i + 1)).await;
        if i == 0 {
            // The upcoming meeting: its dialogs, then held, with the minutes
            // being written and the approval dialog.
            audit.dialog(&client, "edit-meeting", "meeting dialog").await;
            audit.dialog(&client, "add-item", "agenda item dialog").await;
            click(&client, "[data-testid=mark-held]").await.unwrap();
            wait(&client, "[data-testid=step-dialog]").await.unwrap();
            audit.check(&client, "mark held question").await;
            confirm_step(&client).await;
            wait(&client, "[data-testid=meeting-status][data-status=held]")
                .await
                .unwrap();
            wait(&client, "[data-testid=save-record]").await.unwrap();
            audit.check(&client, "meeting held, minutes").await;
            screenshot(&client, &shots.join("meeting-held.png")).await;
            audit.dialog(&client, "approve-minutes", "approve minutes dialog").await;
        }
        click(&client, "[data-testid=back-to-council]").await.unwrap();
        wait_screen(&client, "council").await;
    }

    // The grant scheme, its application dialog, and one application under review.
    click(&client, "[data-testid=open-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    let applications = wait_all(&client, "[data-testid=open-application]", 12).await;
    audit.check(&client, "grant scheme").await;
    audit.dialog(&client, "edit-scheme", "scheme dialog").await;
    audit.dialog(&client, "add-application", "application dialog").await;
    applications[8].click().await.unwrap();
    wait(&client, "[data-testid=score-grid]").await.unwrap();
    audit.check(&client, "application page").await;
    audit.dialog(&client, "declare-inhabil", "inhabil dialog").await;
    // A member proposed inhabil (Hanne Lislerud sits for the volunteer
    // centre): the dialog that overrules the proposal with a reason.
    click(&client, "[data-testid=back-to-scheme]").await.unwrap();
    wait_screen(&client, "scheme").await;
    let mut volunteer_centre = None;
    for row in client
        .find_all(Locator::Css("[data-testid=committee-row]"))
        .await
        .unwrap()
    {
        if row.text().await.unwrap().contains("Lyngvik frivilligsentral") {
            volunteer_centre = row.attr("data-application-id").await.unwrap();
        }
    }
    let id = volunteer_centre.expect("the demo has the volunteer centre's application");
    click(
        &client,
        &format!("[data-testid=committee-row][data-application-id='{id}'] [data-testid=open-application]"),
    )
    .await
    .unwrap();
    wait(&client, "[data-testid=score-grid]").await.unwrap();
    audit
        .dialog(&client, "overrule-inhabil", "overrule inhabil dialog")
        .await;

    // A granted application: its payouts and final report.
    let mut granted = false;
    for i in 0..applications.len() {
        click(&client, "[data-testid=back-to-scheme]").await.unwrap();
        wait_screen(&client, "scheme").await;
        wait_all(&client, "[data-testid=open-application]", applications.len()).await[i]
            .click()
            .await
            .unwrap();
        wait_screen(&client, "application").await;
        if count(&client, "[data-testid=payout-status]").await > 0 {
            audit.check(&client, "application granted, payouts and report").await;
            granted = true;
            break;
        }
    }
    assert!(granted, "the demo scheme has a granted application");

    // The coordinator's overview, search, backups and the restore dialog.
    click(&client, "[data-testid=open-overview]").await.unwrap();
    wait_all(&client, "[data-testid=overview-row]", 3).await;
    audit.check(&client, "overview").await;
    let tables = open_chart_tables(&client).await;
    assert!(tables >= 2, "the year at a glance has tables: {tables}");
    audit.check(&client, "overview, chart tables shown").await;
    click(&client, "[data-testid=open-profile]").await.unwrap();
    wait_screen(&client, "profile").await;
    audit.check(&client, "kommune profile").await;
    // The built-in profile has no kommune name: saving shows the fault at its field.
    click(&client, "[data-testid=save-profile]").await.unwrap();
    wait(&client, "#profile-kommune-error").await.unwrap();
    audit.check(&client, "kommune profile, a fault shown").await;
    search_from_header(&client, "dugnad").await;
    wait_all(&client, "[data-testid=search-hit]", 1).await;
    audit.check(&client, "search results").await;
    // An application found opens on its own page, not on its scheme's.
    fill(&client, "[data-testid=search-field]", "kulturminner")
        .await
        .unwrap();
    wait_until("the hits for «kulturminner» are shown", || async {
        count(&client, "[aria-busy=true]").await == 0
            && text_of(&client, "[data-testid=search-count]").await == "1 treff"
    })
    .await;
    click(
        &client,
        "[data-testid=search-hit][data-kind=application] [data-testid=open-hit]",
    )
    .await
    .unwrap();
    wait_screen(&client, "application").await;
    wait_for_text(&client, "h1", "Lyngvik historielag").await;
    click(&client, "[data-testid=open-backups]").await.unwrap();
    wait_screen(&client, "backups").await;
    wait(&client, "[data-testid=backup-row]").await.unwrap();
    audit.check(&client, "backups").await;
    audit.dialog(&client, "restore-backup", "restore dialog").await;
    screenshot(&client, &shots.join("backups.png")).await;

    client.close().await.unwrap();

    // A file that is not a database: the start-up error screen.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", app.db.display()));
    }
    std::fs::write(&app.db, b"not a database".repeat(100)).unwrap();
    let client = app.launch().await;
    wait(&client, "[data-testid=startup-message]").await.unwrap();
    audit.check(&client, "start-up error").await;
    client.close().await.unwrap();
    audit.assert_clean();
}

/// What has the keyboard focus: its test id (or tag) and text, and whether
/// a focus indicator is drawn around it (an outline or Designsystemet's ring).
async fn focused(client: &Client) -> (String, String, bool) {
    let answer = client
        .execute(
            r#"const e = document.activeElement;
               if (!e || e === document.body) return ["body", "", false];
               let ring;
               if (document.hasFocus()) {
                 const s = getComputedStyle(e);
                 ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
               } else {
                 // WebKit draws focus only in the active window, and another test's window
                 // may be the active one: ask the style sheets for a ring on this element.
                 const flat = (list) => [...list].flatMap((r) => (r instanceof CSSStyleRule ? [r] : r.cssRules ? flat(r.cssRules) : []));
                 ring = [...document.styleSheets].flatMap((sheet) => flat(sheet.cssRules)).some((r) => {
                   const draws = (r.style.outline && !/^(none|0)/.test(r.style.outline)) || (r.style.boxShadow && r.style.boxShadow !== "none");
                   return draws && r.selectorText.split(",").filter((x) => x.includes(":focus-visible")).some((x) => {
                     try { return e.matches(x.replace(/:focus-visible/g, "").trim() || "*"); } catch { return false; }
                   });
                 });
               }
               return [e.getAttribute("data-testid") || e.id || e.tagName.toLowerCase(), e.textContent.trim(), ring];"#,
            vec![],
        )
        .await
        .expect("the page answers a script");
    (
        answer[0].as_str().unwrap_or_default().into(),
        answer[1].as_str().unwrap_or_default().into(),
        answer[2].as_bool().unwrap_or(false),
    )
}

async fn press(client: &Client, key: Key) {
    type_here(client, &char::from(key).to_string()).await;
}

/// Presses Tab until the focused element is `testid` (with text starting
/// `text`), as a keyboard user does; panics when it is never reached.
async fn tab_to(client: &Client, testid: &str, text: &str) {
    let mut path = Vec::new();
    for _ in 0..150 {
        press(client, Key::Tab).await;
        let (id, label, ring) = focused(client).await;
        if id == testid && label.starts_with(text) {
            assert!(ring, "{testid} has the focus but no visible focus ring");
            return;
        }
        path.push(id);
    }
    panic!("Tab never reached {testid} {text:?}; it went through {path:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_keyboard_user_opens_a_council_and_adds_a_member_without_the_mouse() {
    let app = App::start();
    grendebok_core::Store::create(&app.db).unwrap();
    app.load_demo();
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;

    // The first Tab from the top of the window lands on the skip link, and it leads into <main>.
    client
        .execute(
            "document.activeElement && document.activeElement.blur(); window.focus();",
            vec![],
        )
        .await
        .unwrap();
    client.find(Locator::Css("body")).await.unwrap();
    tab_to(&client, "a", "").await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_A11Y_SHOTS").join("keyboard-skip-link.png"),
    )
    .await;
    let (_, skip, _) = focused(&client).await;
    assert_eq!(skip, "Gå til hovedinnhold", "the first stop is the skip link");
    // The next stop is the header's navigation, its ring visible on the blue header; back with Shift+Tab.
    tab_to(&client, "open-councils", "Utvalg").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    screenshot(&client, &app.shots("GRENDEBOK_A11Y_SHOTS").join("keyboard-header.png")).await;
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&format!("{}{}", char::from(Key::Shift), char::from(Key::Tab)))
        .await
        .unwrap();
    assert_eq!(
        focused(&client).await.1,
        "Gå til hovedinnhold",
        "Shift+Tab goes back to the skip link"
    );
    press(&client, Key::Enter).await;
    wait_until("the skip link moved the focus into the main content", || async {
        client
            .execute(
                "return document.getElementById('main').contains(document.activeElement) || location.hash === '#main';",
                vec![],
            )
            .await
            .map(|v| v == Value::Bool(true))
            .unwrap_or(false)
    })
    .await;

    // Tab to the council, Enter opens it.
    tab_to(&client, "open-council", "Lyngvik").await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_A11Y_SHOTS").join("keyboard-council-link.png"),
    )
    .await;
    press(&client, Key::Enter).await;
    wait_screen(&client, "council").await;
    wait(&client, "[data-testid=member-row]").await.unwrap();
    let members = count(&client, "[data-testid=member-row]").await;

    // Tab to "add member", Enter opens the dialog with the focus in its first field.
    tab_to(&client, "add-member", "").await;
    screenshot(
        &client,
        &app.shots("GRENDEBOK_A11Y_SHOTS").join("keyboard-add-member.png"),
    )
    .await;
    press(&client, Key::Enter).await;
    wait(&client, "dialog[open]").await.unwrap();
    wait_until("the name field has the focus", || async {
        focused(&client).await.0 == "member-name"
    })
    .await;

    // Escape closes it and the focus returns to the button that opened it.
    press(&client, Key::Escape).await;
    wait_count(&client, "the dialog is closed", "dialog[open]", 0).await;
    wait_until("the focus is back on the add-member button", || async {
        focused(&client).await.0 == "add-member"
    })
    .await;

    // Open it again, type a name and save with Enter: the member is listed.
    press(&client, Key::Enter).await;
    wait_until("the name field has the focus", || async {
        focused(&client).await.0 == "member-name"
    })
    .await;
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&format!("Tastatur Testesen{}", char::from(Key::Enter)))
        .await
        .unwrap();
    wait_count(
        &client,
        "the new member is listed",
        "[data-testid=member-row]",
        members + 1,
    )
    .await;
    // The focus is not lost to the top of the page: it is back on the button.
    wait_until("the focus is back on the add-member button after saving", || async {
        focused(&client).await.0 == "add-member"
    })
    .await;
    client.close().await.unwrap();
}

/// Types `text` where the focus is.
async fn type_here(client: &Client, text: &str) {
    client
        .active_element()
        .await
        .expect("an element has the focus")
        .send_keys(text)
        .await
        .expect("the text is typed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_keyboard_user_plans_a_meeting_adds_an_item_and_sends_the_notice() {
    let app = App::start();
    grendebok_core::Store::create(&app.db).unwrap();
    app.load_demo();
    let client = app.launch().await;
    wait_screen(&client, "council-list").await;
    tab_to(&client, "open-council", "Lyngvik").await;
    press(&client, Key::Enter).await;
    wait_screen(&client, "council").await;
    wait_loaded(&client).await;

    // "Nytt møte": the dialog opens with the focus on its date; Tab moves
    // from field to field, and Enter in the last one saves.
    tab_to(&client, "new-meeting", "").await;
    press(&client, Key::Enter).await;
    wait_until("the date field has the focus", || async {
        focused(&client).await.0 == "meeting-date"
    })
    .await;
    let year = chrono::Local::now().date_naive().year() + 1;
    type_here(&client, &format!("12.03.{year}")).await;
    tab_to(&client, "meeting-starts-at", "").await;
    type_here(&client, "19:00").await;
    tab_to(&client, "meeting-place", "").await;
    type_here(&client, &format!("Lyngvik grendehus{}", char::from(Key::Enter))).await;
    wait_screen(&client, "meeting").await;
    wait_for_text(&client, "[data-testid=confirmation]", &format!("12.03.{year}")).await;

    // "Legg til sak": the focus is in the title; Enter saves the item.
    tab_to(&client, "add-item", "").await;
    press(&client, Key::Enter).await;
    wait_until("the title field has the focus", || async {
        focused(&client).await.0 == "item-title"
    })
    .await;
    type_here(&client, &format!("Benker i parken{}", char::from(Key::Enter))).await;
    wait_count(&client, "the item is on the agenda", "[data-testid=item-row]", 1).await;
    screenshot(&client, &app.shots("GRENDEBOK_A11Y_SHOTS").join("keyboard-meeting.png")).await;

    // "Send innkalling" with Enter: the notice is sent, the screen says so,
    // and the focus is still inside the page, not lost to its top.
    tab_to(&client, "send-notice", "").await;
    press(&client, Key::Enter).await;
    // The question says what sending does; its button is reached with Tab.
    wait(&client, "[data-testid=step-dialog]").await.unwrap();
    tab_to(&client, "confirm-step", "").await;
    press(&client, Key::Enter).await;
    wait(&client, "[data-testid=meeting-status][data-status=notice_sent]")
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=confirmation]", "Innkallingen").await;
    let (id, _, _) = focused(&client).await;
    assert_ne!(id, "body", "the focus stays in the page after sending the notice");
    client.close().await.unwrap();
}
