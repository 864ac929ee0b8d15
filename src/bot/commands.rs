//! Commands, and the menu each role sees (set per chat with `setMyCommands`).

use teloxide::utils::command::BotCommands;

use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::outbox::OutMessage;
use crate::texts::t;

/// Every command the bot understands. What a role may use is checked in the handlers.
#[derive(Debug, Clone, PartialEq, BotCommands)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    Start(String),
    Help,
    Lang(String),
    Cancel,
    Duty(String),
    My,
    Book,
    Visits,
    Urgent,
    Tasks,
    Log(String),
    Open(String),
    Reassign(String),
    Merge(String),
    Survey,
    Notice,
    Report(String),
    Export(String),
    Ticket(String),
    Hotspots,
}

/// `(command, prompt key of its description)` for a role; `None` is a guest.
fn menu_of(role: Option<Role>) -> &'static [(&'static str, &'static str)] {
    match role {
        None => &[
            ("start", "cmd-start"),
            ("help", "cmd-help"),
            ("lang", "cmd-lang"),
        ],
        Some(Role::Resident) => &[
            ("my", "cmd-my"),
            ("book", "cmd-book"),
            ("urgent", "cmd-urgent"),
            ("help", "cmd-help"),
            ("lang", "cmd-lang"),
            ("cancel", "cmd-cancel"),
        ],
        Some(Role::Staff) => &[
            ("tasks", "cmd-tasks"),
            ("visits", "cmd-visits"),
            ("duty", "cmd-duty"),
            ("log", "cmd-log"),
            ("help", "cmd-help"),
            ("lang", "cmd-lang"),
            ("cancel", "cmd-cancel"),
        ],
        Some(Role::Supervisor) => &[
            ("open", "cmd-open"),
            ("visits", "cmd-visits"),
            ("duty", "cmd-roster"),
            ("reassign", "cmd-reassign"),
            ("merge", "cmd-merge"),
            ("ticket", "cmd-ticket"),
            ("report", "cmd-report"),
            ("export", "cmd-export"),
            ("hotspots", "cmd-hotspots"),
            ("survey", "cmd-survey"),
            ("notice", "cmd-notice"),
            ("log", "cmd-log"),
            ("help", "cmd-help"),
            ("lang", "cmd-lang"),
            ("cancel", "cmd-cancel"),
        ],
        Some(Role::Manager) => &[
            ("report", "cmd-report"),
            ("export", "cmd-export"),
            ("ticket", "cmd-ticket"),
            ("hotspots", "cmd-hotspots"),
            ("help", "cmd-help"),
            ("lang", "cmd-lang"),
        ],
    }
}

/// The command menu of a role in a language, as an outbox message.
pub fn menu(role: Option<Role>, lang: Lang) -> OutMessage {
    OutMessage::Commands {
        commands: menu_of(role)
            .iter()
            .map(|(command, key)| ((*command).to_owned(), t(lang, key)))
            .collect(),
    }
}
