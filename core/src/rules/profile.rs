//! The kommune profile's rules: the built-in default (today's five seat
//! categories, four duties and four meeting kinds, named as the catalogues
//! name them), every fault of a profile at once, each at its field, what
//! changes between two profiles, and the removed seat categories sitting
//! members still hold.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::{
    DueDay, DutyEvidence, DutyKey, KommuneProfile, Lang, MeetingKind, ProfileChange, ProfileChangeKind, ProfileDuty,
    ProfileEntry, ProfileEvidenceKind, ProfileLabel, ProfileLabels, ProfileNames, ProfileSection, RemovedInUse,
    SeatCategory,
};

/// The longest key: keys are short slugs that rows refer to.
pub const MAX_KEY: usize = 40;

/// The most entries of one kind a profile holds; more is surely a mistake
/// (or a hostile file).
pub const MAX_ENTRIES: usize = 100;

/// The built-in profile's seat categories and their names (bokmål,
/// nynorsk, English): Stavern's five. The names live here, not in the
/// catalogues: every other profile names its own.
const BUILT_IN_SEAT_CATEGORIES: [(&SeatCategory, [&str; 3]); 5] = [
    (&SeatCategory::SENIOR, ["Senior", "Senior", "Seniors"]),
    (
        &SeatCategory::SCHOOL,
        ["Barnehage og skole", "Barnehage og skule", "Kindergarten and school"],
    ),
    (&SeatCategory::SPORTS, ["Idrett", "Idrett", "Sports"]),
    (&SeatCategory::BUSINESS, ["Næringsliv", "Næringsliv", "Business"]),
    (
        &SeatCategory::VOLUNTEER,
        ["Frivillighet", "Frivilligheit", "Volunteering"],
    ),
];

fn names_of(key: &str) -> ProfileNames {
    ProfileNames::new(t(Lang::Nb, key, &[]), t(Lang::Nn, key, &[]), t(Lang::En, key, &[]))
}

fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value).expect("enums serialise") {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

/// The built-in duties: key, due day (month, day, in the year after) and
/// evidence — the open meeting by midsummer, the joint meeting with the
/// kommune before the budget is settled, and the accounts of the year (the
/// grants and the annual report) early the next.
fn default_duties() -> [(&'static str, (u32, u32, bool), DutyEvidence); 4] {
    [
        (
            DutyKey::JOINT_MEETING,
            (11, 30, false),
            DutyEvidence::meeting_of_kind(serde_name(&MeetingKind::JOINT)),
        ),
        (
            DutyKey::OPEN_MEETING,
            (6, 30, false),
            DutyEvidence::meeting_of_kind(serde_name(&MeetingKind::OPEN)),
        ),
        (
            DutyKey::ANNUAL_REPORT,
            (3, 1, true),
            DutyEvidence::of(ProfileEvidenceKind::AnnualReportExported),
        ),
        (
            DutyKey::GRANT_REPORT,
            (1, 31, true),
            DutyEvidence::of(ProfileEvidenceKind::GrantsDecidedAndReported),
        ),
    ]
}

/// The built-in profile, what a file that never set one follows: today's
/// seat categories, duties (with the evidence the duties' code looks up and
/// their built-in due dates) and meeting kinds, in the catalogues' words.
/// Issued at the epoch by no kommune, so any profile a kommune issues is newer.
pub fn default_profile() -> KommuneProfile {
    let entry = |key: String, prefix: &str| ProfileEntry {
        names: names_of(&format!("{prefix}.{key}")),
        key,
    };
    KommuneProfile {
        kommune: String::new(),
        issued_at: DateTime::<Utc>::UNIX_EPOCH,
        seat_categories: BUILT_IN_SEAT_CATEGORIES
            .iter()
            .map(|(c, [nb, nn, en])| ProfileEntry {
                key: c.key().to_owned(),
                names: ProfileNames::new(*nb, *nn, *en),
            })
            .collect(),
        duties: default_duties()
            .into_iter()
            .map(|(key, (month, day, next_year), evidence)| ProfileDuty {
                names: names_of(&format!("duty_kind.{key}")),
                key: key.to_owned(),
                due_date: DueDay { month, day, next_year },
                evidence,
            })
            .collect(),
        meeting_kinds: MeetingKind::DEFAULTS
            .iter()
            .map(|k| entry(serde_name(k), "meeting_kind"))
            .collect(),
    }
}

/// A profile read from JSON text. Text that is not JSON, or whose values
/// have the wrong type, is refused with where (line and column) and what;
/// a profile that parses is then held to [`validate`].
pub fn parse(json: &str) -> Result<KommuneProfile> {
    validate(&read(json)?)
}

/// A profile read from JSON text, not yet validated: refused only when the
/// text is not JSON or its values have the wrong type (line and column said).
pub fn read(json: &str) -> Result<KommuneProfile> {
    serde_json::from_str(json).map_err(|e| {
        CoreError::invalid(
            FieldIssue::new("", "profile.not_a_profile")
                .with("line", e.line().to_string())
                .with("column", e.column().to_string()),
        )
    })
}

/// Whether `key` is a simple slug: a lowercase letter a–z first, then
/// lowercase letters, digits, `-` or `_`, at most [`MAX_KEY`] in all.
pub fn is_slug(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('a'..='z'))
        && key.len() <= MAX_KEY
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_'))
}

/// Whether a due day is a day every year has (31.02 and 29.02 are not).
pub fn due_day_exists(due: DueDay) -> bool {
    // 2025 is not a leap year: a day it has, every year has.
    NaiveDate::from_ymd_opt(2025, due.month, due.day).is_some()
}

/// The date a duty with due day `due` is due for `year`.
pub fn due_in(due: DueDay, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(if due.next_year { year + 1 } else { year }, due.month, due.day)
}

fn clean_names(names: &ProfileNames) -> ProfileNames {
    let c = super::validate::clean_text;
    ProfileNames::new(c(&names.nb), c(&names.nn), c(&names.en))
}

fn check_entry(issues: &mut Vec<FieldIssue>, field: &str, key: &str, names: &ProfileNames) {
    if !is_slug(key) {
        issues.push(FieldIssue::new(format!("{field}.key"), "profile.bad_key").with("key", key));
    }
    for lang in Lang::ALL {
        let name_field = format!("{field}.names.{}", lang.code());
        let name = names.get(lang);
        if name.is_empty() {
            let key = match lang {
                Lang::Nb => "profile.name_missing_nb",
                Lang::Nn => "profile.name_missing_nn",
                Lang::En => "profile.name_missing_en",
            };
            issues.push(FieldIssue::new(name_field, key));
        } else {
            issues.extend(super::validate::text_issues(&name_field, name));
        }
    }
}

fn check_keys<'a>(issues: &mut Vec<FieldIssue>, section: &str, keys: impl Iterator<Item = &'a str>) {
    let mut seen = std::collections::HashSet::new();
    for (i, key) in keys.enumerate() {
        if !key.is_empty() && !seen.insert(key) {
            issues.push(FieldIssue::new(format!("{section}[{i}].key"), "profile.duplicate_key").with("key", key));
        }
    }
}

fn check_count(issues: &mut Vec<FieldIssue>, section: &str, len: usize) {
    if len > MAX_ENTRIES {
        issues.push(
            FieldIssue::new(section, "profile.too_many")
                .with("max", MAX_ENTRIES.to_string())
                .with("count", len.to_string()),
        );
    }
}

