//! Domain rules as plain functions: no storage, no clock, no I/O.

pub mod access;
pub mod account;
pub mod composition;
pub mod duties;
pub mod grants;
pub mod meetings;
pub mod money;
pub mod names;
pub mod overview;
pub mod privacy;
pub mod profile;
pub mod statements;
pub mod validate;
