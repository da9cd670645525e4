//! End-to-end tests: the real app binary in WebKit, driven over WebDriver.
//! Run under Xvfb and D-Bus, as `scripts/test.sh` does.

mod accessibility;
mod account;
mod charts;
mod duties;
mod foundation;
mod grants;
mod guide;
mod hostile;
mod intake;
mod layout;
mod long_lists;
mod meetings;
mod messages;
mod profile;
mod profile_duties;
mod profile_seats;
mod progress;
mod recovery;
mod review;
mod search_and_packages;
mod secretary;
mod statements;
