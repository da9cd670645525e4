//! Ctrl-C during a long command (`demo --scale large`, `export minutes
//! --all`): the first press asks the job to stop at its next step, which then
//! leaves nothing behind (core's cancellation); a second press ends the
//! program at once, as usual.

use std::sync::atomic::{AtomicBool, Ordering};

use grendebok_core::progress::Progress;

static PRESSED: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_interrupt(_signal: libc::c_int) {
    if PRESSED.swap(true, Ordering::SeqCst) {
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(130) };
    }
}

/// A closed pipe (`grendebok-cli council list | head`) ends the program
/// quietly, as it ends other command-line tools, instead of a panic about a
/// broken pipe. A write in progress is one SQLite transaction, so nothing is
/// left half-written either way.
pub fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default action of a signal; no handler runs.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// A job's progress as lines on stderr (`line` words one step), cancelled
/// by Ctrl-C.
pub struct Interruptible<F: Fn(u64, u64, &str)> {
    line: F,
}

impl<F: Fn(u64, u64, &str)> Interruptible<F> {
    /// Makes Ctrl-C cancel the job this reports for, from now on.
    pub fn new(line: F) -> Self {
        #[cfg(unix)]
        // SAFETY: the handler only touches an atomic and calls _exit.
        unsafe {
            libc::signal(libc::SIGINT, on_interrupt as *const () as libc::sighandler_t);
        }
        Interruptible { line }
    }
}

impl<F: Fn(u64, u64, &str)> Progress for Interruptible<F> {
    fn step(&self, done: u64, total: u64, what: &str) {
        (self.line)(done, total, what);
    }

    fn cancelled(&self) -> bool {
        PRESSED.load(Ordering::SeqCst)
    }
}
