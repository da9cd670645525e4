//! The composition check: the seat plan against who sits on a given day.
//!
//! A plain function of the council, its memberships and the day, so the
//! council page, the council list, `council show` and `check` all agree.

use chrono::{Days, NaiveDate};

use crate::i18n::{date, t};
use crate::model::{
    CategoryStatus, Composition, Council, Gender, GenderCount, Lang, LegalMode, Membership, Notice, NoticeKind, Role,
    SeatCategory, Severity,
};

/// Terms that end within this many days are flagged.
pub const TERM_ENDING_DAYS: u64 = 90;
/// The gender-balance rule (kommuneloven § 7-6) applies from this many members.
pub const GENDER_RULE_MIN_MEMBERS: i32 = 4;
/// Each gender's share must be at least this many per cent.
pub const GENDER_MIN_PERCENT: i32 = 40;

pub fn category_label(lang: Lang, category: SeatCategory) -> String {
    t(
        lang,
        &format!("category.{}", super::validate::category_code(category)),
        &[],
    )
}

/// The seats of `council`'s plan and how many of them are filled, from the
/// number who sit by role (as [`check`] counts them: deputies hold no seat).
/// For lists of every council that show only the numbers.
pub fn seats(council: &Council, sitting_by_role: &[(Role, i32)]) -> (i32, i32) {
    let planned = SeatCategory::ALL
        .into_iter()
        .map(|category| council.seat_plan.seats(category).max(0))
        .sum();
    let filled = sitting_by_role
        .iter()
        .filter(|(role, _)| role.holds_seat())
        .map(|(_, count)| count)
        .sum();
    (planned, filled)
}

/// Checks the composition of `council` on `today`. `memberships` may hold
/// the council's whole history; only those who sit on `today` count.
pub fn check(council: &Council, memberships: &[Membership], today: NaiveDate, lang: Lang) -> Composition {
    let sitting: Vec<&Membership> = memberships.iter().filter(|m| m.sits_on(today)).collect();
    let seated: Vec<&Membership> = sitting.iter().copied().filter(|m| m.role.holds_seat()).collect();
    let mut notices = Vec::new();

    let categories: Vec<CategoryStatus> = SeatCategory::ALL
        .into_iter()
        .map(|category| {
            let planned = council.seat_plan.seats(category).max(0);
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
        let label = category_label(lang, status.category);
        if status.vacant > 0 {
            let key = if status.vacant == 1 {
                "notice.vacant.one"
            } else {
                "notice.vacant.other"
            };
            notices.push(Notice {
                kind: NoticeKind::Vacant,
                severity: Severity::Warning,
                category: Some(status.category),
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
                category: Some(status.category),
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
    ending.sort_by_key(|(m, last)| (*last, m.person.name.clone()));
    for (m, last) in ending {
        let days = (last - today).num_days().to_string();
        notices.push(Notice {
            kind: NoticeKind::TermEnding,
            severity: Severity::Warning,
            category: Some(m.category),
            membership_id: Some(m.id.clone()),
            message: t(
                lang,
                "notice.term_ending",
                &[
                    ("name", &m.person.name),
                    ("category", &category_label(lang, m.category)),
                    ("date", &date(last)),
                    ("days", &days),
                ],
            ),
        });
    }

    let genders = count_genders(&seated);
    if let Some(notice) = gender_advice(&genders, seated.len() as i32, council.legal_mode, lang) {
        notices.push(notice);
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

/// Advice, never a block: with four or more members, each of women and men
/// should be at least 40 % of those whose gender is recorded.
fn gender_advice(genders: &GenderCount, members: i32, mode: LegalMode, lang: Lang) -> Option<Notice> {
    let recorded = genders.female + genders.male + genders.other;
    if members < GENDER_RULE_MIN_MEMBERS || recorded == 0 {
        return None;
    }
    let share = |n: i32| n * 100 / recorded;
    let balanced =
        genders.female * 100 >= GENDER_MIN_PERCENT * recorded && genders.male * 100 >= GENDER_MIN_PERCENT * recorded;
    if balanced {
        return None;
    }
    let key = match mode {
        LegalMode::Formal => "notice.gender_balance.formal",
        LegalMode::Voluntary => "notice.gender_balance.voluntary",
    };
    let mut message = t(
        lang,
        key,
        &[
            ("female", &share(genders.female).to_string()),
            ("male", &share(genders.male).to_string()),
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
        severity: Severity::Advice,
        category: None,
        membership_id: None,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

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
            seat_plan: SeatPlan {
                senior: 1,
                school: 1,
                sports: 1,
                business: 1,
                volunteer: 2,
            },
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

    use SeatCategory::*;

    fn five_members() -> Vec<Membership> {
        vec![
            member("Aud", Senior, Role::Leder, Some(Gender::Female)),
            member("Bjørn", School, Role::Medlem, Some(Gender::Male)),
            member("Cecilie", Sports, Role::Medlem, Some(Gender::Female)),
            member("Dag", Business, Role::Medlem, Some(Gender::Male)),
            member("Eva", Volunteer, Role::Sekretaer, Some(Gender::Female)),
        ]
    }

    #[test]
    fn one_free_volunteer_seat_is_vacant() {
        let c = check(&stavern(), &five_members(), day(2026, 6, 1), Lang::Nb);
        let volunteer = c.categories.iter().find(|s| s.category == Volunteer).unwrap();
        assert_eq!((volunteer.planned, volunteer.filled, volunteer.vacant), (2, 1, 1));
        assert_eq!((c.seats_planned, c.seats_filled, c.seats_vacant), (6, 5, 1));
        assert_eq!(kinds(&c), [NoticeKind::Vacant]);
        assert_eq!(c.notices[0].message, "Frivillighet: 1 ledig plass.");
    }

    #[test]
    fn deputies_do_not_fill_seats_and_extra_members_overfill() {
        let mut members = five_members();
        members.push(member("Frode", Volunteer, Role::Varamedlem, Some(Gender::Male)));
        members.push(member("Gro", Sports, Role::Medlem, Some(Gender::Female)));
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        let sports = c.categories.iter().find(|s| s.category == Sports).unwrap();
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

    #[test]
    fn gender_balance_is_advice_from_four_members() {
        let mut members = five_members();
        // Three women and two men: 60/40, balanced.
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        assert!(!kinds(&c).contains(&NoticeKind::GenderBalance));
        // Four women and one man: 80/20.
        members[1].person.gender = Some(Gender::Female);
        let c = check(&stavern(), &members, day(2026, 6, 1), Lang::Nb);
        let advice = c.notices.iter().find(|n| n.kind == NoticeKind::GenderBalance).unwrap();
        assert_eq!(advice.severity, Severity::Advice);
        assert!(advice.message.contains("80 %"), "{}", advice.message);
        // Three members are below the rule's threshold.
        let c = check(&stavern(), &members[..3], day(2026, 6, 1), Lang::Nb);
        assert!(!kinds(&c).contains(&NoticeKind::GenderBalance));
    }

    #[test]
    fn messages_follow_the_language() {
        let c = check(&stavern(), &five_members(), day(2026, 6, 1), Lang::En);
        assert_eq!(c.notices[0].message, "Volunteering: 1 vacant seat.");
        let c = check(&stavern(), &five_members(), day(2026, 6, 1), Lang::Nn);
        assert_eq!(c.notices[0].message, "Frivilligheit: 1 ledig plass.");
    }
}
