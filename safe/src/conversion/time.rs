//! `Duration` to and from `datetime.timedelta`, and `SystemTime` to and from timezone-aware
//! (UTC) `datetime.datetime`, through [`PyDelta`] and [`PyDateTime`] (the epoch is created once).

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::exceptions::{PyOverflowError, PyValueError};
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyDateTime, PyDelta, PyDeltaAccess, PyTzInfo};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SECONDS_PER_DAY: u64 = 24 * 60 * 60;

/// `datetime(1970, 1, 1, tzinfo=timezone.utc)`, created once.
fn unix_epoch(py: Python<'_>) -> PyResult<&Bound<'_, PyDateTime>> {
    static EPOCH: PyOnceLock<Py<PyDateTime>> = PyOnceLock::new();
    EPOCH
        .get_or_try_init(py, || {
            let utc = PyTzInfo::utc(py)?.to_owned();
            Ok::<_, PyErr>(PyDateTime::new(py, 1970, 1, 1, 0, 0, 0, 0, Some(&utc))?.unbind())
        })
        .map(|epoch| epoch.bind(py))
}

/// Microseconds are kept, the nanoseconds below them dropped; an `OverflowError` beyond
/// `timedelta.max` (999999999 days).
impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        let days = self.as_secs() / SECONDS_PER_DAY;
        let days = i32::try_from(days).map_err(|_| {
            PyOverflowError::new_err(format!("days={days}; must have magnitude <= 999999999"))
        })?;
        let seconds = (self.as_secs() % SECONDS_PER_DAY) as i32;
        let microseconds = self.subsec_micros() as i32;
        PyDelta::new(py, days, seconds, microseconds, false)
    }
}

impl<'py> IntoPyObject<'py> for &Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
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
        let delta = obj.cast::<PyDelta>()?;
        let (days, seconds) = (delta.get_days(), delta.get_seconds());
        let microseconds = delta.get_microseconds();
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
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        let since_epoch = self.duration_since(UNIX_EPOCH)?.into_pyobject(py)?;
        let time = unix_epoch(py)?.call_method1("__add__", (since_epoch,))?;
        Ok(time.cast_into::<PyDateTime>()?)
    }
}

impl<'py> IntoPyObject<'py> for &SystemTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
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
        let time = obj.cast::<PyDateTime>()?;
        let since_epoch = time.call_method1("__sub__", (unix_epoch(obj.py())?,))?;
        let since_epoch: Duration = since_epoch.extract()?;
        UNIX_EPOCH.checked_add(since_epoch).ok_or_else(|| {
            PyOverflowError::new_err("Overflow error when converting the time to Rust")
        })
    }
}
