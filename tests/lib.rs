//! The end-to-end harness: starts `tauri-driver` (which starts the real app
//! binary in WebKit per WebDriver session) with a private home, data folder
//! and database for each test, and helpers to drive the UI.
//!
//! It fails loudly, never silently: no display, no tauri-driver, no app
//! binary, or an app that does not show its first screen is a panic with a
//! message saying what to do.

use std::ffi::OsStr;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub mod seed;
pub use seed::{
    new_application, new_item, new_meeting, new_member, new_member_reached_at, new_record, new_scheme, Seed,
};

/// How long the UI may take to show something before a test fails.
pub const UI_TIMEOUT: Duration = Duration::from_secs(20);

/// The app binary: `$GRENDEBOK_APP`, or the workspace's debug build.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("GRENDEBOK_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("debug/grendebok")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// One test's world: a private home and database, and a tauri-driver that
/// starts the app inside it. Dropping it stops tauri-driver with SIGTERM (a
/// SIGKILL would orphan WebKitWebDriver and hang the run).
pub struct App {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    driver: Child,
    port: u16,
}

impl App {
    /// Where the app saves exports in the tests (no save dialog).
    pub fn exports(&self) -> PathBuf {
        self.dir.path().join("exports")
    }

    /// Every file the app has saved in the test's export folder, by name.
    pub fn exported(&self) -> Vec<PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(self.exports())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    }

    /// Where a test puts its screenshots: the folder named by the variable
    /// `var` when it is set (made if missing), else the test's own folder.
    pub fn shots(&self, var: &str) -> PathBuf {
        match std::env::var_os(var) {
            Some(dir) => {
                std::fs::create_dir_all(&dir).expect("the screenshot folder");
                PathBuf::from(dir)
            }
            None => self.dir.path().to_path_buf(),
        }
    }

    /// Like [`App::shots`], in the sub-folder `folder` of it (made if missing).
    pub fn shots_in(&self, var: &str, folder: &str) -> PathBuf {
        let dir = self.shots(var).join(folder);
        std::fs::create_dir_all(&dir).expect("the screenshot folder");
        dir
    }

    /// The app launched, and the (first) council opened from the list.
    pub async fn launch_at_council(&self) -> Client {
        let client = self.launch().await;
        wait_screen(&client, "council-list").await;
        click(&client, "[data-testid=open-council]").await.unwrap();
        wait_screen(&client, "council").await;
        client
    }

    /// The app launched, and the first council's (first) meeting opened.
    pub async fn launch_at_meeting(&self) -> Client {
        let client = self.launch_at_council().await;
        open_meeting(&client).await;
        client
    }

    /// The app launched, and the first council's (first) grant scheme opened.
    pub async fn launch_at_scheme(&self) -> Client {
        let client = self.launch_at_council().await;
        click(&client, "[data-testid=open-scheme]").await.unwrap();
        wait_screen(&client, "scheme").await;
        client
    }

    /// Closes the app (ends its WebDriver session), then opens its database
    /// for the test to read what was saved.
    pub async fn quit(&self, client: Client) -> grendebok_core::Store {
        client.close().await.unwrap();
        open_store(&self.db)
    }

    /// The demo councils and a backup of them, written straight into the
    /// test's database while the app is closed.
    pub fn load_demo(&self) {
        let mut seed = Seed::open(self);
        let now = chrono::Utc::now();
        seed.store.load_demo(&seed.actor, now.date_naive()).unwrap();
        seed.store
            .backup(grendebok_core::store::backup::BackupKind::Manual, now)
            .unwrap();
    }

    pub fn start() -> App {
        App::start_with(&[])
    }

    /// Like [`App::start`], with more variables in the app's environment,
    /// such as `GRENDEBOK_IMPORT_FILE` (the file the open dialog would pick).
    pub fn start_with(env: &[(&str, &OsStr)]) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: the end-to-end tests drive a real window; run them under Xvfb as scripts/test.sh does"
        );
        let binary = app_binary();
        assert!(
            binary.is_file(),
            "the app binary is missing at {}: build it first (`cargo build -p grendebok`, after `npm run build` in ui/)",
            binary.display()
        );
        let dir = tempfile::tempdir().expect("a temp dir");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(dir.path().join("exports")).unwrap();
        let db = dir.path().join("grendebok.sqlite3");
        let (port, native_port) = (free_port(), free_port());
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("GRENDEBOK_DB", &db)
            .env("GRENDEBOK_EXPORT_DIR", dir.path().join("exports"))
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Self::log_file(dir.path()))
            .spawn()
            .unwrap_or_else(|e| {
                panic!("tauri-driver could not start ({e}): install it with `cargo install tauri-driver --locked`")
            });
        let mut app = App { dir, db, driver, port };
        app.wait_for_driver();
        app
    }

    /// Where tauri-driver, WebKit and the app write their messages; shown
    /// when a test fails.
    fn log_file(dir: &Path) -> Stdio {
        std::fs::File::create(dir.join("app.log"))
            .map(Stdio::from)
            .unwrap_or_else(|_| Stdio::null())
    }

    fn wait_for_driver(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.driver.try_wait() {
                panic!("tauri-driver exited at start with {status}");
            }
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tauri-driver did not listen on port {} within 20 s", self.port);
    }

    /// Starts the app (one WebDriver session is one app process) and waits
    /// for its first screen. An app closed just before may still be exiting
    /// and holding the file: the new one starts once it has let go.
    pub async fn launch(&self) -> Client {
        wait_unlocked(&self.db);
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let client = ClientBuilder::rustls()
            .expect("a WebDriver HTTP client")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .unwrap_or_else(|e| panic!("the app did not start under tauri-driver: {e}"));
        if let Err(e) = wait(&client, "[data-ready=true]").await {
            // What the web view holds says whether the UI failed to start.
            let body = client
                .execute(
                    "return document.body ? document.body.outerHTML.slice(0, 2000) : 'no body'",
                    vec![],
                )
                .await
                .map(|v| v.to_string())
                .unwrap_or_default();
            panic!("the app started but showed no screen within {UI_TIMEOUT:?}: {e}\nthe page held: {body}");
        }
        client
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let log = std::fs::read_to_string(self.dir.path().join("app.log")).unwrap_or_default();
            let lines: Vec<&str> = log.lines().collect();
            let tail = lines[lines.len().saturating_sub(60)..].join("\n");
            eprintln!("--- the app's last messages ---\n{tail}\n---");
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub type Result<T> = std::result::Result<T, fantoccini::error::CmdError>;

/// Waits for an element to appear.
pub async fn wait(client: &Client, css: &str) -> Result<Element> {
    client.wait().at_most(UI_TIMEOUT).for_element(Locator::Css(css)).await
}

/// Waits until `check` holds, polling; panics with `what` on timeout.
pub async fn wait_until<F, Fut>(what: &str, check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    if !comes_true(check).await {
        panic!("timed out after {UI_TIMEOUT:?} waiting until {what}");
    }
}

/// Whether `check` comes true within [`UI_TIMEOUT`], asked every 100 ms.
async fn comes_true<F, Fut>(mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + UI_TIMEOUT;
    while Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

/// Retries `action` while the element is there but not yet usable (still
/// rendering, or briefly covered), until [`UI_TIMEOUT`].
async fn when_interactable<F, Fut>(mut action: F) -> Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        match action().await {
            Err(e) if Instant::now() < deadline && is_transient(&e) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

fn is_transient(e: &fantoccini::error::CmdError) -> bool {
    use fantoccini::error::ErrorStatus::*;
    matches!(
        e,
        fantoccini::error::CmdError::Standard(w)
            if matches!(w.error, ElementNotInteractable | ElementClickIntercepted | StaleElementReference)
    )
}

/// Waits for an element and scrolls it to the middle of its scroll area, as
/// a person scrolls a long dialog before typing into its last field.
///
/// It waits first for the screen to settle, as a person waits for a page to
/// stop moving: no section still loading, and the element where it was a
/// moment ago. A click aimed at a button that a loading section then pushes
/// down would land on whatever took its place.
pub async fn visible(client: &Client, css: &str) -> Result<Element> {
    let element = wait(client, css).await?;
    let arg = serde_json::to_value(&element).expect("an element reference serialises");
    let place = || async {
        client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});
                 const r = arguments[0].getBoundingClientRect();
                 return document.querySelector('[data-loading]') ? null : [r.x, r.y, r.width, r.height];",
                vec![arg.clone()],
            )
            .await
    };
    let deadline = Instant::now() + UI_TIMEOUT;
    let mut last = place().await?;
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let now = place().await?;
        if (!now.is_null() && now == last) || Instant::now() >= deadline {
            return Ok(element);
        }
        last = now;
    }
}

