//! [`PyTime`], Python's `datetime.time`.

use super::{PyTimeAccess, PyTzInfo, PyTzInfoAccess};
use crate::err::PyResult;
use crate::ffi::api::{self, TimeField};
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `datetime.time`.
    PyTime,
    "time",
    Some("datetime"),
    type_object = |py| api::datetime_type_raw(py, |a| &a.time)
);

impl PyTime {
    /// `time(hour, minute, second, microsecond, tzinfo)`; a `ValueError` for fields out of
    /// range.
    pub fn new<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyTime>> {
        Self::new_with_fold(py, hour, minute, second, microsecond, tzinfo, false)
    }

    /// As [`PyTime::new`], with `fold` (PEP 495).
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyTime>> {
        api::time_new(py, (hour, minute, second, microsecond), tzinfo, fold).map(api::cast_bound)
    }
}

impl PyTimeAccess for Bound<'_, PyTime> {
    fn get_hour(&self) -> u8 {
        api::time_field(self, TimeField::Hour) as u8
    }
    fn get_minute(&self) -> u8 {
        api::time_field(self, TimeField::Minute) as u8
    }
    fn get_second(&self) -> u8 {
        api::time_field(self, TimeField::Second) as u8
    }
    fn get_microsecond(&self) -> u32 {
        api::time_field(self, TimeField::Microsecond)
    }
    fn get_fold(&self) -> bool {
        api::time_field(self, TimeField::Fold) != 0
    }
}

impl<'py> PyTzInfoAccess<'py> for Bound<'py, PyTime> {
    fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>> {
        api::time_tzinfo(self)
    }
}