/// The profile cleaned (names trimmed, a meeting kind only on evidence that
/// names one), or every fault at once, each at its field: no kommune name;
/// no seat categories or no meeting kinds; a key that is not a simple slug
/// or is used twice in its list; a name missing in a language or too long;
/// a due date no year has; an evidence kind not known, or a `meetingOfKind`
/// naming no meeting kind or one the profile does not have.
pub fn validate(profile: &KommuneProfile) -> Result<KommuneProfile> {
    let mut issues = Vec::new();
    let mut clean = profile.clone();
    clean.kommune = super::validate::clean_text(&profile.kommune);
    if clean.kommune.is_empty() {
        issues.push(FieldIssue::new("kommune", "profile.kommune_missing"));
    } else {
        issues.extend(super::validate::text_issues("kommune", &clean.kommune));
    }
    if clean.issued_at <= DateTime::<Utc>::UNIX_EPOCH {
        issues.push(FieldIssue::new("issuedAt", "profile.issued_missing"));
    }

    if clean.seat_categories.is_empty() {
        issues.push(FieldIssue::new("seatCategories", "profile.no_seat_categories"));
    }
    if clean.meeting_kinds.is_empty() {
        issues.push(FieldIssue::new("meetingKinds", "profile.no_meeting_kinds"));
    }
    check_count(&mut issues, "seatCategories", clean.seat_categories.len());
    check_count(&mut issues, "duties", clean.duties.len());
    check_count(&mut issues, "meetingKinds", clean.meeting_kinds.len());

    for (i, entry) in clean.seat_categories.iter_mut().enumerate() {
        entry.key = entry.key.trim().to_owned();
        entry.names = clean_names(&entry.names);
        check_entry(&mut issues, &format!("seatCategories[{i}]"), &entry.key, &entry.names);
    }
    check_keys(
        &mut issues,
        "seatCategories",
        clean.seat_categories.iter().map(|e| e.key.as_str()),
    );
    for (i, entry) in clean.meeting_kinds.iter_mut().enumerate() {
        entry.key = entry.key.trim().to_owned();
        entry.names = clean_names(&entry.names);
        check_entry(&mut issues, &format!("meetingKinds[{i}]"), &entry.key, &entry.names);
    }
    check_keys(
        &mut issues,
        "meetingKinds",
        clean.meeting_kinds.iter().map(|e| e.key.as_str()),
    );

    let kinds: Vec<String> = clean.meeting_kinds.iter().map(|k| k.key.clone()).collect();
    for (i, duty) in clean.duties.iter_mut().enumerate() {
        let field = format!("duties[{i}]");
        duty.key = duty.key.trim().to_owned();
        duty.names = clean_names(&duty.names);
        check_entry(&mut issues, &field, &duty.key, &duty.names);
        if !due_day_exists(duty.due_date) {
            issues.push(
                FieldIssue::new(format!("{field}.dueDate"), "profile.bad_due_date")
                    .with("day", duty.due_date.day.to_string())
                    .with("month", duty.due_date.month.to_string()),
            );
        }
        duty.evidence.kind = duty.evidence.kind.trim().to_owned();
        match duty.evidence.known_kind() {
            None => issues.push(
                FieldIssue::new(format!("{field}.evidence.kind"), "profile.unknown_evidence")
                    .with("kind", duty.evidence.kind.clone()),
            ),
            Some(ProfileEvidenceKind::MeetingOfKind) => {
                let kind = duty.evidence.meeting_kind.as_deref().map(str::trim).unwrap_or("");
                let kind_field = format!("{field}.evidence.meetingKind");
                if kind.is_empty() {
                    issues.push(FieldIssue::new(kind_field, "profile.meeting_kind_missing"));
                } else if !kinds.iter().any(|k| k == kind) {
                    issues.push(FieldIssue::new(kind_field, "profile.unknown_meeting_kind").with("key", kind));
                }
                duty.evidence.meeting_kind = Some(kind.to_owned());
            }
            Some(_) => duty.evidence.meeting_kind = None,
        }
    }
    check_keys(&mut issues, "duties", clean.duties.iter().map(|e| e.key.as_str()));

    if issues.is_empty() {
        Ok(clean)
    } else {
        Err(CoreError::Invalid(issues))
    }
}

struct Item<'a> {
    key: &'a str,
    names: &'a ProfileNames,
    /// A duty's due date and evidence, compared for `Changed`.
    rest: Option<(DueDay, &'a DutyEvidence)>,
}

fn entries(list: &[ProfileEntry]) -> Vec<Item<'_>> {
    list.iter()
        .map(|e| Item {
            key: &e.key,
            names: &e.names,
            rest: None,
        })
        .collect()
}

