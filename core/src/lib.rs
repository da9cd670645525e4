//! Grendebok's core: the domain, its rules and its storage.
//!
//! Everything a user can do is a function here that takes plain inputs and
//! returns plain outputs or a typed [`CoreError`]. The desktop shell, the CLI
//! and the UI are faces of this crate.
//!
//! Architecture invariant: no Tauri, no GUI, no terminal output in this
//! crate; no SQL outside [`store`]; no rule reads the clock (the time of a
//! change comes in an [`model::Actor`], the day of a check as a parameter).

pub mod annual;
pub mod calendar;
pub mod documents;
pub mod error;
pub mod i18n;
pub mod intake;
pub mod ledger;
pub mod letters;
pub mod mail;
pub mod model;
pub mod package;
pub mod paths;
pub mod pdf;
pub mod progress;
pub mod records;
pub mod review;
pub mod rules;
pub mod saved;
pub mod statements;
pub mod store;
pub mod views;

#[cfg(test)]
mod architecture_tests;
#[cfg(test)]
mod bindings;
#[cfg(test)]
mod fixtures;

pub use error::{CoreError, FieldIssue, Result};
pub use store::Store;
