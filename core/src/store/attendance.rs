//! Attendance: who was called, who came, and when they arrived and left by item.

use super::meetings;
use super::Store;
use crate::error::Result;
use crate::model::*;

impl Store {
    /// Records when a member present arrived and left, by agenda item
    /// ("møtte fra sak 05/26"); quorum per item counts only who was there.
    pub fn set_attendance_span(&mut self, actor: &Actor, meeting_id: &str, span: &AttendanceSpan) -> Result<()> {
        self.write(|tx| meetings::set_span(tx, actor, meeting_id, span))
    }

    pub fn set_attendance(&mut self, actor: &Actor, meeting_id: &str, input: &AttendanceInput) -> Result<()> {
        self.write(|tx| meetings::set_attendance(tx, actor, meeting_id, input))
    }
}