fn items(profile: &KommuneProfile, section: ProfileSection) -> Vec<Item<'_>> {
    match section {
        ProfileSection::SeatCategories => entries(&profile.seat_categories),
        ProfileSection::MeetingKinds => entries(&profile.meeting_kinds),
        ProfileSection::Duties => profile
            .duties
            .iter()
            .map(|d| Item {
                key: &d.key,
                names: &d.names,
                rest: Some((d.due_date, &d.evidence)),
            })
            .collect(),
    }
}

/// What changes from `old` to `new`, section by section: entries added,
/// removed, renamed, changed (a duty's due date or evidence) or moved among
/// the entries both have; each named in `lang`.
pub fn changes(old: &KommuneProfile, new: &KommuneProfile, lang: Lang) -> Vec<ProfileChange> {
    let mut out = Vec::new();
    for section in [
        ProfileSection::SeatCategories,
        ProfileSection::Duties,
        ProfileSection::MeetingKinds,
    ] {
        let (before, after) = (items(old, section), items(new, section));
        let change = |key: &str, change, name: &str, old_name: Option<String>| ProfileChange {
            section,
            key: key.to_owned(),
            change,
            name: name.to_owned(),
            old_name,
        };
        let common_before: Vec<&str> = before
            .iter()
            .map(|i| i.key)
            .filter(|k| after.iter().any(|a| a.key == *k))
            .collect();
        let common_after: Vec<&str> = after
            .iter()
            .map(|i| i.key)
            .filter(|k| before.iter().any(|b| b.key == *k))
            .collect();
        for item in &after {
            let name = item.names.get(lang);
            match before.iter().find(|b| b.key == item.key) {
                None => out.push(change(item.key, ProfileChangeKind::Added, name, None)),
                Some(was) => {
                    if was.names != item.names {
                        let old_name = was.names.get(lang).to_owned();
                        out.push(change(item.key, ProfileChangeKind::Renamed, name, Some(old_name)));
                    }
                    if was.rest != item.rest {
                        out.push(change(item.key, ProfileChangeKind::Changed, name, None));
                    }
                    let at = |list: &[&str]| list.iter().position(|k| *k == item.key);
                    if at(&common_before) != at(&common_after) {
                        out.push(change(item.key, ProfileChangeKind::Moved, name, None));
                    }
                }
            }
        }
        for item in &before {
            if !after.iter().any(|a| a.key == item.key) {
                out.push(change(item.key, ProfileChangeKind::Removed, item.names.get(lang), None));
            }
        }
    }
    out
}

/// The seat categories `old` has and `new` does not while sitting members
/// hold them (`in_use`: each category's key with how many sit in it). Allowed:
/// the members keep their category for history; the person is told.
pub fn removed_in_use(
    old: &KommuneProfile,
    new: &KommuneProfile,
    in_use: &[(String, i32)],
    lang: Lang,
) -> Vec<RemovedInUse> {
    in_use
        .iter()
        .filter(|(key, members)| *members > 0 && !new.seat_categories.iter().any(|c| &c.key == key))
        .map(|(key, members)| {
            let name = old
                .seat_categories
                .iter()
                .find(|c| &c.key == key)
                .map_or_else(|| key.clone(), |c| c.names.get(lang).to_owned());
            let message = t(
                lang,
                "profile.removed_in_use",
                &[("name", &name), ("count", &members.to_string())],
            );
            RemovedInUse {
                key: key.clone(),
                name,
                members: *members,
                message,
            }
        })
        .collect()
}

/// What a file knows of seat categories and meeting kinds beyond its profile:
/// every entry's names as last saved (`profile_name`), and the keys its rows
/// hold.
#[derive(Debug, Clone, Default)]
pub struct ProfileHistory {
    pub seat_categories: Vec<ProfileEntry>,
    pub meeting_kinds: Vec<ProfileEntry>,
    pub seat_categories_held: Vec<String>,
    pub meeting_kinds_held: Vec<String>,
}

