//! Safe wrappers for the `datetime` module: its type objects and `timezone.utc`, imported once
//! and cached, and the constructors of its types (through the `PyDateTime_CAPI` capsule where
//! the full C API is available, through Python calls under the limited API and on PyPy).

use crate::err::PyResult;
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::ffi;
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyModule, PyTuple, PyType, PyTzInfo};

/// The `datetime` module's types and `timezone.utc`, imported once per process.
pub(crate) struct DateTimeApi {
    pub(crate) date: Py<PyType>,
    pub(crate) datetime: Py<PyType>,
    pub(crate) time: Py<PyType>,
    pub(crate) delta: Py<PyType>,
    pub(crate) tzinfo: Py<PyType>,
    pub(crate) timezone: Py<PyType>,
    /// `timezone.utc`, checked to be a `tzinfo` at import.
    utc: Py<PyAny>,
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    capi: CapiPtr,
}

/// The capsule's `PyDateTime_CAPI` table, with the capsule that owns it.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
struct CapiPtr {
    table: std::ptr::NonNull<ffi::PyDateTime_CAPI>,
    _capsule: Py<PyAny>,
}

// SAFETY: the table is immutable after the module's initialisation and kept alive by the
// capsule held next to it; its functions are only called while attached.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
unsafe impl Send for CapiPtr {}
// SAFETY: as for `Send`: shared read-only data.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
unsafe impl Sync for CapiPtr {}

static API: PyOnceLock<DateTimeApi> = PyOnceLock::new();

/// The cached `datetime` API, imported on first use.
pub(crate) fn datetime_api(py: Python<'_>) -> PyResult<&'static DateTimeApi> {
    API.get_or_try_init(py, || {
        let module = PyModule::import(py, "datetime")?;
        let ty = |name: &str| -> PyResult<Py<PyType>> {
            Ok(module.getattr(name)?.cast_into::<PyType>()?.unbind())
        };
        // No `cast` to the datetime types here: their type checks read this cache.
        let timezone = ty("timezone")?;
        let tzinfo = ty("tzinfo")?;
        let utc = timezone.bind(py).getattr("utc")?;
        if !utc.is_instance(tzinfo.bind(py).as_any())? {
            return Err(crate::exceptions::PyTypeError::new_err("timezone.utc is not a tzinfo"));
        }
        Ok(DateTimeApi {
            date: ty("date")?,
            datetime: ty("datetime")?,
            time: ty("time")?,
            delta: ty("timedelta")?,
            tzinfo,
            timezone,
            utc: utc.unbind(),
            #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
            capi: import_capi(&module)?,
        })
    })
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn import_capi(module: &Bound<'_, PyModule>) -> PyResult<CapiPtr> {
    let capsule = module.getattr("datetime_CAPI")?;
    // SAFETY: attached; `capsule` is live; NULL with an exception set if it is not a capsule
    // of that name.
    let table = unsafe {
        ffi::PyCapsule_GetPointer(capsule.as_ptr(), ffi::PyDateTime_CAPSULE_NAME.as_ptr())
    };
    match std::ptr::NonNull::new(table.cast::<ffi::PyDateTime_CAPI>()) {
        Some(table) => Ok(CapiPtr { table, _capsule: capsule.unbind() }),
        None => Err(crate::PyErr::fetch(module.py())),
    }
}

/// `timezone.utc`, which the cache keeps alive for the rest of the process.
pub(crate) fn datetime_utc(py: Python<'_>) -> PyResult<Borrowed<'static, '_, PyTzInfo>> {
    let utc = datetime_api(py)?.utc.bind_borrowed(py);
    // SAFETY: checked to be an instance of `datetime.tzinfo` when the cache was filled.
    Ok(unsafe { utc.cast_unchecked() })
}

/// The type object of one of the module's types, for `PyTypeInfo::type_object_raw`; panics if
/// the module cannot be imported (as PyO3 does).
pub(crate) fn datetime_type_raw(
    py: Python<'_>,
    pick: fn(&DateTimeApi) -> &Py<PyType>,
) -> *mut crate::ffi::PyTypeObject {
    let api = datetime_api(py).unwrap_or_else(|e| {
        e.print(py);
        panic!("failed to import the datetime module")
    });
    pick(api).as_ptr().cast()
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
impl DateTimeApi {
    fn table(&self) -> &ffi::PyDateTime_CAPI {
        // SAFETY: the table is valid and immutable while the capsule held in `self` lives.
        unsafe { self.capi.table.as_ref() }
    }
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn tz_ptr(py: Python<'_>, tzinfo: Option<&Bound<'_, PyTzInfo>>) -> *mut ffi::PyObject {
    tzinfo.map_or_else(|| super::none(py).as_ptr(), |tz| tz.as_ptr())
}

/// `date(year, month, day)`.
pub(crate) fn date_new(
    py: Python<'_>,
    year: i32,
    month: u8,
    day: u8,
) -> PyResult<Bound<'_, PyAny>> {
    let api = datetime_api(py)?;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        let t = api.table();
        let f = t.Date_FromDate.expect("datetime C API without Date_FromDate");
        // SAFETY: attached; the table's constructor with its own type; new reference or NULL
        // with an exception set (`ValueError` for out-of-range fields).
        unsafe { f(year, month.into(), day.into(), t.DateType).assume_owned_or_err(py) }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        api.date.bind(py).call1((year, month, day))
    }
}

/// `datetime(year, month, day, hour, minute, second, microsecond, tzinfo, fold=fold)`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn datetime_new<'py>(
    py: Python<'py>,
    (year, month, day): (i32, u8, u8),
    (hour, minute, second, microsecond): (u8, u8, u8, u32),
    tzinfo: Option<&Bound<'py, PyTzInfo>>,
    fold: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let api = datetime_api(py)?;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        let t = api.table();
        let f = t.DateTime_FromDateAndTimeAndFold.expect("datetime C API without a constructor");
        let us = i32::try_from(microsecond).unwrap_or(i32::MAX);
        // SAFETY: attached; the table's constructor with its own type and a live tzinfo (or
        // None); new reference or NULL with an exception set.
        unsafe {
            f(
                year,
                month.into(),
                day.into(),
                hour.into(),
                minute.into(),
                second.into(),
                us,
                tz_ptr(py, tzinfo),
                fold.into(),
                t.DateTimeType,
            )
            .assume_owned_or_err(py)
        }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let args = (year, month, day, hour, minute, second, microsecond, tzinfo);
        let kwargs = crate::types::PyDict::new(py);
        crate::types::PyDictMethods::set_item(&kwargs, "fold", u8::from(fold))?;
        api.datetime.bind(py).call(args, Some(&kwargs))
    }
}

