//! [`PyTzInfo`], Python's abstract `datetime.tzinfo`, with constructors of its concrete
//! subclasses (`timezone.utc`, `timezone(offset)`, `zoneinfo.ZoneInfo(name)`).

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Borrowed, Bound, BoundObject, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyDelta, PyString, PyType};

native_type!(
    /// Python's `datetime.tzinfo`, the abstract base of time zones.
    PyTzInfo,
    "tzinfo",
    Some("datetime"),
    type_object = |py| api::datetime_type_raw(py, |a| &a.tzinfo)
);

impl PyTzInfo {
    /// `datetime.timezone.utc`.
    pub fn utc(py: Python<'_>) -> PyResult<Borrowed<'static, '_, PyTzInfo>> {
        api::datetime_utc(py)
    }

    /// `zoneinfo.ZoneInfo(iana_name)`, e.g. `"Europe/Paris"`.
    pub fn timezone<'py, T>(py: Python<'py>, iana_name: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: IntoPyObject<'py, Target = PyString>,
    {
        static ZONE_INFO: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let name = iana_name.into_pyobject(py).map_err(Into::into)?.into_bound();
        let zone = ZONE_INFO.import(py, "zoneinfo", "ZoneInfo")?.call1((name,))?;
        Ok(zone.cast_into::<PyTzInfo>()?)
    }

    /// `datetime.timezone(offset)`: a fixed offset from UTC, strictly between -24 and 24 hours.
    pub fn fixed_offset<'py, T>(py: Python<'py>, offset: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: IntoPyObject<'py, Target = PyDelta>,
    {
        let offset = offset.into_pyobject(py).map_err(Into::into)?.into_bound();
        let tz = api::datetime_api(py)?.timezone.bind(py).call1((offset,))?;
        Ok(tz.cast_into::<PyTzInfo>()?)
    }
}
