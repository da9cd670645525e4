//! Long jobs (the kommune folder, a package read in, a backup, the demo
//! data): each reports its steps through a Tauri channel the web view gives
//! it and can be cancelled by its id with `cancel_job`. Core decides what a
//! step is and how a cancelled job leaves nothing behind; this only carries
//! the steps out and the "Avbryt" in.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use grendebok_core::progress::{CancelToken, Progress, ProgressEvent};
use tauri::ipc::Channel;
use tauri::State;

/// The cancel tokens of the jobs running now, by the id the web view chose.
#[derive(Default)]
pub struct Jobs(Mutex<HashMap<String, CancelToken>>);

impl Jobs {
    /// Registers a job and returns what reports its steps to `channel`.
    pub fn start(&self, id: &str, channel: Channel<ProgressEvent>) -> ChannelProgress {
        let token = CancelToken::new();
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.to_owned(), token.clone());
        ChannelProgress {
            channel,
            token,
            last_permille: AtomicU64::new(u64::MAX),
            pause: slow_steps(),
        }
    }

    /// Forgets a finished job.
    pub fn finish(&self, id: &str) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
    }

    fn cancel(&self, id: &str) -> bool {
        match self.0.lock().unwrap_or_else(|p| p.into_inner()).get(id) {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }
}

/// `$GRENDEBOK_SLOW_JOBS` milliseconds per step, in debug builds only: lets
/// the end-to-end tests see the progress dialog and press "Avbryt" in time.
fn slow_steps() -> Option<std::time::Duration> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("GRENDEBOK_SLOW_JOBS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(std::time::Duration::from_millis)
}

/// Sends a job's steps to the web view: at most one per thousandth of the
/// whole (a package has thousands of rows), always the first and the last.
pub struct ChannelProgress {
    channel: Channel<ProgressEvent>,
    token: CancelToken,
    last_permille: AtomicU64,
    pause: Option<std::time::Duration>,
}

impl Progress for ChannelProgress {
    fn step(&self, done: u64, total: u64, what: &str) {
        let permille = (done * 1000).checked_div(total).unwrap_or(1000);
        if self.last_permille.swap(permille, Ordering::Relaxed) != permille || done == total {
            // A web view that went away cannot be told; the job goes on.
            let _ = self.channel.send(ProgressEvent {
                done,
                total,
                what: what.to_owned(),
            });
        }
        if let Some(pause) = self.pause {
            std::thread::sleep(pause);
        }
    }

    fn cancelled(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// The person pressed "Avbryt": the job stops at its next step and answers
/// with the code `cancelled`. Returns whether such a job was running.
#[tauri::command]
pub async fn cancel_job(jobs: State<'_, Jobs>, job_id: String) -> crate::Answer<bool> {
    Ok(jobs.cancel(&job_id))
}
