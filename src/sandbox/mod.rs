//! `residesk sandbox`: the real bot against the local Bot API emulator, on a
//! temporary database with demo data, and a chat in the terminal.

pub mod chat;
pub mod setup;

pub use setup::run;
