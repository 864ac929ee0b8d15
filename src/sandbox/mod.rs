//! `residesk sandbox`: the real bot against the local Bot API emulator, and a
//! chat in the terminal.

pub mod chat;
