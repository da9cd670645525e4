//! Figures for the charts: attendance per member over a year.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Role, SeatCategory};

/// One seat's attendance over the held meetings of a year (held or with
/// approved minutes). A varamedlem is expected at none; their meetings as a
/// stand-in are counted in `standIn` (and in `present`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberAttendance {
    pub membership_id: String,
    pub person_name: String,
    pub category: SeatCategory,
    pub role: Role,
    /// Held meetings of the year on a day the member sat (not a varamedlem).
    pub expected: i32,
    pub present: i32,
    /// Forfall: excused.
    pub excused: i32,
    pub absent: i32,
    /// Expected meetings where nothing was recorded for the member.
    pub not_recorded: i32,
    /// Present as a varamedlem meeting for someone.
    pub stand_in: i32,
}

/// A council's attendance in one year, member by member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceYear {
    pub council_id: String,
    pub year: i32,
    /// The year's held meetings.
    pub held: i32,
    /// Every year in which the council held a meeting, newest first.
    pub years: Vec<i32>,
    /// Regular members first (by category, then name), varamedlemmer last.
    pub members: Vec<MemberAttendance>,
}