/// `time(hour, minute, second, microsecond, tzinfo, fold=fold)`.
pub(crate) fn time_new<'py>(
    py: Python<'py>,
    (hour, minute, second, microsecond): (u8, u8, u8, u32),
    tzinfo: Option<&Bound<'py, PyTzInfo>>,
    fold: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let api = datetime_api(py)?;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        let t = api.table();
        let f = t.Time_FromTimeAndFold.expect("datetime C API without a constructor");
        let us = i32::try_from(microsecond).unwrap_or(i32::MAX);
        // SAFETY: attached; the table's constructor with its own type and a live tzinfo (or
        // None); new reference or NULL with an exception set.
        unsafe {
            f(
                hour.into(),
                minute.into(),
                second.into(),
                us,
                tz_ptr(py, tzinfo),
                fold.into(),
                t.TimeType,
            )
            .assume_owned_or_err(py)
        }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let kwargs = crate::types::PyDict::new(py);
        crate::types::PyDictMethods::set_item(&kwargs, "fold", u8::from(fold))?;
        api.time.bind(py).call((hour, minute, second, microsecond, tzinfo), Some(&kwargs))
    }
}

/// `timedelta(days, seconds, microseconds)`; without `normalize` (C API only) the fields are
/// stored as given and must already be in their normalized ranges.
pub(crate) fn delta_new(
    py: Python<'_>,
    days: i32,
    seconds: i32,
    microseconds: i32,
    normalize: bool,
) -> PyResult<Bound<'_, PyAny>> {
    let api = datetime_api(py)?;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        let t = api.table();
        let f = t.Delta_FromDelta.expect("datetime C API without Delta_FromDelta");
        // SAFETY: attached; the table's constructor with its own type; new reference or NULL
        // with an exception set (`OverflowError` beyond the day range).
        unsafe {
            f(days, seconds, microseconds, normalize.into(), t.DeltaType).assume_owned_or_err(py)
        }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let _ = normalize;
        api.delta.bind(py).call1((days, seconds, microseconds))
    }
}

/// `cls.fromtimestamp(*args)` for one of the module's types.
pub(crate) fn from_timestamp<'py>(
    py: Python<'py>,
    pick: fn(&DateTimeApi) -> &Py<PyType>,
    args: Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyAny>> {
    let api = datetime_api(py)?;
    pick(api).bind(py).call_method1("fromtimestamp", args)
}
