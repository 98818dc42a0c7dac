//! Safe readers of the fields of `date`, `datetime`, `time` and `timedelta` objects: the
//! `PyDateTime_GET_*` macros (reads of the objects' data bytes) where the full C API is
//! available, attribute lookups under the limited API and on PyPy.

use crate::instance::Bound;
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
use crate::types::PyAnyMethods;
use crate::types::{PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};

/// The types whose instances start with the `date` layout (`date`, `datetime`).
pub(crate) trait DateLayout: crate::type_object::PyTypeInfo {}
impl DateLayout for PyDate {}
impl DateLayout for PyDateTime {}

/// A field of a `date`.
#[derive(Clone, Copy)]
pub(crate) enum DateField {
    Year,
    Month,
    Day,
}

/// A time-of-day field of a `datetime` or `time`.
#[derive(Clone, Copy)]
pub(crate) enum TimeField {
    Hour,
    Minute,
    Second,
    Microsecond,
    Fold,
}

/// A field of a `timedelta`.
#[derive(Clone, Copy)]
pub(crate) enum DeltaField {
    Days,
    Seconds,
    Microseconds,
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
fn attr<T>(obj: &Bound<'_, T>, name: &str) -> i64 {
    obj.as_any()
        .getattr(name)
        .and_then(|v| v.extract::<i64>())
        .unwrap_or_else(|e| panic!("failed to read the {name} of a datetime object: {e}"))
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
fn time_attr<T>(obj: &Bound<'_, T>, field: TimeField) -> u32 {
    let name = match field {
        TimeField::Hour => "hour",
        TimeField::Minute => "minute",
        TimeField::Second => "second",
        TimeField::Microsecond => "microsecond",
        TimeField::Fold => "fold",
    };
    attr(obj, name) as u32
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
fn tzinfo_attr<'py, T>(obj: &Bound<'py, T>) -> Option<Bound<'py, PyTzInfo>> {
    let tz = obj.as_any().getattr("tzinfo").ok()?;
    if tz.is_none() {
        None
    } else {
        Some(super::cast_bound::<PyTzInfo>(tz))
    }
}

/// A field of a `date` or `datetime`.
pub(crate) fn date_field<T: DateLayout>(obj: &Bound<'_, T>, field: DateField) -> i32 {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        // SAFETY: `T: DateLayout`, so the object (a `date`, a `datetime` or a subclass) starts
        // with the `PyDateTime_Date` layout; `data` is immutable after construction.
        let data = unsafe { (*obj.as_ptr().cast::<crate::ffi::PyDateTime_Date>()).data };
        match field {
            DateField::Year => (i32::from(data[0]) << 8) | i32::from(data[1]),
            DateField::Month => data[2].into(),
            DateField::Day => data[3].into(),
        }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        attr(
            obj,
            match field {
                DateField::Year => "year",
                DateField::Month => "month",
                DateField::Day => "day",
            },
        ) as i32
    }
}

/// Reads a time field from the 6 data bytes `hour, minute, second, microsecond (3, big-endian)`.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn time_bytes(bytes: &[u8], fold: u8, field: TimeField) -> u32 {
    match field {
        TimeField::Hour => bytes[0].into(),
        TimeField::Minute => bytes[1].into(),
        TimeField::Second => bytes[2].into(),
        TimeField::Microsecond => {
            (u32::from(bytes[3]) << 16) | (u32::from(bytes[4]) << 8) | u32::from(bytes[5])
        }
        TimeField::Fold => fold.into(),
    }
}

/// A time-of-day field of a `datetime`.
pub(crate) fn datetime_time_field(obj: &Bound<'_, PyDateTime>, field: TimeField) -> u32 {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        // SAFETY: the object is a `datetime` (or subclass), laid out as `PyDateTime_DateTime`;
        // its fields are immutable after construction.
        let dt = unsafe { &*obj.as_ptr().cast::<crate::ffi::PyDateTime_DateTime>() };
        time_bytes(&dt.data[4..], dt.fold, field)
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        time_attr(obj, field)
    }
}

/// A field of a `time`.
pub(crate) fn time_field(obj: &Bound<'_, PyTime>, field: TimeField) -> u32 {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        // SAFETY: the object is a `time` (or subclass), laid out as `PyDateTime_Time`; its
        // fields are immutable after construction.
        let t = unsafe { &*obj.as_ptr().cast::<crate::ffi::PyDateTime_Time>() };
        time_bytes(&t.data, t.fold, field)
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        time_attr(obj, field)
    }
}

/// The `tzinfo` of a `datetime`, `None` for naive ones.
pub(crate) fn datetime_tzinfo<'py>(obj: &Bound<'py, PyDateTime>) -> Option<Bound<'py, PyTzInfo>> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        // SAFETY: the object is a `datetime` (or subclass), laid out as `PyDateTime_DateTime`;
        // `tzinfo` is only present when `hastzinfo` is set, and is then a reference owned by
        // the object, of which a new reference is taken at once.
        let tz = unsafe {
            let dt = &*obj.as_ptr().cast::<crate::ffi::PyDateTime_DateTime>();
            if dt.hastzinfo == 0 {
                return None;
            }
            Bound::from_borrowed_ptr_or_opt(obj.py(), dt.tzinfo)?
        };
        non_none_tz(tz)
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        tzinfo_attr(obj)
    }
}

/// The `tzinfo` of a `time`, `None` for naive ones.
pub(crate) fn time_tzinfo<'py>(obj: &Bound<'py, PyTime>) -> Option<Bound<'py, PyTzInfo>> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        // SAFETY: the object is a `time` (or subclass), laid out as `PyDateTime_Time`; as for
        // `datetime_tzinfo`.
        let tz = unsafe {
            let t = &*obj.as_ptr().cast::<crate::ffi::PyDateTime_Time>();
            if t.hastzinfo == 0 {
                return None;
            }
            Bound::from_borrowed_ptr_or_opt(obj.py(), t.tzinfo)?
        };
        non_none_tz(tz)
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        tzinfo_attr(obj)
    }
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn non_none_tz(tz: Bound<'_, crate::types::PyAny>) -> Option<Bound<'_, PyTzInfo>> {
    if crate::types::PyAnyMethods::is_none(&tz) {
        None
    } else {
        Some(super::cast_bound::<PyTzInfo>(tz))
    }
}

/// A field of a `timedelta`.
pub(crate) fn delta_field(obj: &Bound<'_, PyDelta>, field: DeltaField) -> i32 {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        // SAFETY: the object is a `timedelta` (or subclass), laid out as `PyDateTime_Delta`;
        // its fields are immutable after construction.
        let d = unsafe { &*obj.as_ptr().cast::<crate::ffi::PyDateTime_Delta>() };
        match field {
            DeltaField::Days => d.days,
            DeltaField::Seconds => d.seconds,
            DeltaField::Microseconds => d.microseconds,
        }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        attr(
            obj,
            match field {
                DeltaField::Days => "days",
                DeltaField::Seconds => "seconds",
                DeltaField::Microseconds => "microseconds",
            },
        ) as i32
    }
}
