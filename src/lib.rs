//! residesk: the Telegram front desk of a residential property-management office.
//!
//! The folders show the architecture: `config` (settings), `store` (all SQL),
//! `domain` (pure types and rules), `understand` (text → structured request, pure),
//! `texts` (prompts catalogue), `bot` (teloxide handlers), `outbox` and
//! `scheduler` (durable sending and timed jobs), `emulator` (a local Telegram
//! Bot API server) and `sandbox` (a terminal chat with the real bot).

pub mod admin;
pub mod app;
pub mod bot;
pub mod chart;
pub mod cli;
pub mod config;
pub mod dates;
pub mod desk;
pub mod domain;
pub mod emulator;
pub mod error;
pub mod inbox;
pub mod jobs;
pub mod outbox;
pub mod report;
pub mod runtime;
pub mod sandbox;
pub mod scheduler;
pub mod sheet;
pub mod store;
pub mod texts;
pub mod understand;
