//! The composition check: the seat plan against who sits on a given day.
//!
//! A plain function of the council, its memberships and the day, so the
//! council page, the council list, `council show` and `check` all agree.

use chrono::{Days, NaiveDate};

use crate::i18n::{date, t};
use crate::model::{
    CategoryStatus, Composition, Council, Gender, GenderCount, Lang, LegalMode, Membership, Notice, NoticeKind,
    ProfileLabels, Role, SeatCategory, Severity,
};

/// Terms that end within this many days are flagged.
pub const TERM_ENDING_DAYS: u64 = 90;
/// How many of each gender a body of `size` people must hold under
/// kommuneloven § 7-6's steps, as Prop. 46 L (2017–2018) ch. 14.2.1 sets them
/// out: 2–3 members, both genders; 4–5, at least 2 of each; 6–8, at least 3;
/// 9 or more, at least 40 % of each (rounded up, so 4 of 9). `None` below two.
pub fn gender_minimum(size: i32) -> Option<i32> {
    match size {
        ..=1 => None,
        2..=3 => Some(1),
        4..=5 => Some(2),
        6..=8 => Some(3),
        _ => Some((size * 2 + 4) / 5),
    }
}

/// The seat categories a council's composition lists, in `labels`' order:
/// every current category of the profile, then a removed one that the plan
/// still gives seats or that sitting members hold (marked in its name), then
/// any key no label knows (named by its key).
fn listed_categories(council: &Council, seated: &[&Membership], labels: &ProfileLabels) -> Vec<SeatCategory> {
    let held = |key: &str| {
        council.seat_plan.seats(&SeatCategory::new(key)) > 0 || seated.iter().any(|m| m.category.key() == key)
    };
    let mut out: Vec<SeatCategory> = labels
        .seat_categories
        .iter()
        .filter(|l| !l.removed || held(&l.key))
        .map(|l| SeatCategory::new(l.key.clone()))
        .collect();
    let unknown = council
        .seat_plan
        .entries()
        .filter(|(_, n)| *n > 0)
        .map(|(c, _)| c)
        .chain(seated.iter().map(|m| &m.category));
    for category in unknown {
        if !out.contains(category) {
            out.push(category.clone());
        }
    }
    out
}

/// The seats of `council`'s plan and how many of them are filled, from the
/// number who sit by role (as [`check`] counts them: deputies hold no seat).
/// For lists of every council that show only the numbers.
pub fn seats(council: &Council, sitting_by_role: &[(Role, i32)]) -> (i32, i32) {
    let planned = council.seat_plan.total();
    let filled = sitting_by_role
        .iter()
        .filter(|(role, _)| role.holds_seat())
        .map(|(_, count)| count)
        .sum();
    (planned, filled)
}

