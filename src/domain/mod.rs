//! Pure types and rules of the desk: no I/O here.

pub mod request;
pub mod unit;