/// Clicks an element once it is there and usable.
pub async fn click(client: &Client, css: &str) -> Result<()> {
    when_interactable(|| async { visible(client, css).await?.click().await }).await
}

/// Replaces the text of an input once it is there and usable.
pub async fn fill(client: &Client, css: &str, text: &str) -> Result<()> {
    when_interactable(|| async {
        let input = visible(client, css).await?;
        input.clear().await?;
        if !text.is_empty() {
            input.send_keys(text).await?;
        }
        Ok(())
    })
    .await
}

/// Picks an option of a `<select>` by its value.
pub async fn select(client: &Client, css: &str, value: &str) -> Result<()> {
    when_interactable(|| async { visible(client, css).await?.select_by_value(value).await }).await
}

/// The element's text as a person reads it (no-break spaces as spaces), or
/// empty when there is no such element.
pub async fn text_of(client: &Client, css: &str) -> String {
    match client.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap_or_default().replace('\u{a0}', " "),
        Err(_) => String::new(),
    }
}

pub async fn wait_for_text(client: &Client, css: &str, expected: &str) {
    wait_shown(client, &format!("{css} shows {expected:?}"), || async {
        text_of(client, css).await.contains(expected)
    })
    .await;
}

/// [`wait_until`] for something on screen: on timeout the panic says what
/// the window showed instead (an error message, a dialog left open).
pub async fn wait_shown<F, Fut>(client: &Client, what: &str, check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    if comes_true(check).await {
        return;
    }
    let shown = text_of(client, "body").await;
    let dialog = text_of(client, "dialog[open]").await;
    panic!("timed out after {UI_TIMEOUT:?} waiting until {what}\nopen dialog: {dialog:?}\nthe window showed:\n{shown}");
}