fn labels_of(
    current: &[ProfileEntry],
    saved: &[ProfileEntry],
    built_in: &[ProfileEntry],
    held: &[String],
    lang: Lang,
) -> Vec<ProfileLabel> {
    let mut out: Vec<ProfileLabel> = current
        .iter()
        .map(|e| ProfileLabel {
            key: e.key.clone(),
            name: e.names.get(lang).to_owned(),
            removed: false,
        })
        .collect();
    let mut removed: Vec<&String> = held.iter().filter(|k| !current.iter().any(|e| &e.key == *k)).collect();
    removed.sort();
    removed.dedup();
    for key in removed {
        let last = saved
            .iter()
            .chain(built_in)
            .find(|e| &e.key == key)
            .map(|e| e.names.get(lang))
            .filter(|n| !n.is_empty())
            .unwrap_or(key);
        out.push(ProfileLabel {
            key: key.clone(),
            name: t(lang, "profile.removed_name", &[("name", last)]),
            removed: true,
        });
    }
    out
}

/// Every seat category's and meeting kind's name in `lang`: `profile`'s
/// entries in its order, then the keys rows hold that it no longer has, by
/// their last saved name (or the built-in one's), marked as removed.
pub fn labels(profile: &KommuneProfile, history: &ProfileHistory, lang: Lang) -> ProfileLabels {
    let built_in = default_profile();
    ProfileLabels {
        seat_categories: labels_of(
            &profile.seat_categories,
            &history.seat_categories,
            &built_in.seat_categories,
            &history.seat_categories_held,
            lang,
        ),
        meeting_kinds: labels_of(
            &profile.meeting_kinds,
            &history.meeting_kinds,
            &built_in.meeting_kinds,
            &history.meeting_kinds_held,
            lang,
        ),
    }
}

/// The built-in profile's labels, for tests and for a file with no history.
pub fn default_labels(lang: Lang) -> ProfileLabels {
    labels(&default_profile(), &ProfileHistory::default(), lang)
}

/// Who issued a profile and when, in Norwegian time: "Larvik, utstedt
/// 01.12.2026 kl. 10:00"; the built-in profile by its name.
pub fn issued_label(profile: &KommuneProfile, lang: Lang) -> String {
    if profile.issued_at <= DateTime::<Utc>::UNIX_EPOCH {
        return t(lang, "profile.built_in", &[]);
    }
    let when = crate::i18n::when(lang, profile.issued_at);
    t(
        lang,
        "profile.issued_label",
        &[("issuer", &profile.kommune), ("when", &when)],
    )
}

/// The name a profile is offered under: `Kommuneoppsett Larvik.json`.
pub fn file_name(profile: &KommuneProfile) -> String {
    let kommune = profile.kommune.replace(['/', '\\', ':'], "_");
    if kommune.is_empty() {
        "Kommuneoppsett.json".to_owned()
    } else {
        format!("Kommuneoppsett {kommune}.json")
    }
}