/// Checks the composition of `council` on `today`, its seat categories named
/// and ordered by `labels` (the file's profile). `memberships` may hold the
/// council's whole history; only those who sit on `today` count.
pub fn check(
    council: &Council,
    memberships: &[Membership],
    today: NaiveDate,
    labels: &ProfileLabels,
    lang: Lang,
) -> Composition {
    let sitting: Vec<&Membership> = memberships.iter().filter(|m| m.sits_on(today)).collect();
    let seated: Vec<&Membership> = sitting.iter().copied().filter(|m| m.role.holds_seat()).collect();
    let mut notices = Vec::new();

    let categories: Vec<CategoryStatus> = listed_categories(council, &seated, labels)
        .into_iter()
        .map(|category| {
            let planned = council.seat_plan.seats(&category).max(0);
            let filled = seated.iter().filter(|m| m.category == category).count() as i32;
            CategoryStatus {
                category,
                planned,
                filled,
                vacant: (planned - filled).max(0),
                over: (filled - planned).max(0),
            }
        })
        .collect();

    for status in &categories {
        let label = labels.seat_category(status.category.key());
        if status.vacant > 0 {
            let key = if status.vacant == 1 {
                "notice.vacant.one"
            } else {
                "notice.vacant.other"
            };
            notices.push(Notice {
                kind: NoticeKind::Vacant,
                severity: Severity::Warning,
                category: Some(status.category.clone()),
                membership_id: None,
                message: t(
                    lang,
                    key,
                    &[("category", &label), ("count", &status.vacant.to_string())],
                ),
            });
        }
        if status.over > 0 {
            notices.push(Notice {
                kind: NoticeKind::Overfilled,
                severity: Severity::Warning,
                category: Some(status.category.clone()),
                membership_id: None,
                message: t(
                    lang,
                    "notice.overfilled",
                    &[
                        ("category", &label),
                        ("filled", &status.filled.to_string()),
                        ("planned", &status.planned.to_string()),
                    ],
                ),
            });
        }
    }

    if !seated.is_empty() && !seated.iter().any(|m| m.role == Role::Leder) {
        notices.push(Notice {
            kind: NoticeKind::NoLeader,
            severity: Severity::Warning,
            category: None,
            membership_id: None,
            message: t(lang, "notice.no_leader", &[]),
        });
    }

    let horizon = today
        .checked_add_days(Days::new(TERM_ENDING_DAYS))
        .unwrap_or(NaiveDate::MAX);
    let mut ending: Vec<(&Membership, NaiveDate)> = sitting
        .iter()
        .filter_map(|m| m.last_day().filter(|last| *last <= horizon).map(|last| (*m, last)))
        .collect();
    ending.sort_by_key(|(m, last)| (*last, super::names::sort_key(&m.person.name)));
    for (m, last) in ending {
        let days = (last - today).num_days().to_string();
        notices.push(Notice {
            kind: NoticeKind::TermEnding,
            severity: Severity::Warning,
            category: Some(m.category.clone()),
            membership_id: Some(m.id.clone()),
            message: t(
                lang,
                "notice.term_ending",
                &[
                    ("name", &m.person.name),
                    ("category", &labels.seat_category(m.category.key())),
                    ("date", &date(last)),
                    ("days", &days),
                ],
            ),
        });
    }

    let genders = count_genders(&seated);
    let deputies: Vec<&Membership> = sitting.iter().copied().filter(|m| !m.role.holds_seat()).collect();
    for (group, people) in [
        (GenderGroup::Members, &genders),
        (GenderGroup::Deputies, &count_genders(&deputies)),
    ] {
        if let Some(notice) = gender_balance(people, group, council.legal_mode, lang) {
            notices.push(notice);
        }
    }

    let seats_planned = categories.iter().map(|c| c.planned).sum();
    let seats_filled = categories.iter().map(|c| c.filled).sum();
    let seats_vacant = categories.iter().map(|c| c.vacant).sum();
    Composition {
        as_of: today,
        categories,
        seats_planned,
        seats_filled,
        seats_vacant,
        genders,
        notices,
    }
}

fn count_genders(seated: &[&Membership]) -> GenderCount {
    let mut count = GenderCount {
        female: 0,
        male: 0,
        other: 0,
        unknown: 0,
    };
    for m in seated {
        match m.person.gender {
            Some(Gender::Female) => count.female += 1,
            Some(Gender::Male) => count.male += 1,
            Some(Gender::Other) => count.other += 1,
            None => count.unknown += 1,
        }
    }
    count
}

/// The members who hold seats, or the varamedlemmer: § 7-6 counts each
/// group on its own.
#[derive(Clone, Copy)]
enum GenderGroup {
    Members,
    Deputies,
}

