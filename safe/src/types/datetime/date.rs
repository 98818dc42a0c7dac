//! [`PyDate`], Python's `datetime.date`.

use super::PyDateAccess;
use crate::err::PyResult;
use crate::ffi::api::{self, DateField};
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `datetime.date`.
    PyDate,
    "date",
    Some("datetime"),
    type_object = |py| api::datetime_type_raw(py, |a| &a.date)
);

impl PyDate {
    /// `date(year, month, day)`; a `ValueError` for fields out of range.
    pub fn new(py: Python<'_>, year: i32, month: u8, day: u8) -> PyResult<Bound<'_, PyDate>> {
        api::date_new(py, year, month, day).map(api::cast_bound)
    }

    /// `date.fromtimestamp(timestamp)`: the local date at a POSIX timestamp.
    pub fn from_timestamp(py: Python<'_>, timestamp: f64) -> PyResult<Bound<'_, PyDate>> {
        let args = crate::types::PyTuple::new(py, [timestamp])?;
        api::from_timestamp(py, |a| &a.date, args).map(api::cast_bound)
    }
}

impl PyDateAccess for Bound<'_, PyDate> {
    fn get_year(&self) -> i32 {
        api::date_field(self, DateField::Year)
    }
    fn get_month(&self) -> u8 {
        api::date_field(self, DateField::Month) as u8
    }
    fn get_day(&self) -> u8 {
        api::date_field(self, DateField::Day) as u8
    }
}