/// Waits until the screen has exactly `n` elements matching `css` (a row
/// added, a dialog gone); panics with `what` on timeout.
pub async fn wait_count(client: &Client, what: &str, css: &str, n: usize) {
    wait_until(what, || async { count(client, css).await == n }).await;
}

/// Waits until no section of the screen is still loading (`data-loading`).
pub async fn wait_loaded(client: &Client) {
    wait_until("no section is still loading", || async {
        count(client, "[data-loading]").await == 0
    })
    .await;
}

/// Waits until the screen `screen` has loaded its data.
pub async fn wait_screen(client: &Client, screen: &str) {
    wait(client, &format!("main[data-screen={screen}][data-ready=true]"))
        .await
        .unwrap_or_else(|e| panic!("the {screen} screen did not show: {e}"));
}

pub async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0)
}

pub async fn attr(client: &Client, css: &str, name: &str) -> Option<String> {
    wait(client, css).await.ok()?.attr(name).await.ok().flatten()
}

/// Saves a screenshot of the window next to the test's files, for a person to look at.
pub async fn screenshot(client: &Client, path: &Path) {
    // WebKit may still hold the previous frame just after the DOM changed.
    tokio::time::sleep(Duration::from_millis(400)).await;
    if let Ok(png) = client.screenshot().await {
        let _ = std::fs::write(path, png);
    }
}

