//! The councils' list and page, and the profile's names, in a language.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::*;
use crate::rules::{self, composition};
use crate::store::Store;

impl Store {
    /// Every seat category's and meeting kind's name in `lang`: the
    /// profile's in its order, then removed ones rows still hold, marked.
    pub fn profile_labels(&self, lang: Lang) -> Result<ProfileLabels> {
        Ok(rules::profile::labels(&self.profile()?, &self.profile_history()?, lang))
    }

    /// The composition check of one council on `today`.
    pub fn composition(&self, council: &Council, today: NaiveDate, lang: Lang) -> Result<Composition> {
        let memberships = self.memberships_of_council(&council.id)?;
        let labels = self.profile_labels(lang)?;
        Ok(composition::check(council, &memberships, today, &labels, lang))
    }

    /// One row per council for the council list.
    pub fn council_summaries(&self, today: NaiveDate, lang: Lang) -> Result<Vec<CouncilSummary>> {
        let mut sitting = self.sitting_by_council(today)?;
        let labels = self.profile_labels(lang)?;
        self.councils()?
            .into_iter()
            .map(|council| {
                let members = sitting.remove(&council.id).unwrap_or_default();
                let c = composition::check(&council, &members, today, &labels, lang);
                Ok(CouncilSummary {
                    id: council.id,
                    name: council.name,
                    kind: council.kind,
                    area: council.area,
                    seats_planned: c.seats_planned,
                    seats_filled: c.seats_filled,
                    seats_vacant: c.seats_vacant,
                    warning_count: c.warning_count() as i32,
                })
            })
            .collect()
    }

    /// `PRAGMA integrity_check`, the foreign keys, and every council's composition.
    pub fn health(&self, today: NaiveDate, lang: Lang) -> Result<HealthReport> {
        let mut report = self.file_health()?;
        report.councils = self
            .councils()?
            .into_iter()
            .map(|council| {
                Ok(CouncilHealth {
                    composition: self.composition(&council, today, lang)?,
                    id: council.id,
                    name: council.name,
                })
            })
            .collect::<Result<_>>()?;
        Ok(report)
    }

    /// Everything the council page shows.
    pub fn council_detail(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<CouncilDetail> {
        let council = self.council(id)?;
        let all = self.memberships_of_council(id)?;
        let labels = self.profile_labels(lang)?;
        let composition = composition::check(&council, &all, today, &labels, lang);
        let (mut current, mut upcoming, mut former) = (Vec::new(), Vec::new(), Vec::new());
        for m in all {
            if m.sits_on(today) {
                current.push(m);
            } else if m.term_from > today {
                upcoming.push(m);
            } else {
                former.push(m);
            }
        }
        current.sort_by_key(|m| {
            (
                labels.seat_category_rank(m.category.key()),
                m.category.clone(),
                role_order(m.role),
                rules::names::sort_key(&m.person.name),
            )
        });
        upcoming.sort_by_key(|m| (m.term_from, rules::names::sort_key(&m.person.name)));
        former.sort_by_key(|m| std::cmp::Reverse(m.last_day()));
        Ok(CouncilDetail {
            council,
            composition,
            current,
            upcoming,
            former,
            accounting_year: rules::duties::accounting_year(today),
        })
    }
}

fn role_order(role: Role) -> usize {
    Role::ALL.iter().position(|r| *r == role).unwrap_or(usize::MAX)
}
