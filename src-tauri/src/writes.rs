// Writes declared as commands, each in one line (see `write_commands!`).

/// Declares writes as commands: `fn name(args) => |s, a| write;` takes the
/// arguments from the UI, runs the write on the store `s` as the actor `a`
/// through `$writer` (which reads back the page the write touched), and
/// answers with that page.
macro_rules! write_commands {
    ($writer:ident -> $answer:ty {
        $($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) => |$s:ident, $a:ident| $write:expr;)*
    }) => {
        $(
            $(#[$doc])*
            #[tauri::command]
            pub async fn $name(state: State<'_, AppState>, $($arg: $ty),*) -> Answer<$answer> {
                $writer(&state, move |$s, $a| $write).await
            }
        )*
    };
}
