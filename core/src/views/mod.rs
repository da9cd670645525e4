//! Labels, added once, where the language is known.
//!
//! The store returns plain rows: keys, enums, numbers, dates and the
//! parameters of a text (an evidence's [`crate::model::EvidenceAbout`]), never
//! words in a language. These `impl Store` blocks are the doors the shell and
//! the CLI call for a screen: each composes the store's read (`*_rows`) with
//! the labels of the reader's language. A document (a PDF, a calendar, a
//! letter) is labelled here too, in the language it is written in.

mod councils;
mod duties;
mod intake;
mod meetings;
mod messages;
mod profile;
mod search;

pub use duties::{evidence_label, label_duties};
pub use meetings::{label_inhabil, label_meeting};
pub use messages::clock_warning;