/// Opens the database at `path`, waiting (up to [`UI_TIMEOUT`]) while an
/// app closing on it still holds its writer lock.
fn open_when_unlocked(path: &Path) -> grendebok_core::Result<grendebok_core::Store> {
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        match grendebok_core::Store::open_existing(path) {
            Err(e) if e.code() == "locked" && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Waits while an app closing on `path` still holds its writer lock. A file
/// that is missing or refused for any other reason (the tests of damaged
/// files) is the app's to report.
fn wait_unlocked(path: &Path) {
    if path.exists() {
        let _ = open_when_unlocked(path);
    }
}

/// Opens the app's database from the test, waiting while a closing app still
/// holds its writer lock.
pub fn open_store(path: &Path) -> grendebok_core::Store {
    open_when_unlocked(path).unwrap_or_else(|e| panic!("the app's database {}: {e}", path.display()))
}

/// Clicks a form's submit button and waits until `done` (what the person
/// then sees). Under heavy load WebKit has been seen to drop such a click:
/// the form stays open with its button idle. Clicking once more then is what
/// a person does; never while the form is saving (its button busy), so
/// nothing is saved twice.
pub async fn submit<F, Fut>(client: &Client, button: &str, what: &str, done: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    click(client, button).await.unwrap();
    for _ in 0..50 {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let idle = format!("{button}:not([aria-busy=true]):not([aria-disabled=true]):not([disabled])");
    if count(client, &idle).await == 1 {
        let _ = click(client, button).await;
    }
    wait_shown(client, what, done).await;
}

/// Answers the question before a status change ("Send innkallingen?",
/// "Merke møtet som avholdt?", "Angre siste steg?") with its confirm button
/// and waits until the question is gone.
pub async fn confirm_step(client: &Client) {
    answer_step(client, "confirm-step").await;
}

/// Leaves the question before a status change unanswered ("Avbryt") and
/// waits until it is gone, so the screen behind it can be used again.
pub async fn cancel_step(client: &Client) {
    answer_step(client, "cancel-step").await;
}

async fn answer_step(client: &Client, testid: &str) {
    let button = format!("[data-testid=step-dialog] [data-testid={testid}]");
    click(client, &button).await.unwrap();
    // Under heavy load WebKit has been seen to drop a click on a dialog that
    // has just opened: the dialog stays, its button not running. Clicking
    // again then is what a person does; the button itself ignores a second
    // click once its change runs, so the step is never taken twice.
    for _ in 0..50 {
        if count(client, "[data-testid=step-dialog]").await == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if count(client, &format!("{button}[aria-disabled]")).await == 0 && count(client, &button).await == 1 {
        let _ = click(client, &button).await;
    }
    wait_shown(client, "the status change's question is answered and gone", || async {
        count(client, "[data-testid=step-dialog]").await == 0
    })
    .await;
}

/// Closes the open dialog with Escape, as a keyboard user does, and waits
/// until it is gone.
pub async fn close_dialog(client: &Client) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&char::from(fantoccini::key::Key::Escape).to_string())
        .await
        .unwrap();
    wait_until("the dialog is closed", || async {
        count(client, "dialog[open]").await == 0
    })
    .await;
}

/// Types each `(field, text)` into its field (by CSS selector), in order,
/// as a person fills in a form from top to bottom.
pub async fn fill_fields(client: &Client, fields: &[(&str, &str)]) {
    for (css, text) in fields {
        fill(client, css, text).await.unwrap();
    }
}

/// From a council's page: «Nytt møte» on `date` (as typed) at `starts_at` in
/// `place`, saved.
pub async fn plan_meeting(client: &Client, date: &str, starts_at: &str, place: &str) {
    click(client, "[data-testid=new-meeting]").await.unwrap();
    fill_fields(
        client,
        &[
            ("#meeting-date", date),
            ("#meeting-starts-at", starts_at),
            ("#meeting-place", place),
        ],
    )
    .await;
    click(client, "[data-testid=save-meeting]").await.unwrap();
}

/// From a meeting's page: a new agenda item of `kind` (the select's value)
/// with its title and proposal typed and «Lagre» pressed. What follows
/// (the item on the agenda, or faults at fields) is the caller's to wait for.
pub async fn type_item(client: &Client, kind: &str, title: &str, proposal: &str) {
    click(client, "[data-testid=add-item]").await.unwrap();
    select(client, "#item-kind", kind).await.unwrap();
    fill_fields(client, &[("#item-title", title), ("#item-proposal", proposal)]).await;
    click(client, "[data-testid=save-item]").await.unwrap();
}

/// `words` typed into the header's search field and Enter pressed: the
/// search screen.
pub async fn search_from_header(client: &Client, words: &str) {
    let enter = char::from(fantoccini::key::Key::Enter);
    fill(client, "[data-testid=search-input]", &format!("{words}{enter}"))
        .await
        .unwrap();
    wait_screen(client, "search").await;
}

/// A long job's «Avbryt» pressed in its progress dialog; waits until the
/// app says that nothing was changed.
pub async fn cancel_job(client: &Client) {
    click(client, "[data-testid=progress-cancel]").await.unwrap();
    wait_for_text(client, "[data-testid=job-cancelled]", "Avbrutt — ingenting ble endret.").await;
}

/// On a council's page: `year` picked for the duties and the handover,
/// and waits until «Send til kommunen» offers that year's folder.
pub async fn handover_year(client: &Client, year: i32) {
    select(client, "#duties-year", &year.to_string()).await.unwrap();
    wait_for_text(
        client,
        "[data-testid=export-for-kommune]",
        &format!("Send til kommunen {year}"),
    )
    .await;
}

/// In the council form: the built-in seat plan typed in, in the order of
/// `SeatPlan::new` (senior, school, sports, business, volunteer).
pub async fn fill_seat_plan(client: &Client, seats: [u32; 5]) {
    let categories = ["senior", "school", "sports", "business", "volunteer"];
    for (category, count) in categories.iter().zip(seats) {
        fill(client, &format!("#seats-{category}"), &count.to_string())
            .await
            .unwrap();
    }
}

/// From a council's page: «Legg til medlem» for `name` in `category` as
/// `role` (the selects' values), with `more` fields typed as `(css, text)`;
/// waits until the member list has one row more.
pub async fn add_member(client: &Client, name: &str, (category, role): (&str, &str), more: &[(&str, &str)]) {
    let before = count(client, "[data-testid=member-row]").await;
    click(client, "[data-testid=add-member]").await.unwrap();
    fill(client, "#member-name", name).await.unwrap();
    select(client, "#member-category", category).await.unwrap();
    select(client, "#member-role", role).await.unwrap();
    fill_fields(client, more).await;
    click(client, "[data-testid=save-member]").await.unwrap();
    wait_shown(client, &format!("{name} shows in the member list"), || async {
        count(client, "[data-testid=member-row]").await == before + 1
    })
    .await;
}

/// From a council's page: its (first) meeting opened.
pub async fn open_meeting(client: &Client) {
    click(client, "[data-testid=open-meeting]").await.unwrap();
    wait_screen(client, "meeting").await;
}

/// Clicks the first `css` element whose text starts with `text`, as a person
/// picks a council by its name from a list.
pub async fn click_starting_with(client: &Client, css: &str, text: &str) {
    wait(client, css).await.unwrap();
    for element in client.find_all(Locator::Css(css)).await.unwrap() {
        if element.text().await.unwrap_or_default().starts_with(text) {
            element.click().await.unwrap();
            return;
        }
    }
    panic!("no {css} reads {text:?}");
}

/// The text of every `css` element, in order (a refused file's faults).
pub async fn texts_of(client: &Client, css: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.unwrap() {
        texts.push(element.text().await.unwrap());
    }
    texts
}

/// On a held meeting's page: each of `memberships` (ids) marked present,
/// one after the other, each saved before the next.
pub async fn mark_present<S: AsRef<str>>(client: &Client, memberships: &[S]) {
    for id in memberships {
        let row = format!("[data-testid=attendance-row][data-membership-id='{}']", id.as_ref());
        click(client, &format!("{row} [data-testid=attendance-present]"))
            .await
            .unwrap();
        wait_until(&format!("{} is present", id.as_ref()), || async {
            attr(client, &row, "data-status").await.as_deref() == Some("present")
        })
        .await;
    }
}

/// Saves the open item's record («Lagre») and waits until it is stored.
pub async fn save_record(client: &Client) {
    click(client, "[data-testid=save-record]").await.unwrap();
    wait_until("the decision is saved", || async {
        match client.find(Locator::Css("[data-testid=record-status]")).await {
            Ok(e) => e.attr("data-dirty").await.ok().flatten().as_deref() != Some("true"),
            Err(_) => true,
        }
    })
    .await;
}

/// Approves the meeting's minutes with two signatories (membership ids) and
/// waits until the protocol shows as locked.
pub async fn approve_minutes(client: &Client, first: &str, second: &str) {
    click(client, "[data-testid=approve-minutes]").await.unwrap();
    select(client, "#signatory-1", first).await.unwrap();
    select(client, "#signatory-2", second).await.unwrap();
    submit(
        client,
        "[data-testid=confirm-approve]",
        "the minutes are approved and locked",
        || async { count(client, "[data-testid=locked]").await == 1 },
    )
    .await;
}

/// Scrolls the page so that the element is in view, for a screenshot.
pub async fn scroll_to(client: &Client, css: &str) {
    let element = wait(client, css).await.unwrap();
    let arg = serde_json::to_value(&element).expect("an element reference serialises");
    client
        .execute("arguments[0].scrollIntoView();", vec![arg])
        .await
        .unwrap();
}

/// How far, in CSS pixels, the page reaches past the window's right edge.
pub async fn sideways_overflow(client: &Client) -> f64 {
    client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

/// From anywhere: the overview, then «Kommunens oppsett».
pub async fn open_profile(client: &Client) {
    click(client, "[data-testid=open-overview]").await.unwrap();
    wait_screen(client, "overview").await;
    click(client, "[data-testid=open-profile]").await.unwrap();
    wait_screen(client, "profile").await;
}

/// On «Kommunens oppsett»: the offered profile file read in; the preview
/// shows `change` before it is confirmed, and the confirmation says `said`.
pub async fn read_in_profile(client: &Client, change: &str, said: &str) {
    click(client, "[data-testid=import-profile]").await.unwrap();
    wait_for_text(client, "[data-testid=profile-changes]", change).await;
    click(client, "[data-testid=confirm-profile-import]").await.unwrap();
    wait_for_text(client, "[data-testid=confirmation]", said).await;
}

/// A PDF's text with its white space folded to single spaces, so that a
/// phrase broken over lines is found whole.
pub fn pdf_text_flat(path: &Path) -> String {
    pdf_text(path).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A PDF's text as `pdftotext` (poppler-utils) reads it.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// Øvre Eiker's kommune profile with its eight yearly duties (issue 21), as
/// a kommune would hand it out: `docs/profiles/ovre-eiker.json`.
pub fn ovre_eiker_profile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/profiles/ovre-eiker.json")
}