/// A change in plain words for a list: "Plasskategori «Grend»: lagt til".
pub fn describe(change: &ProfileChange, lang: Lang) -> String {
    let section = t(lang, &format!("profile.section.{}", serde_name(&change.section)), &[]);
    let old = change.old_name.clone().unwrap_or_default();
    let what = t(
        lang,
        &format!("profile.change.{}", serde_name(&change.change)),
        &[("old", &old)],
    );
    t(
        lang,
        "profile.change_line",
        &[("section", &section), ("name", &change.name), ("what", &what)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::validate::tests::invalid_fields;
    use chrono::TimeZone;

    fn issued() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
    }

    /// The default, as a kommune issues it.
    fn issued_default() -> KommuneProfile {
        KommuneProfile {
            kommune: "Larvik".into(),
            issued_at: issued(),
            ..default_profile()
        }
    }

    fn faults(profile: &KommuneProfile) -> Vec<(String, &'static str)> {
        invalid_fields(validate(profile).unwrap_err())
    }

    /// `validate` refuses the profile with exactly these fields and keys.
    fn assert_faults(profile: &KommuneProfile, expected: &[(&str, &str)]) {
        let found = faults(profile);
        let found: Vec<(&str, &str)> = found.iter().map(|(f, k)| (f.as_str(), *k)).collect();
        assert_eq!(found, expected);
    }

    fn due_day(month: u32, day: u32, next_year: bool) -> DueDay {
        DueDay { month, day, next_year }
    }

    fn names(nb: &str) -> ProfileNames {
        ProfileNames::new(nb, nb, nb)
    }

    /// An entry named `name` in all three languages.
    fn entry(key: &str, name: &str) -> ProfileEntry {
        ProfileEntry {
            key: key.into(),
            names: names(name),
        }
    }

    #[test]
    fn the_default_is_todays_categories_duties_and_kinds_in_the_catalogues_words() {
        let p = default_profile();
        let keys = |l: &[ProfileEntry]| l.iter().map(|e| e.key.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(&p.seat_categories),
            ["senior", "school", "sports", "business", "volunteer"]
        );
        assert_eq!(keys(&p.meeting_kinds), ["ordinary", "extraordinary", "joint", "open"]);
        assert_eq!(
            p.seat_categories[1].names,
            ProfileNames::new("Barnehage og skole", "Barnehage og skule", "Kindergarten and school")
        );
        assert_eq!(p.meeting_kinds[2].names.nb, "Fellesmøte med kommunen");
        let duty_keys: Vec<&str> = p.duties.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(
            duty_keys,
            ["joint_meeting", "open_meeting", "annual_report", "grant_report"]
        );
        assert_eq!(p.duties[0].evidence, DutyEvidence::meeting_of_kind("joint"));
        assert_eq!(p.duties[1].evidence, DutyEvidence::meeting_of_kind("open"));
        assert_eq!(p.duties[2].evidence.kind, "annualReportExported");
        assert_eq!(p.duties[3].evidence.kind, "grantsDecidedAndReported");
        // Today's built-in due dates, the accounts early the next year.
        let due: Vec<_> = p.duties.iter().map(|d| due_in(d.due_date, 2026).unwrap()).collect();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            due,
            [day(2026, 11, 30), day(2026, 6, 30), day(2027, 3, 1), day(2027, 1, 31)]
        );
        assert_eq!(p.duties[2].due_date, due_day(3, 1, true));
        assert_eq!(validate(&issued_default()).unwrap(), issued_default());
    }

    #[test]
    fn the_json_has_the_documented_shape() {
        let json = serde_json::to_value(issued_default()).unwrap();
        assert_eq!(json["seatCategories"][0]["key"], "senior");
        assert_eq!(json["seatCategories"][0]["names"]["nn"], "Senior");
        assert_eq!(json["duties"][0]["evidence"]["kind"], "meetingOfKind");
        assert_eq!(json["duties"][0]["evidence"]["meetingKind"], "joint");
        assert_eq!(
            json["duties"][2]["evidence"],
            serde_json::json!({"kind": "annualReportExported"})
        );
        assert_eq!(
            json["duties"][3]["dueDate"],
            serde_json::json!({"month": 1, "day": 31, "nextYear": true})
        );
        assert_eq!(json["meetingKinds"][3]["names"]["en"], "Open meeting for residents");
        assert_eq!(json["issuedAt"], "2026-12-01T09:00:00Z");
        let back = parse(&json.to_string()).unwrap();
        assert_eq!(back, issued_default());
    }

    #[test]
    fn a_profile_without_seat_categories_or_meeting_kinds_is_refused() {
        let p = KommuneProfile {
            seat_categories: vec![],
            meeting_kinds: vec![],
            duties: vec![],
            ..issued_default()
        };
        assert_faults(
            &p,
            &[
                ("seatCategories", "profile.no_seat_categories"),
                ("meetingKinds", "profile.no_meeting_kinds"),
            ],
        );
    }

    #[test]
    fn the_same_key_twice_in_a_list_is_refused_at_the_second() {
        let mut p = issued_default();
        p.seat_categories.push(entry("senior", "Eldre"));
        p.duties[3].key = "open_meeting".into();
        // The same key in two different lists is fine.
        p.meeting_kinds.push(entry("senior", "Seniormøte"));
        assert_faults(
            &p,
            &[
                ("seatCategories[5].key", "profile.duplicate_key"),
                ("duties[3].key", "profile.duplicate_key"),
            ],
        );
    }

    #[test]
    fn an_unknown_evidence_kind_or_meeting_kind_is_refused() {
        let mut p = issued_default();
        p.duties[2].evidence.kind = "councilHappy".into();
        p.duties[0].evidence.meeting_kind = Some("annual_general".into());
        p.duties[1].evidence.meeting_kind = None;
        assert_faults(
            &p,
            &[
                ("duties[0].evidence.meetingKind", "profile.unknown_meeting_kind"),
                ("duties[1].evidence.meetingKind", "profile.meeting_kind_missing"),
                ("duties[2].evidence.kind", "profile.unknown_evidence"),
            ],
        );
        // Removing the meeting kind a duty names is the same fault.
        let mut p = issued_default();
        p.meeting_kinds.retain(|k| k.key != "open");
        assert_faults(
            &p,
            &[("duties[1].evidence.meetingKind", "profile.unknown_meeting_kind")],
        );
    }

    #[test]
    fn an_impossible_due_date_is_refused_and_29_february_too() {
        let mut p = issued_default();
        p.duties[0].due_date = due_day(2, 31, false);
        p.duties[1].due_date = due_day(13, 1, false);
        p.duties[2].due_date = due_day(2, 29, true);
        p.duties[3].due_date = due_day(0, 0, false);
        let all = faults(&p);
        assert_eq!(all.len(), 4);
        for (i, (field, key)) in all.iter().enumerate() {
            assert_eq!(field, &format!("duties[{i}].dueDate"));
            assert_eq!(*key, "profile.bad_due_date");
        }
        let message = match validate(&p) {
            Err(CoreError::Invalid(issues)) => issues[0].message(Lang::Nb),
            _ => unreachable!(),
        };
        assert!(message.contains("31.2"), "{message}");
    }

    #[test]
    fn a_name_missing_in_a_language_is_refused_at_that_language() {
        let mut p = issued_default();
        p.seat_categories[4].names.nn = "  ".into();
        p.meeting_kinds[0].names.en = String::new();
        p.duties[1].names = ProfileNames::default();
        assert_faults(
            &p,
            &[
                ("seatCategories[4].names.nn", "profile.name_missing_nn"),
                ("meetingKinds[0].names.en", "profile.name_missing_en"),
                ("duties[1].names.nb", "profile.name_missing_nb"),
                ("duties[1].names.nn", "profile.name_missing_nn"),
                ("duties[1].names.en", "profile.name_missing_en"),
            ],
        );
        let Err(CoreError::Invalid(issues)) = validate(&p) else {
            unreachable!()
        };
        assert_eq!(issues[0].message(Lang::Nb), "Skriv navnet på nynorsk.");
        assert_eq!(issues[1].message(Lang::En), "Write the name in English.");
    }

    #[test]
    fn a_key_that_is_not_a_simple_slug_is_refused() {
        for bad in ["", "Senior", "eldre råd", "1st", "-x", "a.b", &"x".repeat(MAX_KEY + 1)] {
            let mut p = issued_default();
            p.seat_categories[0].key = bad.to_owned();
            assert_eq!(
                faults(&p),
                [("seatCategories[0].key".to_owned(), "profile.bad_key")],
                "{bad:?}"
            );
        }
        for good in ["grend", "grend_1", "kommunens-representant", "a"] {
            assert!(is_slug(good), "{good}");
        }
    }

    #[test]
    fn every_fault_comes_at_once_and_the_kommune_and_issue_time_are_required() {
        let mut p = issued_default();
        p.kommune = " ".into();
        p.issued_at = DateTime::<Utc>::UNIX_EPOCH;
        p.seat_categories[0].key = "X".into();
        p.duties[0].due_date.day = 32;
        let fields: Vec<String> = faults(&p).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            ["kommune", "issuedAt", "seatCategories[0].key", "duties[0].dueDate"]
        );
    }

    #[test]
    fn text_that_is_not_a_profile_is_refused_with_where() {
        let Err(CoreError::Invalid(issues)) = parse("{\"seatCategories\": 5}") else {
            panic!("refused")
        };
        assert_eq!(issues[0].key, "profile.not_a_profile");
        assert!(
            issues[0].message(Lang::Nb).contains("linje 1"),
            "{}",
            issues[0].message(Lang::Nb)
        );
        assert!(parse("not json").is_err());
        // A file with an unknown evidence kind parses, and is refused at its field.
        let mut json = serde_json::to_value(issued_default()).unwrap();
        json["duties"][1]["evidence"] = serde_json::json!({"kind": "dance"});
        let Err(CoreError::Invalid(issues)) = parse(&json.to_string()) else {
            panic!("refused")
        };
        assert_eq!(issues[0].field, "duties[1].evidence.kind");
        assert!(issues[0].message(Lang::Nb).contains("«dance»"));
    }

    #[test]
    fn sor_odal_and_ovre_eiker_can_be_set_up() {
        // One seat per grend and one for the kommune; eight duties, some by hand.
        let mut p = issued_default();
        p.kommune = "Sør-Odal".into();
        p.seat_categories = ["skarnes", "sander", "oppstad", "kommunen"]
            .iter()
            .map(|k| entry(k, k))
            .collect();
        p.duties = (1..=8)
            .map(|i| ProfileDuty {
                key: format!("plikt-{i}"),
                names: names(&format!("Plikt {i}")),
                due_date: due_day(12, 31, false),
                evidence: if i == 3 {
                    DutyEvidence::meeting_of_kind("joint")
                } else if i == 2 {
                    DutyEvidence::of(ProfileEvidenceKind::NoticePublishedBeforeMeeting)
                } else {
                    DutyEvidence::of(ProfileEvidenceKind::Manual)
                },
            })
            .collect();
        assert_eq!(validate(&p).unwrap(), p);
    }

    #[test]
    fn changes_name_what_was_added_removed_renamed_changed_and_moved() {
        let old = issued_default();
        let mut new = issued_default();
        new.seat_categories.remove(0);
        new.seat_categories.swap(0, 1);
        new.seat_categories.push(entry("grend", "Grend"));
        new.meeting_kinds[0].names.nb = "Vanlig møte".into();
        new.duties[3].due_date.day = 28;
        let c = changes(&old, &new, Lang::Nb);
        let brief: Vec<(ProfileSection, &str, ProfileChangeKind)> =
            c.iter().map(|c| (c.section, c.key.as_str(), c.change)).collect();
        use ProfileChangeKind::*;
        use ProfileSection::*;
        assert_eq!(
            brief,
            [
                (SeatCategories, "sports", Moved),
                (SeatCategories, "school", Moved),
                (SeatCategories, "grend", Added),
                (SeatCategories, "senior", Removed),
                (Duties, "grant_report", Changed),
                (MeetingKinds, "ordinary", Renamed),
            ]
        );
        assert_eq!(c[5].old_name.as_deref(), Some("Ordinært møte"));
        assert_eq!(describe(&c[2], Lang::Nb), "Plasskategori «Grend»: lagt til");
        assert_eq!(
            describe(&c[5], Lang::Nn),
            "Møtetype «Vanlig møte»: nytt namn (var «Ordinært møte»)"
        );
        assert!(changes(&old, &old, Lang::Nb).is_empty());
    }

    #[test]
    fn removing_a_category_sitting_members_hold_is_told_not_refused() {
        let old = issued_default();
        let mut new = issued_default();
        new.seat_categories.retain(|c| c.key != "senior" && c.key != "sports");
        assert!(validate(&new).is_ok());
        let in_use = vec![
            ("senior".to_owned(), 3),
            ("sports".to_owned(), 0),
            ("school".to_owned(), 2),
        ];
        let warned = removed_in_use(&old, &new, &in_use, Lang::Nb);
        assert_eq!(warned.len(), 1);
        assert_eq!(warned[0].key, "senior");
        assert_eq!(warned[0].members, 3);
        assert!(warned[0].message.contains("«Senior»"), "{}", warned[0].message);
    }
}
