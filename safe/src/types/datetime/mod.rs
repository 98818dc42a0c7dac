//! The `datetime` module's types, one per file, and the accessor traits they share
//! ([`PyDateAccess`], [`PyTimeAccess`], [`PyDeltaAccess`], [`PyTzInfoAccess`]).

mod date;
#[allow(clippy::module_inception)]
mod datetime;
mod delta;
mod time;
mod tzinfo;

pub use date::PyDate;
pub use datetime::PyDateTime;
pub use delta::PyDelta;
pub use time::PyTime;
pub use tzinfo::PyTzInfo;

use crate::instance::Bound;

/// The date fields of a `date` or `datetime`.
pub trait PyDateAccess {
    /// The year, in `1..=9999`.
    fn get_year(&self) -> i32;
    /// The month, in `1..=12`.
    fn get_month(&self) -> u8;
    /// The day of the month, in `1..=31`.
    fn get_day(&self) -> u8;
}

/// The time-of-day fields of a `datetime` or `time`.
pub trait PyTimeAccess {
    /// The hour, in `0..=23`.
    fn get_hour(&self) -> u8;
    /// The minute, in `0..=59`.
    fn get_minute(&self) -> u8;
    /// The second, in `0..=59`.
    fn get_second(&self) -> u8;
    /// The microsecond, in `0..=999_999`.
    fn get_microsecond(&self) -> u32;
    /// The fold (PEP 495): `true` for the later of two moments with the same wall time.
    fn get_fold(&self) -> bool;
}

/// The fields of a `timedelta`, which keeps `0 <= seconds < 86400` and
/// `0 <= microseconds < 1_000_000` (only `days` may be negative).
pub trait PyDeltaAccess {
    /// The days, in `-999_999_999..=999_999_999`.
    fn get_days(&self) -> i32;
    /// The seconds, in `0..86_400`.
    fn get_seconds(&self) -> i32;
    /// The microseconds, in `0..1_000_000`.
    fn get_microseconds(&self) -> i32;
}

/// The time zone of a `datetime` or `time`.
pub trait PyTzInfoAccess<'py> {
    /// The `tzinfo`, `None` for naive objects.
    fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>>;
}