/// The gender balance of one group against § 7-6's steps: a warning for a
/// formal body, which the rule binds; for a voluntary council the same
/// numbers as advice, in words that cite no rule. Never a block. Only women
/// and men recorded count; people without a recorded gender are named in
/// the message, and a group with none recorded says nothing.
fn gender_balance(genders: &GenderCount, group: GenderGroup, mode: LegalMode, lang: Lang) -> Option<Notice> {
    let size = genders.female + genders.male + genders.other + genders.unknown;
    let minimum = gender_minimum(size)?;
    if genders.female + genders.male + genders.other == 0 {
        return None;
    }
    if genders.female >= minimum && genders.male >= minimum {
        return None;
    }
    let (key, severity) = match mode {
        LegalMode::Formal => ("notice.gender_balance.formal", Severity::Warning),
        LegalMode::Voluntary => ("notice.gender_balance.voluntary", Severity::Advice),
    };
    let group = match group {
        GenderGroup::Members => t(lang, "notice.gender_group.members", &[]),
        GenderGroup::Deputies => t(lang, "notice.gender_group.deputies", &[]),
    };
    let mut message = t(
        lang,
        key,
        &[
            ("group", &group),
            ("female", &genders.female.to_string()),
            ("male", &genders.male.to_string()),
            ("size", &size.to_string()),
            ("minimum", &minimum.to_string()),
        ],
    );
    if genders.unknown > 0 {
        message.push(' ');
        message.push_str(&t(
            lang,
            "notice.gender_unknown",
            &[("count", &genders.unknown.to_string())],
        ));
    }
    Some(Notice {
        kind: NoticeKind::GenderBalance,
        severity,
        category: None,
        membership_id: None,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// The check under the built-in profile.
    fn check(council: &Council, memberships: &[Membership], today: NaiveDate, lang: Lang) -> Composition {
        super::check(
            council,
            memberships,
            today,
            &crate::rules::profile::default_labels(lang),
            lang,
        )
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn stavern() -> Council {
        Council {
            kept_elsewhere: None,
            id: "c".into(),
            name: "Stavern nærmiljøutvalg".into(),
            kind: CouncilKind::Naermiljoutvalg,
            area: String::new(),
            mandate: String::new(),
            malform: Malform::Bokmal,
            legal_mode: LegalMode::Voluntary,
            contact_name: String::new(),
            contact_email: String::new(),
            contact_phone: String::new(),
            seat_plan: SeatPlan::new(1, 1, 1, 1, 2),
        }
    }

    fn member(name: &str, category: SeatCategory, role: Role, gender: Option<Gender>) -> Membership {
        Membership {
            id: format!("m-{name}"),
            council_id: "c".into(),
            person: Person {
                id: format!("p-{name}"),
                name: name.into(),
                email: String::new(),
                phone: String::new(),
                gender,
            },
            category,
            role,
            organisation: String::new(),
            term_from: day(2026, 1, 1),
            term_to: Some(day(2027, 12, 31)),
            ended_on: None,
            end_reason: String::new(),
        }
    }

    fn kinds(c: &Composition) -> Vec<NoticeKind> {
        c.notices.iter().map(|n| n.kind).collect()
    }

    fn five_members() -> Vec<Membership> {
        vec![
            member("Aud", SeatCategory::SENIOR, Role::Leder, Some(Gender::Female)),
            member("Bjørn", SeatCategory::SCHOOL, Role::Medlem, Some(Gender::Male)),
            member("Cecilie", SeatCategory::SPORTS, Role::Medlem, Some(Gender::Female)),
            member("Dag", SeatCategory::BUSINESS, Role::Medlem, Some(Gender::Male)),
            member("Eva", SeatCategory::VOLUNTEER, Role::Sekretaer, Some(Gender::Female)),
        ]
    }

    #[test]
    fn one_free_volunteer_seat_is_vacant() {
        let c = check(&stavern(), &five_members(), day(2026, 6, 1), Lang::Nb);
        let volunteer = c
            .categories
            .iter()
            .find(|s| s.category == SeatCategory::VOLUNTEER)
            .unwrap();
        assert_eq!((volunteer.planned, volunteer.filled, volunteer.vacant), (2, 1, 1));
        assert_eq!((c.seats_planned, c.seats_filled, c.seats_vacant), (6, 5, 1));
        assert_eq!(kinds(&c), [NoticeKind::Vacant]);
        assert_eq!(c.notices[0].message, "Frivillighet: 1 ledig plass.");
    }

    #[test]
    fn deputies_do_not_fill_seats_and_extra_members_overfill() {
        let mut members = five_members();
        members.push(member(
            "Frode",
            SeatCategory::VOLUNTEER,
            Role::Varamedlem,
            Some(Gender::Male),
        ));
        members.push(member("Gro", SeatCategory::SPORTS, Role::Medlem, Some(Gender::Female)));
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        let sports = c
            .categories
            .iter()
            .find(|s| s.category == SeatCategory::SPORTS)
            .unwrap();
        assert_eq!((sports.filled, sports.over), (2, 1));
        // Four women and two men among those seated: advice on gender balance too.
        assert_eq!(
            kinds(&c),
            [NoticeKind::Overfilled, NoticeKind::Vacant, NoticeKind::GenderBalance]
        );
        // The overview's count from numbers by role says the same.
        let by_role = [
            (Role::Leder, 1),
            (Role::Medlem, 4),
            (Role::Sekretaer, 1),
            (Role::Varamedlem, 1),
        ];
        assert_eq!(seats(&stavern(), &by_role), (c.seats_planned, c.seats_filled));
        assert_eq!(seats(&stavern(), &by_role), (6, 6));
    }

    #[test]
    fn ended_and_future_seats_do_not_count() {
        let mut members = five_members();
        members[1].ended_on = Some(day(2026, 6, 1));
        members[2].term_from = day(2026, 6, 2);
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        assert_eq!(c.seats_filled, 3);
        // Sitting the day before the end date still counts.
        let before = check(&stavern(), &members, day(2026, 5, 31), Lang::Nb);
        assert_eq!(before.seats_filled, 4);
    }

    #[test]
    fn terms_ending_within_ninety_days_are_flagged() {
        let mut members = five_members();
        members[3].term_to = Some(day(2026, 12, 31));
        let flagged = check(&stavern(), &members, day(2026, 10, 2), Lang::Nb);
        let notice = flagged
            .notices
            .iter()
            .find(|n| n.kind == NoticeKind::TermEnding)
            .unwrap();
        assert_eq!(
            notice.message,
            "Perioden til Dag (Næringsliv) slutter 31.12.2026, om 90 dager."
        );
        let too_early = check(&stavern(), &members, day(2026, 10, 1), Lang::Nb);
        assert!(!kinds(&too_early).contains(&NoticeKind::TermEnding));
    }

    #[test]
    fn no_leader_is_a_warning() {
        let mut members = five_members();
        members[0].role = Role::Medlem;
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        assert!(kinds(&c).contains(&NoticeKind::NoLeader));
    }

    /// `women` women and `men` men, all members (the first the leader), in
    /// the plan's volunteer seats so no seat notice depends on the numbers.
    fn people(women: i32, men: i32, role: Role) -> Vec<Membership> {
        let mut list = Vec::new();
        for i in 0..women + men {
            let gender = if i < women { Gender::Female } else { Gender::Male };
            let role = if i == 0 && role == Role::Medlem {
                Role::Leder
            } else {
                role
            };
            list.push(member(&format!("p{i}"), SeatCategory::VOLUNTEER, role, Some(gender)));
        }
        list
    }

    fn balance(c: &Composition) -> Vec<&Notice> {
        c.notices
            .iter()
            .filter(|n| n.kind == NoticeKind::GenderBalance)
            .collect()
    }

    fn formal() -> Council {
        Council {
            legal_mode: LegalMode::Formal,
            ..stavern()
        }
    }

    #[test]
    fn section_7_6_steps_from_two_to_twelve_members() {
        // (size, the fewest of each gender the step asks for)
        let steps = [
            (2, 1),
            (3, 1),
            (4, 2),
            (5, 2),
            (6, 3),
            (7, 3),
            (8, 3),
            (9, 4),
            (10, 4),
            (11, 5),
            (12, 5),
        ];
        assert_eq!(gender_minimum(0), None);
        assert_eq!(gender_minimum(1), None);
        for (size, minimum) in steps {
            assert_eq!(gender_minimum(size), Some(minimum), "{size} members");
            // Exactly the minimum of women is balanced; one fewer is not.
            let at = check(
                &formal(),
                &people(minimum, size - minimum, Role::Medlem),
                day(2026, 6, 1),
                Lang::Nb,
            );
            assert!(
                balance(&at).is_empty(),
                "{size} members with {minimum} women: {:?}",
                at.notices
            );
            let below = check(
                &formal(),
                &people(minimum - 1, size - minimum + 1, Role::Medlem),
                day(2026, 6, 1),
                Lang::Nb,
            );
            let notice = balance(&below);
            assert_eq!(notice.len(), 1, "{size} members with {} women", minimum - 1);
            assert_eq!(notice[0].severity, Severity::Warning);
        }
        // One person alone has no balance to keep.
        let one = check(&formal(), &people(1, 0, Role::Medlem), day(2026, 6, 1), Lang::Nb);
        assert!(balance(&one).is_empty());
    }

    #[test]
    fn eight_members_five_and_three_pass_and_three_of_one_gender_do_not() {
        let eight = check(&formal(), &people(5, 3, Role::Medlem), day(2026, 6, 1), Lang::Nb);
        assert!(balance(&eight).is_empty(), "5/3 of 8 meets § 7-6: {:?}", eight.notices);
        let three = check(&formal(), &people(0, 3, Role::Medlem), day(2026, 6, 1), Lang::Nb);
        assert_eq!(
            balance(&three)[0].message,
            "Kjønnsbalanse blant medlemmene (3): kvinner 0, menn 3. \
             Kommuneloven § 7-6 krever minst 1 av hvert kjønn i en gruppe på 3."
        );
    }

    #[test]
    fn deputies_are_counted_on_their_own() {
        // Balanced members; three male deputies.
        let mut list = people(2, 2, Role::Medlem);
        list.extend(people(0, 3, Role::Varamedlem).into_iter().map(|mut m| {
            m.id.push_str("-vara");
            m
        }));
        let c = check(&formal(), &list, day(2026, 6, 1), Lang::Nb);
        let notices = balance(&c);
        assert_eq!(notices.len(), 1);
        assert!(notices[0]
            .message
            .starts_with("Kjønnsbalanse blant varamedlemmene (3): kvinner 0, menn 3."));
    }

    #[test]
    fn voluntary_councils_get_advice_that_cites_no_rule() {
        let mut members = five_members();
        // Three women and two men of five: at least two of each, balanced.
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        assert!(balance(&c).is_empty());
        // Four women and one man.
        members[1].person.gender = Some(Gender::Female);
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let c = check(&stavern(), &members, day(2026, 6, 1), lang);
            let advice = balance(&c)[0];
            assert_eq!(advice.severity, Severity::Advice);
            assert!(!advice.message.contains('§'), "{}", advice.message);
        }
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        assert_eq!(
            balance(&c)[0].message,
            "Råd om kjønnsbalanse blant medlemmene (5): kvinner 4, menn 1. Et godt mål er minst 2 av hvert kjønn."
        );
        // Nobody's gender recorded: nothing to say.
        for m in &mut members {
            m.person.gender = None;
        }
        assert!(balance(&check(&stavern(), &members, day(2026, 6, 1), Lang::Nb)).is_empty());
    }

    #[test]
    fn messages_follow_the_language() {
        let c = check(&stavern(), &five_members(), day(2026, 6, 1), Lang::En);
        assert_eq!(c.notices[0].message, "Volunteering: 1 vacant seat.");
        let c = check(&stavern(), &five_members(), day(2026, 6, 1), Lang::Nn);
        assert_eq!(c.notices[0].message, "Frivilligheit: 1 ledig plass.");
    }
}
