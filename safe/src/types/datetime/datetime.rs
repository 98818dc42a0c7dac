//! [`PyDateTime`], Python's `datetime.datetime`.

use super::{PyDateAccess, PyTimeAccess, PyTzInfo, PyTzInfoAccess};
use crate::err::PyResult;
use crate::ffi::api::{self, DateField, TimeField};
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;

native_type!(
    /// Python's `datetime.datetime`.
    PyDateTime,
    "datetime",
    Some("datetime"),
    type_object = |py| api::datetime_type_raw(py, |a| &a.datetime)
);

impl PyDateTime {
    /// `datetime(year, month, day, hour, minute, second, microsecond, tzinfo)`; a `ValueError`
    /// for fields out of range.
    #[allow(clippy::too_many_arguments)]
    pub fn new<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        Self::new_with_fold(py, year, month, day, hour, minute, second, microsecond, tzinfo, false)
    }

    /// As [`PyDateTime::new`], with `fold` (PEP 495): `true` for the later of two moments with
    /// the same wall time, as at the end of daylight saving time.
    #[allow(clippy::too_many_arguments)]
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let date = (year, month, day);
        let time = (hour, minute, second, microsecond);
        api::datetime_new(py, date, time, tzinfo, fold).map(api::cast_bound)
    }

    /// `datetime.fromtimestamp(timestamp, tzinfo)`: local time when `tzinfo` is `None`.
    pub fn from_timestamp<'py>(
        py: Python<'py>,
        timestamp: f64,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let tz: Bound<'py, PyAny> = match tzinfo {
            Some(tz) => tz.as_any().clone(),
            None => py.None().into_bound(py),
        };
        let timestamp = crate::types::PyFloat::new(py, timestamp).into_any();
        let args = crate::types::PyTuple::new(py, [timestamp, tz])?;
        api::from_timestamp(py, |a| &a.datetime, args).map(api::cast_bound)
    }
}

impl PyDateAccess for Bound<'_, PyDateTime> {
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

impl PyTimeAccess for Bound<'_, PyDateTime> {
    fn get_hour(&self) -> u8 {
        api::datetime_time_field(self, TimeField::Hour) as u8
    }
    fn get_minute(&self) -> u8 {
        api::datetime_time_field(self, TimeField::Minute) as u8
    }
    fn get_second(&self) -> u8 {
        api::datetime_time_field(self, TimeField::Second) as u8
    }
    fn get_microsecond(&self) -> u32 {
        api::datetime_time_field(self, TimeField::Microsecond)
    }
    fn get_fold(&self) -> bool {
        api::datetime_time_field(self, TimeField::Fold) != 0
    }
}

impl<'py> PyTzInfoAccess<'py> for Bound<'py, PyDateTime> {
    fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>> {
        api::datetime_tzinfo(self)
    }
}
