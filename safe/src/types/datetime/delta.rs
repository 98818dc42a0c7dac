//! [`PyDelta`], Python's `datetime.timedelta`.

use super::PyDeltaAccess;
use crate::err::PyResult;
use crate::ffi::api::{self, DeltaField};
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `datetime.timedelta`.
    PyDelta,
    "timedelta",
    Some("datetime"),
    type_object = |py| api::datetime_type_raw(py, |a| &a.delta)
);

impl PyDelta {
    /// `timedelta(days, seconds, microseconds)`; an `OverflowError` beyond 999999999 days.
    /// With `normalize`, seconds and microseconds out of their ranges carry into the larger
    /// units; without it (a C-API shortcut) they must already be normalized.
    pub fn new(
        py: Python<'_>,
        days: i32,
        seconds: i32,
        microseconds: i32,
        normalize: bool,
    ) -> PyResult<Bound<'_, PyDelta>> {
        api::delta_new(py, days, seconds, microseconds, normalize).map(api::cast_bound)
    }
}

impl PyDeltaAccess for Bound<'_, PyDelta> {
    fn get_days(&self) -> i32 {
        api::delta_field(self, DeltaField::Days)
    }
    fn get_seconds(&self) -> i32 {
        api::delta_field(self, DeltaField::Seconds)
    }
    fn get_microseconds(&self) -> i32 {
        api::delta_field(self, DeltaField::Microseconds)
    }
}
