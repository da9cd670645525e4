//! The duties, the coordinator's overview and the year wheel, named in a language.

use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::error::Result;
use crate::i18n::{self, t};
use crate::model::*;
use crate::rules;
use crate::store::Store;

/// An evidence's label in `lang`, from what the store found
/// ([`Evidence::about`]) and the profile's names.
pub fn evidence_label(evidence: &Evidence, profile: &KommuneProfile, lang: Lang) -> String {
    match &evidence.about {
        EvidenceAbout::Own => evidence.label.clone(),
        EvidenceAbout::Meeting { kind } => {
            let day = evidence.date.map(i18n::date).unwrap_or_default();
            format!("{} {day}", rules::duties::meeting_kind_name(profile, kind, lang))
        }
        EvidenceAbout::AnnualReport { year } => t(lang, "duty.evidence.annual_report", &[("year", &year.to_string())]),
        EvidenceAbout::GrantReport { scheme } => t(lang, "duty.evidence.grant_report", &[("scheme", scheme)]),
        EvidenceAbout::Notices { held } => t(lang, "duty.evidence.notices", &[("count", &held.to_string())]),
    }
}

/// Names `duties` and their evidence in `lang`, from the kommune profile.
pub fn label_duties<'a>(duties: impl IntoIterator<Item = &'a mut Duty>, profile: &KommuneProfile, lang: Lang) {
    for duty in duties {
        duty.name = rules::duties::name_of(profile, duty.kind.as_str(), lang);
        if let Some(evidence) = &mut duty.evidence {
            evidence.label = evidence_label(evidence, profile, lang);
        }
    }
}

/// Names the duties of every council of `overview` in `lang`.
fn label_overview(overview: &mut Overview, profile: &KommuneProfile, lang: Lang) {
    label_duties(overview.councils.iter_mut().flat_map(|c| &mut c.duties), profile, lang);
}

impl Store {
    /// A council's duties of `year` (the kommune profile's) as they stand on `today`.
    pub fn duties(&self, council_id: &str, year: i32, today: NaiveDate, lang: Lang) -> Result<Vec<Duty>> {
        let mut duties = self.duty_rows(council_id, year, today)?;
        label_duties(&mut duties, &self.profile()?, lang);
        Ok(duties)
    }

    /// Every council's duties of `year`, council by council.
    pub fn all_duties(&self, year: i32, today: NaiveDate, lang: Lang) -> Result<Vec<Duty>> {
        let mut duties = self.all_duty_rows(year, today)?;
        label_duties(&mut duties, &self.profile()?, lang);
        Ok(duties)
    }

    /// Moves a duty's due date, waives it with a reason, or lifts the waiver;
    /// the council's duties after.
    pub fn edit_duty(
        &mut self,
        actor: &Actor,
        council_id: &str,
        year: i32,
        kind: &DutyKey,
        edit: &DutyEdit,
        lang: Lang,
    ) -> Result<Vec<Duty>> {
        let mut duties = self.change_duty(actor, council_id, year, kind, edit)?;
        label_duties(&mut duties, &self.profile()?, lang);
        Ok(duties)
    }

    /// The coordinator's overview: every council in `year`, on `today`.
    pub fn overview(&self, year: i32, today: NaiveDate, lang: Lang) -> Result<Overview> {
        let mut overview = self.overview_rows(year, today)?;
        label_overview(&mut overview, &self.profile()?, lang);
        Ok(overview)
    }

    /// The sections of a council's page below its meetings and seats, in one
    /// answer (so they do not wait for the council, nor for one another): its
    /// schemes, the duties of its accounting year and this year's attendance.
    pub fn council_sections(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<CouncilSections> {
        let accounting_year = rules::duties::accounting_year(today);
        Ok(CouncilSections {
            schemes: self.schemes_of_council(id, today)?,
            accounting_year,
            duties: self.duties(id, accounting_year, today, lang)?,
            attendance: self.attendance_by_member(id, today.year())?,
        })
    }

    /// The coordinator's screen: the councils `query` lets through in `year`,
    /// on `today`, in its order, and the year in figures for them; not the
    /// year's meetings (the year wheel asks for them when it is scrolled to).
    pub fn overview_screen(
        &self,
        year: i32,
        today: NaiveDate,
        lang: Lang,
        query: &OverviewQuery,
    ) -> Result<OverviewScreen> {
        let profile = self.profile()?;
        let mut overview = self.overview_rows(year, today)?;
        label_overview(&mut overview, &profile, lang);
        let Overview {
            year,
            councils,
            meetings,
            ..
        } = overview;
        let total = councils.len() as i32;
        let councils = rules::overview::shown(councils, query);
        let ids: std::collections::HashSet<&str> = councils.iter().map(|c| c.council_id.as_str()).collect();
        let meetings: Vec<MeetingBrief> = meetings
            .into_iter()
            .filter(|m| ids.contains(m.council_id.as_str()))
            .collect();
        let duties: Vec<(DutyKey, String)> = profile
            .duties
            .iter()
            .map(|d| (DutyKey(d.key.clone()), d.names.get(lang).to_owned()))
            .collect();
        let glance = rules::overview::glance(year, &duties, &councils, &meetings);
        let wheel = (total as usize <= rules::overview::WHEEL_WITH_SCREEN)
            .then(|| rules::overview::wheel(year, councils.clone(), meetings));
        let shown: Vec<(String, String)> = councils
            .iter()
            .map(|c| (c.council_id.clone(), c.name.clone()))
            .collect();
        let mut statements = self.statement_overview(year, today, &shown)?;
        for s in &mut statements.statements {
            s.case_label = s.case_number.map(|n| n.label(lang));
        }
        Ok(OverviewScreen {
            year,
            today,
            total,
            councils,
            glance,
            wheel,
            statements,
        })
    }

    /// The year wheel of the councils `query` lets through in `year`, on `today`.
    pub fn year_wheel(&self, year: i32, today: NaiveDate, lang: Lang, query: &OverviewQuery) -> Result<YearWheel> {
        let Overview {
            year,
            councils,
            meetings,
            ..
        } = self.overview(year, today, lang)?;
        let councils: Vec<CouncilOverview> = councils
            .into_iter()
            .filter(|c| rules::overview::matches(c, query))
            .collect();
        let ids: std::collections::HashSet<String> = councils.iter().map(|c| c.council_id.clone()).collect();
        let meetings = meetings.into_iter().filter(|m| ids.contains(&m.council_id)).collect();
        Ok(rules::overview::wheel(year, councils, meetings))
    }

    /// Meetings and owed due dates of `year`, of one council or of all, as an
    /// iCalendar file in `lang` written to `out` (temporary file, then rename).
    pub fn export_calendar(
        &self,
        year: i32,
        council_id: Option<&str>,
        out: &Path,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<crate::calendar::Calendar> {
        rules::validate::year(year)?;
        if let Some(id) = council_id {
            self.council(id)?;
        }
        let overview = self.overview(year, now.date_naive(), lang)?;
        let ours = |id: &str| council_id.is_none_or(|c| c == id);
        let meetings: Vec<MeetingBrief> = overview.meetings.into_iter().filter(|m| ours(&m.council_id)).collect();
        let duties: Vec<Duty> = overview
            .councils
            .into_iter()
            .filter(|c| ours(&c.council_id))
            .flat_map(|c| c.duties)
            .collect();
        let labels = self.profile_labels(lang)?;
        let calendar = crate::calendar::ics(&meetings, &duties, now, &labels, lang);
        self.export_target(out)?;
        crate::pdf::write_atomically(out, calendar.text.as_bytes())?;
        Ok(calendar)
    }
}
