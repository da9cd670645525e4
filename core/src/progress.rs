//! Progress and cancellation of long jobs (the kommune folder, a package
//! read in, a backup, the demo data).
//!
//! A job calls [`Progress::step`] as it goes and asks [`Progress::cancelled`]
//! between steps; once cancelled it stops with [`CoreError::Cancelled`] and
//! leaves nothing half-written behind (its transaction rolled back, its
//! temporary files removed). Core reads no clock and prints nothing: the face
//! that runs the job decides how a step is shown (a bar in the UI, a line on
//! the CLI's stderr) and when a person's "Avbryt" sets the [`CancelToken`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// What a long job reports and is asked.
pub trait Progress {
    /// `done` of `total` steps are finished, the last being `what` (a file
    /// written, a table read in, a council filled; empty where a step has no
    /// name, as a backup's pages). The face knows what the job counts and
    /// says "12 av 40 protokoller".
    fn step(&self, done: u64, total: u64, what: &str);

    /// Whether the person has asked the job to stop.
    fn cancelled(&self) -> bool;
}

/// For callers with nothing to show and no way to cancel.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn step(&self, _done: u64, _total: u64, _what: &str) {}

    fn cancelled(&self) -> bool {
        false
    }
}

/// A flag a face sets (from another thread) to cancel a running job.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        CancelToken::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// One step of a job as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressEvent {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    /// The step just finished (see [`Progress::step`]).
    pub what: String,
}

/// Reports a step, then stops the job if it was cancelled.
pub fn tick(progress: &dyn Progress, done: u64, total: u64, what: &str) -> Result<()> {
    check(progress)?;
    progress.step(done, total, what);
    Ok(())
}

/// Stops the job if it was cancelled.
pub fn check(progress: &dyn Progress) -> Result<()> {
    if progress.cancelled() {
        Err(CoreError::Cancelled)
    } else {
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use std::cell::{Cell, RefCell};

    use super::Progress;

    /// Records every step and cancels itself once `cancel_at` steps were
    /// reported (never, if `None`).
    #[derive(Default)]
    pub struct Recorder {
        pub steps: RefCell<Vec<(u64, u64, String)>>,
        pub cancel_at: Option<usize>,
        asked: Cell<usize>,
    }

    impl Recorder {
        pub fn cancelling_after(steps: usize) -> Self {
            Recorder {
                cancel_at: Some(steps),
                ..Recorder::default()
            }
        }

        /// The last step reported: (done, total).
        pub fn last(&self) -> Option<(u64, u64)> {
            self.steps.borrow().last().map(|(d, t, _)| (*d, *t))
        }
    }

    impl Progress for Recorder {
        fn step(&self, done: u64, total: u64, what: &str) {
            self.steps.borrow_mut().push((done, total, what.to_owned()));
        }

        fn cancelled(&self) -> bool {
            self.asked.set(self.asked.get() + 1);
            self.cancel_at.is_some_and(|n| self.steps.borrow().len() >= n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_token_stops_the_next_tick_with_the_cancelled_code() {
        struct Token(CancelToken);
        impl Progress for Token {
            fn step(&self, _: u64, _: u64, _: &str) {}
            fn cancelled(&self) -> bool {
                self.0.is_cancelled()
            }
        }
        let token = CancelToken::new();
        let job = Token(token.clone());
        assert!(tick(&job, 1, 3, "a.pdf").is_ok());
        token.cancel();
        let err = tick(&job, 2, 3, "b.pdf").unwrap_err();
        assert_eq!(err.code(), "cancelled");
        assert_eq!(err.message(crate::model::Lang::Nb), "Avbrutt — ingenting ble endret.");
    }
}
