//! Understanding a resident's message: text → kind, category, urgency, unit, time.
//! Pure: no I/O. (Filled in by issue 3.)

pub mod cli;
