//! Pure types and rules of the desk: no I/O here.

pub mod booking;
pub mod button;
pub mod calendar;
pub mod callback;
pub mod campaign;
pub mod duty;
pub mod lang;
pub mod phone;
pub mod report;
pub mod request;
pub mod role;
pub mod survey;
pub mod survey_file;
pub mod survey_results;
pub mod ticket;
pub mod unit;
