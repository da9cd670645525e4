// The app's commands, once: each Tauri command's path, from which come the
// handler list (`generate_handler!` in lib.rs), the names `build.rs` declares
// to Tauri's access control (`COMMANDS`), and the main window's capability
// (capabilities/main.json, written by `build.rs`). The tests check that
// ui/src/api.ts invokes exactly these commands, each by its camelCase name.
// Adding a command: its function, one line here, its call in api.ts.

/// Calls `$then!` with every command's path, comma-separated.
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            saved::open_saved,
            meetings::set_meeting_roles,
            meetings::set_item_chair,
            meetings::set_decision_chair,
            meetings::add_alternative,
            meetings::update_alternative,
            meetings::remove_alternative,
            get_settings,
            save_user_name,
            save_language,
            list_councils,
            get_council,
            create_council,
            update_council,
            find_people,
            add_membership,
            update_membership,
            end_membership,
            load_demo,
            meetings::list_meetings,
            meetings::get_meeting,
            meetings::create_meeting,
            meetings::update_meeting,
            meetings::send_notice,
            meetings::mark_held,
            meetings::undo_status,
            meetings::approve_minutes,
            meetings::list_approval_items,
            meetings::add_amendment,
            meetings::add_item,
            meetings::update_item,
            meetings::record_item,
            meetings::withdraw_item,
            meetings::carry_over_item,
            meetings::move_item,
            meetings::set_item_inhabil,
            meetings::remove_item_inhabil,
            meetings::add_decision,
            meetings::record_decision,
            meetings::remove_decision,
            meetings::set_decision_inhabil,
            meetings::remove_decision_inhabil,
            meetings::add_follow_up,
            meetings::remove_follow_up,
            meetings::set_attendance,
            meetings::set_attendance_span,
            export_notice,
            export_minutes,
            statements::export_statement,
            export_public_notice,
            export_public_minutes,
            exemption_bases,
            get_startup,
            await_sound_file,
            backup_now,
            restore_backup,
            duties::get_overview,
            duties::get_year_wheel,
            duties::get_council_sections,
            duties::list_duties,
            duties::edit_duty,
            duties::export_annual_report,
            duties::export_calendar,
            duties::export_for_kommune,
            duties::export_package,
            duties::import_package,
            import_members,
            export_notice_mail,
            export_person_data,
            erase_person,
            jobs::cancel_job,
            duties::search,
            grants::list_schemes,
            grants::get_scheme,
            grants::preview_applications,
            grants::import_applications,
            grants::create_scheme,
            grants::update_scheme,
            grants::get_application,
            grants::add_application,
            grants::check_application,
            grants::update_application,
            grants::withdraw_application,
            grants::start_review,
            grants::propose_amount,
            grants::declare_inhabil,
            grants::clear_inhabil,
            grants::overrule_inhabil,
            grants::save_scores,
            grants::decide_application,
            grants::mark_letter_sent,
            grants::amend_grant,
            grants::add_payout,
            grants::record_report,
            grants::export_letter,
            grants::export_letter_mail,
            grants::export_review_sheet,
            grants::import_review_sheet,
            grants::export_ledger,
            stats::attendance_by_member,
            profile::get_profile,
            profile::profile_labels,
            profile::save_profile,
            profile::export_profile,
            profile::preview_profile_import,
            profile::import_profile,
            account::council_account,
            account::add_account_entry,
            account::update_account_entry,
            account::delete_account_entry,
        }
    };
}

/// The last segment of a command's path: its name.
macro_rules! command_name {
    ($name:ident) => {
        stringify!($name)
    };
    ($module:ident :: $($rest:tt)+) => {
        command_name!($($rest)+)
    };
}

macro_rules! command_names {
    ($($($segment:ident)::+),* $(,)?) => {
        &[$(command_name!($($segment)::+)),*]
    };
}

/// The names of the app's own commands.
#[allow(dead_code)]
pub const COMMANDS: &[&str] = with_commands!(command_names);

/// The main window's capability: exactly the app's own commands, no plugin.
#[allow(dead_code)]
pub fn capability() -> String {
    let permissions: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("    \"allow-{}\"", c.replace('_', "-")))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main-window\",\n  \
         \"description\": \"Written by build.rs from src/commands.rs: do not edit. The main window may call Grendebok's own commands and nothing else: no core plugins, no file system, shell, HTTP or opener.\",\n  \
         \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

/// Tauri's handler of every command in the table.
#[allow(unused_macros)]
macro_rules! handler {
    ($($($segment:ident)::+),* $(,)?) => {
        tauri::generate_handler![$($($segment)::+),*]
    };
}
