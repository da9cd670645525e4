//! `grendebok-cli`: Grendebok from a terminal, over the same core as the app.
//!
//! The tool a coordinator scripts. Human output is in bokmål (or `--lang`);
//! `--json` prints the core's types with their stable camelCase field names.
//! Exit codes: 0 success, 1 a refused or failed command, 2 bad usage, and for
//! `check`, 3 when the file is not sound.

mod account_cmd;
mod bench;
mod bench_office;
mod bench_scale;
mod crash;
mod duties_cmd;
mod interrupt;
mod lines;
mod output;
mod package_cmd;
mod profile_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Local, Utc};
use clap::{Parser, Subcommand};
use grendebok_core::i18n::t;
use grendebok_core::model::{DocumentKind, Lang, LedgerFormat};
use grendebok_core::store::backup;
use grendebok_core::{paths, CoreError, Store};

#[derive(Parser)]
#[command(
    name = "grendebok-cli",
    version,
    about = "Grendebok fra terminalen: utvalg, medlemmer og kontroll av databasen."
)]
struct Cli {
    /// The database file (default: the app's own, or $GRENDEBOK_DB).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    json: bool,

    /// Language of messages: nb, nn or en.
    #[arg(long, global = true, value_name = "LANG", default_value = "nb", value_parser = parse_lang)]
    lang: Lang,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an empty database (refuses to overwrite an existing file).
    Init,
    /// Fill a new or empty database with fictional demo data; `--scale large`
    /// makes a large kommune (200 councils, 20 years) for the benchmarks.
    Demo {
        /// small (three councils, the default) or large.
        #[arg(long, default_value = "small", value_parser = ["small", "large"])]
        scale: String,
    },
    /// Councils and their composition.
    Council {
        #[command(subcommand)]
        command: CouncilCommand,
    },
    /// Meetings of a council.
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// People: list them, export everything about one (JSON), erase a former member.
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Grant schemes and their applications.
    Grant {
        #[command(subcommand)]
        command: GrantCommand,
    },
    /// Export a meeting's notice or minutes, a grant letter or a statement to
    /// the kommune, as PDF (archived
    /// with its SHA-256); a scheme's ledger as CSV or XLSX; a review sheet; the
    /// notice or a letter as an e-mail draft; a council's package, the kommune
    /// folder, an annual report or a calendar.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Read in a council's hand-over package (made with `export package`), a
    /// committee member's review sheet, a members' list or a form's export of
    /// applications.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The kommune profile: seat categories, yearly duties and meeting kinds,
    /// as JSON out to a file, or a newer one the kommune issued read in.
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
    /// The yearly duties of every council (or one) and where they stand today.
    Duties {
        #[arg(long)]
        year: i32,
        /// The council's id, its name, or part of its name (default: every council).
        #[arg(long)]
        council: Option<String>,
    },
    /// A council's own money of a year: the balance carried in, the running
    /// grant from the kommune, other income, expenses, the closing balance (or
    /// deficit) and the year's entries; `account add` enters one.
    #[command(subcommand_negates_reqs = true)]
    Account {
        #[command(subcommand)]
        command: Option<AccountCommand>,
        /// The council's id, its name, or part of its name.
        #[arg(long, required = true)]
        council: Option<String>,
        #[arg(long, required = true)]
        year: Option<i32>,
    },
    /// Search agenda items, decisions and grant applications (newest first).
    Search {
        /// The words to find; each may be the start of a word.
        text: String,
        /// Only in this council (its id, its name, or part of its name).
        #[arg(long)]
        council: Option<String>,
        /// Only in this year.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Check the file: integrity, foreign keys, and every council's composition.
    Check,
    /// Take a backup now (a whole, checked copy beside the database), or list them.
    Backup {
        /// List the backups, newest first, instead of taking one.
        #[arg(long)]
        list: bool,
    },
    /// Replace the database with a backup (a name from `backup --list`); the
    /// current file is kept beside it, renamed.
    Restore {
        /// The backup's file name (or its path in the backup folder).
        file: PathBuf,
    },
    /// Kill a writing child process with SIGKILL again and again; check the file
    /// after every kill (sound, no acknowledged write lost, no partial batch).
    CrashTest {
        #[arg(long, default_value_t = 1000)]
        runs: usize,
    },
    /// The child of `crash-test`: writes batches until it is killed.
    #[command(hide = true)]
    WriteStream {
        #[arg(long, default_value_t = 1)]
        from: u64,
    },
    /// For the filesystem tests: one write per line of stdin (`NAME SIZE`),
    /// through one open store; one JSON answer per line.
    #[command(hide = true)]
    WriteLines {
        /// The council the new members join (its id or name).
        #[arg(long)]
        council: String,
    },
    /// Print timings: the minutes PDF of a 20-page meeting (median, p99, peak memory).
    Bench {
        /// How many times to render (or to run each command).
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// `large`: every UI command, search and printing on a large kommune,
        /// generated into --db (default a file in the temp folder) when empty.
        #[arg(long)]
        scale: Option<String>,
        /// Also lay the same minutes out with LibreOffice and print the ratio.
        #[arg(long)]
        office: bool,
    },
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Enter the running grant, other income or an expense in a council's account.
    Add {
        /// The council's id, its name, or part of its name.
        #[arg(long)]
        council: String,
        /// The day, dd.mm.yyyy.
        #[arg(long, value_parser = account_cmd::parse_day)]
        date: chrono::NaiveDate,
        /// grant (the running grant from the kommune), income or expense.
        #[arg(long, value_parser = account_cmd::parse_kind)]
        kind: grendebok_core::model::AccountKind,
        /// What the entry is for.
        #[arg(long)]
        text: String,
        /// Kroner as Norwegians write them: "1 250,00".
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
    },
}

#[derive(Subcommand)]
enum MeetingCommand {
    /// List a council's meetings, newest first.
    List {
        /// The council's id, its name, or part of its name.
        #[arg(long)]
        council: String,
    },
    /// Show a meeting: attendance, items with quorum, and what the minutes lack.
    Show {
        /// The meeting's id.
        id: String,
    },
}

#[derive(Subcommand)]
enum GrantCommand {
    /// A council's schemes with their budgets and every application.
    List {
        /// The council's id, its name, or part of its name.
        #[arg(long)]
        council: String,
        /// Only the schemes of this year.
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Subcommand)]
enum PersonCommand {
    /// Everyone registered, with their ids.
    List,
    /// Everything the file holds about one person, as JSON (an access request).
    Export {
        /// The person's id.
        id: String,
    },
    /// Erase a former member: name, e-mail and phone become a pseudonym
    /// everywhere but in what the archive keeps. Says what will happen first;
    /// erases only with --yes.
    Erase {
        /// The person's id.
        id: String,
        /// Erase now (without it, only what would happen is shown).
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// A council's annual report (årsmelding) of a year, as PDF (archived; fulfils the duty).
    AnnualReport {
        #[arg(long)]
        council: String,
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// For a kommune archive without Grendebok: a folder `<council> <year>` in DIR
    /// with the year's minutes, decision letters and annual report as PDF and
    /// each grant scheme's ledger as CSV.
    Kommune {
        #[arg(long)]
        council: String,
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Meetings and owed due dates of a year as an iCalendar file (.ics).
    Ics {
        #[arg(long)]
        year: i32,
        /// One council (default: every council).
        #[arg(long)]
        council: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The notice (innkalling) with the agenda.
    Notice {
        #[arg(long)]
        meeting: String,
        /// The public version: items exempt from public access show only
        /// their case number and legal basis.
        #[arg(long)]
        public: bool,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The minutes (møteprotokoll) of one meeting; or with `--year Y --all`,
    /// every council's approved minutes of the year into the folder `--out`
    /// (minutes not yet approved are listed as waiting).
    Minutes {
        #[arg(long, required_unless_present = "all")]
        meeting: Option<String>,
        /// With --all: the year of the meetings.
        #[arg(long, requires = "all")]
        year: Option<i32>,
        /// Every council's minutes of --year, one PDF per meeting.
        #[arg(long, requires = "year", conflicts_with = "meeting")]
        all: bool,
        /// The public version: items exempt from public access show only
        /// their case number and legal basis (minutes not yet approved still say UTKAST).
        #[arg(long, conflicts_with = "all")]
        public: bool,
        /// The PDF file; with --all, the folder.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// One council as one hand-over package (.grendebok) for the kommune.
    Package {
        /// The council's id, its name, or part of its name.
        #[arg(long)]
        council: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// An application's decision letter (tilsagnsbrev or avslagsbrev).
    Letter {
        /// The application's id (see `grant list`).
        #[arg(long)]
        application: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// An adopted statement to the kommune (uttalelse) as a letter, once the
    /// minutes of its meeting are approved; a draft is never exported.
    Statement {
        /// The item's id (see `meeting show`).
        #[arg(long)]
        item: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The notice as an e-mail draft (.eml) to everyone on the council that
    /// day, the PDF attached; open it in a mail program and send it there.
    NoticeMail {
        #[arg(long)]
        meeting: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The decision letter as an e-mail draft (.eml) to the applicant.
    LetterMail {
        /// The application's id (see `grant list`).
        #[arg(long)]
        application: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// A committee member's review sheet (XLSX) for a scheme: the applications
    /// they may score, one «Poeng» cell (1–5) per criterion, and a comment.
    Review {
        /// The scheme's id (see `grant list`).
        #[arg(long)]
        scheme: String,
        /// The member's person id (see `council show`).
        #[arg(long)]
        member: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// A scheme's ledger: applicant, org.nr., asked, granted, paid, reported.
    Ledger {
        /// The scheme's id (see `grant list`).
        #[arg(long)]
        scheme: String,
        /// csv or xlsx (default: from the file's extension, else csv).
        #[arg(long, value_parser = parse_ledger_format)]
        format: Option<LedgerFormat>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// A council's package: added, or replacing an older snapshot of it
    /// (the database is made if there is none). A council kept in this file,
    /// or one changed here since its last package, is replaced only with
    /// `--replace`; without it the command says what would be lost.
    Package {
        /// The .grendebok file.
        file: PathBuf,
        /// Replace the council even though it is kept in this file or was
        /// changed here since its last package.
        #[arg(long)]
        replace: bool,
    },
    /// A committee member's filled-in review sheet: every cell checked, then
    /// the member's scores replaced where the sheet has one, or nothing read
    /// in. The same sheet twice changes nothing.
    Review {
        /// The .xlsx file made by `export review`.
        file: PathBuf,
    },
    /// Members from a spreadsheet (XLSX, or CSV with comma or semicolon,
    /// UTF-8): columns Navn, E-post, Telefon, Plass, Rolle, Representerer,
    /// Fra, Til (or their English names). Every row is checked first and
    /// every fault named by row and column; then all are read in, or none. A
    /// person already registered with the same name and e-mail is matched.
    Members {
        /// The council's id, its name, or part of its name.
        #[arg(long)]
        council: String,
        /// The .xlsx or .csv file.
        file: PathBuf,
    },
    /// Applications from a web form's export or a spreadsheet (XLSX or CSV):
    /// columns Organisasjon, Organisasjonsnummer, Kontaktperson, E-post,
    /// Telefon, Prosjekt, Beskrivelse, Søkt beløp, Prosjektbudsjett, Mottatt
    /// (or their English names). All read in, or none; an application the
    /// scheme already holds is a bad row, so the same file twice adds nothing.
    Applications {
        /// The scheme's id (see `grant list`).
        #[arg(long)]
        scheme: String,
        /// Read the good rows and report the bad ones, instead of refusing
        /// the file.
        #[arg(long)]
        leave_out_bad: bool,
        /// The .xlsx or .csv file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum ProfileCommand {
    /// Write the file's kommune profile as JSON (top level `kommune`,
    /// `issuedAt`, `seatCategories`, `duties`, `meetingKinds`; each entry
    /// with a `key` and `names` in nb, nn and en; a duty's `dueDate` and
    /// `evidence`). A file that never set one writes the built-in profile.
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read in a kommune profile (JSON, as `profile export` writes it) when it
    /// was issued after the one the file holds; an older or equal one is
    /// refused, and so is a faulty one, whole, with every fault at its field.
    /// Says what changed, and which removed seat categories sitting members
    /// still hold (they keep them).
    Import {
        /// The .json file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum CouncilCommand {
    /// List every council with its seats and warnings.
    List,
    /// Show one council (by id or name) with its members and composition check.
    Show {
        /// The council's id, its name, or part of its name.
        council: String,
    },
}

/// The id of the one council that `query` names: its id, its name, or part of it.
fn find_council(store: &Store, query: &str, lang: Lang) -> Result<String, Failure> {
    match store.find_councils(query)?.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(CoreError::NotFound {
            entity: "council",
            id: query.to_owned(),
        }
        .into()),
        many => {
            let names: Vec<&str> = many.iter().map(|c| c.name.as_str()).collect();
            Err(Failure::Message {
                code: grendebok_core::model::ErrorCode::Ambiguous,
                message: t(lang, "cli.ambiguous", &[("query", query), ("names", &names.join(", "))]),
            })
        }
    }
}

fn parse_ledger_format(text: &str) -> Result<LedgerFormat, String> {
    match text.to_ascii_lowercase().as_str() {
        "csv" => Ok(LedgerFormat::Csv),
        "xlsx" => Ok(LedgerFormat::Xlsx),
        _ => Err(format!("unknown format {text:?}: use csv or xlsx")),
    }
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language {code:?}: use nb, nn or en"))
}

/// A command's failure: a core error, or a message already written for people.
enum Failure {
    Core(CoreError),
    Message {
        code: grendebok_core::model::ErrorCode,
        message: String,
    },
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        Failure::Core(e)
    }
}

fn main() -> ExitCode {
    interrupt::end_quietly_on_a_closed_pipe();
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(failure) => {
            let report = match failure {
                // A read opened without the whole-file check may meet a damaged page.
                Failure::Core(e) => e.found_in(&database(&cli)).report(cli.lang),
                Failure::Message { code, message } => grendebok_core::model::ErrorReport {
                    code,
                    message,
                    fields: Vec::new(),
                },
            };
            if cli.json {
                output::json_to(&mut std::io::stderr(), &report);
            } else {
                eprintln!("grendebok-cli: {}", report.message);
                for field in &report.fields {
                    // A spreadsheet's rows are named in their own words ("Rad 3, Plass: …").
                    if field.field.starts_with("row.") {
                        eprintln!("  {}", field.message);
                    } else {
                        eprintln!("  {}: {}", field.field, field.message);
                    }
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// The database file the command works on.
fn database(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(paths::default_db_path)
}

/// Commands that only read open the file with [`Store::open_existing_to_read`]:
/// a header and schema check instead of reading every page, since they
/// write nothing. Every command that writes, and `check`, read the whole file
/// first ([`Store::open_existing`]).
fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    let path = database(cli);
    let lang = cli.lang;
    let today = Local::now().date_naive();
    let shown = path.display().to_string();
    match &cli.command {
        Command::Init => {
            Store::create(&path)?;
            output::done(
                cli.json,
                &t(lang, "cli.created", &[("path", &shown)]),
                &serde_json::json!({ "path": shown }),
            );
        }
        Command::Demo { scale } if scale == "large" => duties_cmd::generate(cli, &path, today)?,
        Command::Demo { .. } => {
            let mut store = Store::open(&path)?;
            let actor = store.actor(Utc::now())?;
            let summary = store.load_demo(&actor, today)?;
            let message = t(
                lang,
                "cli.demo_done",
                &[
                    ("path", &shown),
                    ("councils", &summary.councils.to_string()),
                    ("members", &summary.memberships.to_string()),
                    ("meetings", &summary.meetings.to_string()),
                    ("applications", &summary.grant_applications.to_string()),
                ],
            );
            output::done(cli.json, &message, &summary);
        }
        Command::Council {
            command: CouncilCommand::List,
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let councils = store.council_summaries(today, lang)?;
            if cli.json {
                output::json(&councils);
            } else {
                output::council_list(lang, &councils);
            }
        }
        Command::Council {
            command: CouncilCommand::Show { council },
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let id = find_council(&store, council, lang)?;
            let detail = store.council_detail(&id, today, lang)?;
            if cli.json {
                output::json(&detail);
            } else {
                output::council_detail(lang, &detail, &store.profile_labels(lang)?);
            }
        }
        Command::Meeting {
            command: MeetingCommand::List { council },
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let id = find_council(&store, council, lang)?;
            let meetings = store.meetings_of_council(&id)?;
            if cli.json {
                output::json(&meetings);
            } else {
                output::meeting_list(lang, &meetings, &store.profile_labels(lang)?);
            }
        }
        Command::Meeting {
            command: MeetingCommand::Show { id },
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let detail = store.meeting_detail(id, lang)?;
            if cli.json {
                output::json(&detail);
            } else {
                output::meeting_detail(lang, &detail);
            }
        }
        Command::Person {
            command: PersonCommand::List,
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let people = store.people()?;
            if cli.json {
                output::json(&people);
            } else {
                for p in &people {
                    println!("{}  {}", p.id, p.name);
                }
            }
        }
        Command::Person {
            command: PersonCommand::Export { id },
        } => {
            let store = Store::open_existing_to_read(&path)?;
            output::json(&store.person_export(id)?);
        }
        Command::Person {
            command: PersonCommand::Erase { id, yes },
        } => {
            let mut store = Store::open_existing(&path)?;
            if !*yes {
                let person = store.person_export(id)?.person;
                println!("{}", t(lang, "privacy.erase_warning", &[]));
                println!("{}", t(lang, "cli.erase_confirm", &[("name", &person.name)]));
                return Ok(ExitCode::from(2));
            }
            let actor = store.actor(Utc::now())?;
            let alias = store.erase_person(&actor, id, today)?;
            let message = t(lang, "cli.erased", &[("alias", &alias)]);
            output::done(cli.json, &message, &serde_json::json!({ "pseudonym": alias }));
        }
        Command::Grant {
            command: GrantCommand::List { council, year },
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let id = find_council(&store, council, lang)?;
            let schemes = store.grants_of_council(&id, *year)?;
            if cli.json {
                let value: Vec<_> = schemes
                    .iter()
                    .map(|(scheme, applications)| serde_json::json!({ "scheme": scheme, "applications": applications }))
                    .collect();
                output::json(&value);
            } else {
                output::grant_list(lang, &schemes);
            }
        }
        Command::Export {
            command:
                command @ (ExportCommand::NoticeMail { meeting: id, out }
                | ExportCommand::LetterMail { application: id, out }),
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let (_, bytes) = if matches!(command, ExportCommand::NoticeMail { .. }) {
                store.notice_draft(id, Utc::now())?
            } else {
                store.letter_draft(id, Utc::now())?
            };
            grendebok_core::pdf::write_atomically(out, &bytes).map_err(grendebok_core::error::CoreError::from)?;
            let value = serde_json::json!({ "path": out });
            output::saved(cli.json, lang, out, &grendebok_core::saved::MailDraft, &value);
        }
        Command::Export {
            command: ExportCommand::Letter { application, out },
        } => {
            let mut store = Store::open_existing(&path)?;
            let actor = store.actor(Utc::now())?;
            let record = store.export_letter(&actor, application, out)?;
            output::saved(cli.json, lang, out, &record, &record);
        }
        Command::Export {
            command: ExportCommand::Statement { item, out },
        } => {
            let mut store = Store::open_existing(&path)?;
            let actor = store.actor(Utc::now())?;
            let record = store.export_statement(&actor, item, out)?;
            output::saved(cli.json, lang, out, &record, &record);
        }
        Command::Export {
            command: ExportCommand::Ledger { scheme, format, out },
        } => {
            let format = format.unwrap_or_else(|| {
                let xlsx = out.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
                if xlsx {
                    LedgerFormat::Xlsx
                } else {
                    LedgerFormat::Csv
                }
            });
            let store = Store::open_existing(&path)?;
            let count = store.export_ledger(scheme, format, out, lang)?;
            let value = serde_json::json!({ "path": out.display().to_string(), "applications": count });
            output::saved(cli.json, lang, out, &grendebok_core::saved::Ledger(count), &value);
        }
        Command::Account {
            command: None,
            council: Some(council),
            year: Some(year),
        } => account_cmd::show(cli, &path, council, *year)?,
        Command::Account { command: None, .. } => unreachable!("clap requires --council and --year"),
        Command::Account {
            command:
                Some(AccountCommand::Add {
                    council,
                    date,
                    kind,
                    text,
                    amount,
                }),
            ..
        } => account_cmd::add(
            cli,
            &path,
            account_cmd::Added {
                council,
                date: *date,
                kind: *kind,
                text,
                amount,
            },
        )?,
        Command::Search { text, council, year } => duties_cmd::search(cli, &path, text, council.as_deref(), *year)?,
        Command::Duties { year, council } => duties_cmd::duties(cli, &path, *year, council.as_deref(), today)?,
        Command::Export {
            command: ExportCommand::AnnualReport { council, year, out },
        } => duties_cmd::annual_report(cli, &path, council, *year, out)?,
        Command::Export {
            command: ExportCommand::Kommune { council, year, out },
        } => duties_cmd::kommune(cli, &path, council, *year, out)?,
        Command::Export {
            command: ExportCommand::Ics { year, council, out },
        } => duties_cmd::ics(cli, &path, *year, council.as_deref(), out)?,
        Command::Export {
            command: ExportCommand::Package { council, out },
        } => package_cmd::export_package(cli, &path, council, out)?,
        Command::Export {
            command:
                ExportCommand::Minutes {
                    meeting: None,
                    year: Some(year),
                    out,
                    ..
                },
        } => package_cmd::all_minutes(cli, &path, *year, out)?,
        Command::Profile {
            command: ProfileCommand::Export { out },
        } => profile_cmd::export(cli, &path, out)?,
        Command::Profile {
            command: ProfileCommand::Import { file },
        } => profile_cmd::import(cli, &path, file)?,
        Command::Import {
            command: ImportCommand::Package { file, replace },
        } => package_cmd::import_package(cli, &path, file, *replace)?,
        Command::Import {
            command:
                ImportCommand::Applications {
                    scheme,
                    leave_out_bad,
                    file,
                },
        } => {
            let mut store = Store::open_existing(&path)?;
            let actor = store.actor(Utc::now())?;
            // Ctrl-C rolls the whole file back.
            let interrupt = crate::interrupt::Interruptible::new(|_, _, _: &str| {});
            let done = store.import_applications_mapped(&actor, scheme, file, None, *leave_out_bad, &interrupt)?;
            let name = store.scheme(scheme)?.name;
            let message = grendebok_core::intake::applications::imported_message(cli.lang, &done, &name);
            output::done(cli.json, &message, &done.added);
        }
        Command::Import {
            command: ImportCommand::Review { file },
        } => {
            let mut store = Store::open_existing(&path)?;
            let actor = store.actor(Utc::now())?;
            let done = store.import_review_sheet(&actor, file, None)?;
            output::done(cli.json, &done.message(cli.lang), &done);
        }
        Command::Export {
            command: ExportCommand::Review { scheme, member, out },
        } => {
            let store = Store::open_existing_to_read(&path)?;
            let saved = store.export_review_sheet(scheme, member, today, out)?;
            output::saved(cli.json, lang, out, &saved, &saved);
        }
        Command::Import {
            command: ImportCommand::Members { council, file },
        } => {
            let mut store = Store::open_existing(&path)?;
            let council_id = find_council(&store, council, cli.lang)?;
            let actor = store.actor(Utc::now())?;
            let done = store.import_members(&actor, &council_id, file)?;
            let name = store.council(&council_id)?.name;
            let message = grendebok_core::intake::imported_message(cli.lang, &done, &name);
            output::done(cli.json, &message, &done);
        }
        Command::Export { command } => {
            let (kind, meeting, public, out) = match command {
                ExportCommand::Notice { meeting, public, out } => (DocumentKind::Notice, meeting, *public, out),
                ExportCommand::Minutes {
                    meeting: Some(meeting),
                    public,
                    out,
                    ..
                } => (DocumentKind::Minutes, meeting, *public, out),
                ExportCommand::Minutes { .. }
                | ExportCommand::Package { .. }
                | ExportCommand::Letter { .. }
                | ExportCommand::Statement { .. }
                | ExportCommand::NoticeMail { .. }
                | ExportCommand::LetterMail { .. }
                | ExportCommand::Ledger { .. }
                | ExportCommand::Review { .. }
                | ExportCommand::AnnualReport { .. }
                | ExportCommand::Kommune { .. }
                | ExportCommand::Ics { .. } => unreachable!("matched above"),
            };
            let mut store = Store::open_existing(&path)?;
            let actor = store.actor(Utc::now())?;
            let record = store.export_version(&actor, meeting, kind, public, out)?;
            output::saved(cli.json, lang, out, &record, &record);
        }
        Command::Bench {
            runs,
            scale: None,
            office,
        } => {
            bench::minutes(*runs)?;
            if *office {
                bench_office::compare(*runs)?;
            }
        }
        Command::Bench {
            runs, scale: Some(_), ..
        } => {
            let db = cli
                .db
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("grendebok-large.sqlite3"));
            bench::minutes(*runs)?;
            bench_office::compare(*runs)?;
            bench_scale::run(&db, *runs)?;
        }
        Command::CrashTest { runs } => {
            if !crash::crash_test(*runs)? {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::WriteStream { from } => crash::write_stream(&path, *from)?,
        Command::WriteLines { council } => lines::write_lines(&path, council, lang)?,
        Command::Backup { list: true } => {
            let backups = backup::list(&path)?;
            if cli.json {
                output::json(&backups);
            } else {
                let warning = grendebok_core::views::clock_warning(&backups, Local::now().fixed_offset(), lang);
                output::backup_list(lang, &backups, warning);
            }
        }
        Command::Backup { list: false } => {
            let store = Store::open_existing(&path)?;
            let info = store.backup(backup::BackupKind::Manual, Utc::now())?;
            output::done(cli.json, &t(lang, "cli.backup_done", &[("path", &info.path)]), &info);
        }
        Command::Restore { file } => {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let info = backup::restore(&path, &name, grendebok_core::store::known_version(), Utc::now())?;
            let message = t(
                lang,
                "cli.restore_done",
                &[("path", &shown), ("backup", &info.file_name)],
            );
            output::done(cli.json, &message, &info);
        }
        Command::Check => {
            let store = Store::open_existing(&path)?;
            let health = store.health(today, lang)?;
            if cli.json {
                output::json(&health);
            } else {
                output::health(lang, &health);
            }
            if !health.sound {
                return Ok(ExitCode::from(3));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
