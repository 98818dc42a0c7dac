//! `Duration` to and from `datetime.timedelta`, and `SystemTime` to and from timezone-aware
//! (UTC) `datetime.datetime`, through the `datetime` module's Python API.

use super::{FromPyObject, IntoPyObject};
use crate::err::{CastError, PyErr, PyResult};
use crate::exceptions::{PyOverflowError, PyValueError};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SECONDS_PER_DAY: u64 = 24 * 60 * 60;

fn datetime_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("datetime")?.getattr(name)
}

/// `datetime(1970, 1, 1, tzinfo=timezone.utc)`.
fn unix_epoch(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let utc = datetime_attr(py, "timezone")?.getattr("utc")?;
    datetime_attr(py, "datetime")?.call1((1970, 1, 1, 0, 0, 0, 0, utc))
}

/// Checks that `obj` is an instance of `datetime.<name>`, naming both types otherwise.
fn check_instance(obj: Borrowed<'_, '_, PyAny>, name: &'static str) -> PyResult<()> {
    let ty = datetime_attr(obj.py(), name)?;
    if obj.is_instance(&ty)? {
        Ok(())
    } else {
        Err(CastError::new(obj, name).into())
    }
}

/// Microseconds are kept, the nanoseconds below them dropped; an `OverflowError` beyond
/// `timedelta.max` (999999999 days).
impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        let days = i32::try_from(self.as_secs() / SECONDS_PER_DAY)?;
        let seconds = (self.as_secs() % SECONDS_PER_DAY) as i32;
        let microseconds = self.subsec_micros() as i32;
        datetime_attr(py, "timedelta")?.call1((days, seconds, microseconds))
    }
}

impl<'py> IntoPyObject<'py> for &Duration {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        (*self).into_pyobject(py)
    }
}

/// A `ValueError` for negative timedeltas.
impl<'a, 'py> FromPyObject<'a, 'py> for Duration {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Duration> {
        check_instance(obj, "timedelta")?;
        let days: i32 = obj.getattr("days")?.extract()?;
        let seconds: i32 = obj.getattr("seconds")?.extract()?;
        let microseconds: i32 = obj.getattr("microseconds")?.extract()?;
        let days = u64::try_from(days).map_err(|_| {
            PyValueError::new_err(
                "It is not possible to convert a negative timedelta to a Rust Duration",
            )
        })?;
        // `timedelta` normalizes: 0 <= seconds < 86400 and 0 <= microseconds < 10**6.
        Ok(Duration::new(days * SECONDS_PER_DAY + seconds as u64, microseconds as u32 * 1000))
    }
}

/// The epoch plus the time since it, in UTC; a `ValueError` for times before the epoch, an
/// `OverflowError` past `datetime.max`.
impl<'py> IntoPyObject<'py> for SystemTime {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        let since_epoch = self.duration_since(UNIX_EPOCH)?.into_pyobject(py)?;
        unix_epoch(py)?.call_method1("__add__", (since_epoch,))
    }
}

impl<'py> IntoPyObject<'py> for &SystemTime {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        (*self).into_pyobject(py)
    }
}

/// From an aware `datetime` (naive ones raise `TypeError`, as subtracting them from an aware
/// one does); a `ValueError` before the epoch.
impl<'a, 'py> FromPyObject<'a, 'py> for SystemTime {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<SystemTime> {
        check_instance(obj, "datetime")?;
        let since_epoch = obj.call_method1("__sub__", (unix_epoch(obj.py())?,))?;
        let since_epoch: Duration = since_epoch.extract()?;
        UNIX_EPOCH.checked_add(since_epoch).ok_or_else(|| {
            PyOverflowError::new_err("Overflow error when converting the time to Rust")
        })
    }
}
