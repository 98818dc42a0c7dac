//! The `datetime` types through the public API: construction, field access, CPython's errors for
//! invalid values, time zones, timestamps, type checks and cast errors, and the reference counts
//! of round trips (including the `Duration`/`SystemTime` conversions built on them).

use pyo3::exceptions::{PyKeyError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyTime, PyTimeAccess, PyTzInfo,
    PyTzInfoAccess,
};
use std::ffi::CString;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap()
}

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

/// CPython's range error for a field: 3.14 added the rejected value.
fn range(text: &str, value: i64) -> String {
    if cfg!(Py_3_14) {
        format!("{text}, not {value}")
    } else {
        text.to_string()
    }
}

/// CPython's error for a year outside 1..9999 (reworded in 3.14).
fn year_range(year: i32) -> String {
    if cfg!(Py_3_14) {
        format!("year must be in 1..9999, not {year}")
    } else {
        format!("year {year} is out of range")
    }
}

/// CPython's error for a day past the month's end: 3.14 names the day, the range and the month.
fn day_range(day: u8, last: u8, month: u8, year: i32) -> String {
    if cfg!(Py_3_14) {
        format!("day {day} must be in range 1..{last} for month {month} in year {year}")
    } else {
        "day is out of range for month".to_string()
    }
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr().unwrap().to_string()
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn dates_are_built_and_read() {
    Python::attach(|py| {
        let d = PyDate::new(py, 2024, 2, 29).unwrap();
        assert_eq!((d.get_year(), d.get_month(), d.get_day()), (2024, 2, 29));
        assert_eq!(repr(d.as_any()), "datetime.date(2024, 2, 29)");
        assert!(d.as_any().eq(eval(py, "__import__('datetime').date(2024, 2, 29)")).unwrap());
        let max = PyDate::new(py, 9999, 12, 31).unwrap();
        assert_eq!((max.get_year(), max.get_month(), max.get_day()), (9999, 12, 31));

        for (args, text) in [
            ((2020, 13, 1), &*range("month must be in 1..12", 13)),
            ((2020, 2, 30), &*day_range(30, 29, 2, 2020)),
            ((0, 1, 1), &*year_range(0)),
            ((10_000, 1, 1), &*year_range(10_000)),
        ] {
            let e = PyDate::new(py, args.0, args.1, args.2).unwrap_err();
            assert!(e.is_instance_of::<PyValueError>(py), "{args:?}");
            assert_eq!(message(py, &e), text);
        }
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn datetimes_naive_and_aware() {
    Python::attach(|py| {
        let naive = PyDateTime::new(py, 2021, 3, 4, 5, 6, 7, 890_123, None).unwrap();
        assert_eq!((naive.get_year(), naive.get_month(), naive.get_day()), (2021, 3, 4));
        assert_eq!((naive.get_hour(), naive.get_minute(), naive.get_second()), (5, 6, 7));
        assert_eq!(naive.get_microsecond(), 890_123);
        assert!(!naive.get_fold());
        assert!(naive.get_tzinfo().is_none());
        assert_eq!(repr(naive.as_any()), "datetime.datetime(2021, 3, 4, 5, 6, 7, 890123)");

        let utc = PyTzInfo::utc(py).unwrap();
        assert!(utc.as_any().is(&eval(py, "__import__('datetime').timezone.utc")));
        let aware_utc = PyDateTime::new(py, 2021, 3, 4, 5, 6, 7, 0, Some(&utc.to_owned())).unwrap();
        assert!(aware_utc.get_tzinfo().unwrap().is(&*utc));
        // `timezone.utc` is immortal on 3.12+; count references on a fresh, mortal tzinfo.
        let plus_one =
            eval(py, "__import__('datetime').timezone(__import__('datetime').timedelta(hours=1))")
                .cast_into::<PyTzInfo>()
                .unwrap();
        let before = plus_one.get_refcnt();
        let aware = PyDateTime::new(py, 2021, 3, 4, 5, 6, 7, 0, Some(&plus_one)).unwrap();
        assert!(aware.get_tzinfo().unwrap().is(&plus_one));
        assert_eq!(plus_one.get_refcnt(), before + 1, "the datetime holds its tzinfo");
        let tz = aware.get_tzinfo().unwrap();
        assert_eq!(plus_one.get_refcnt(), before + 2);
        drop(tz);
        drop(aware);
        assert_eq!(plus_one.get_refcnt(), before);
        // Naive and aware datetimes cannot be compared by order.
        let aware = PyDateTime::new(py, 2021, 3, 4, 5, 6, 7, 0, Some(&utc.to_owned())).unwrap();
        let e = naive.as_any().lt(&aware).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));

        let folded = PyDateTime::new_with_fold(py, 2021, 11, 7, 1, 30, 0, 0, None, true).unwrap();
        assert!(folded.get_fold());
        assert_eq!(folded.as_any().getattr("fold").unwrap().extract::<u8>().unwrap(), 1);

        let e = PyDateTime::new(py, 2021, 1, 1, 0, 0, 0, 1_000_000, None).unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), range("microsecond must be in 0..999999", 1_000_000));
        let e = PyDateTime::new(py, 2021, 1, 1, 24, 0, 0, 0, None).unwrap_err();
        assert_eq!(message(py, &e), range("hour must be in 0..23", 24));
        let e = PyDateTime::new(py, 2021, 4, 31, 0, 0, 0, 0, None).unwrap_err();
        assert_eq!(message(py, &e), day_range(31, 30, 4, 2021));
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn times_and_time_zones() {
    Python::attach(|py| {
        let t = PyTime::new(py, 23, 59, 58, 999_999, None).unwrap();
        assert_eq!((t.get_hour(), t.get_minute(), t.get_second()), (23, 59, 58));
        assert_eq!(t.get_microsecond(), 999_999);
        assert!(!t.get_fold() && t.get_tzinfo().is_none());
        assert_eq!(repr(t.as_any()), "datetime.time(23, 59, 58, 999999)");
        let e = PyTime::new(py, 24, 0, 0, 0, None).unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), range("hour must be in 0..23", 24));
        let e = PyTime::new(py, 0, 60, 0, 0, None).unwrap_err();
        assert_eq!(message(py, &e), range("minute must be in 0..59", 60));
        assert!(PyTime::new_with_fold(py, 1, 0, 0, 0, None, true).unwrap().get_fold());

        let offset = PyDelta::new(py, 0, 3_600, 0, true).unwrap();
        let plus_one = PyTzInfo::fixed_offset(py, &offset).unwrap();
        assert_eq!(repr(plus_one.as_any()), "datetime.timezone(datetime.timedelta(seconds=3600))");
        let t = PyTime::new(py, 12, 0, 0, 0, Some(&plus_one)).unwrap();
        assert!(t.get_tzinfo().unwrap().is(&plus_one));
        assert_eq!(t.as_any().call_method0("isoformat").unwrap().to_string(), "12:00:00+01:00");
        let e = PyTzInfo::fixed_offset(py, Duration::from_secs(86_400)).unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert!(message(py, &e).starts_with("offset must be a timedelta strictly between"));

        let paris = PyTzInfo::timezone(py, "Europe/Paris").unwrap();
        assert_eq!(paris.str().unwrap().to_string(), "Europe/Paris");
        let summer = PyDateTime::new(py, 2024, 7, 1, 12, 0, 0, 0, Some(&paris)).unwrap();
        let utcoffset = summer.as_any().call_method0("utcoffset").unwrap();
        assert_eq!(utcoffset.cast::<PyDelta>().unwrap().get_seconds(), 7_200);
        let e = PyTzInfo::timezone(py, "Nowhere/Atlantis").unwrap_err();
        assert!(e.is_instance_of::<PyKeyError>(py), "ZoneInfoNotFoundError is a KeyError");
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn deltas_normalize_and_overflow() {
    Python::attach(|py| {
        let d = PyDelta::new(py, 1, 90_000, 1_500_000, true).unwrap();
        assert_eq!((d.get_days(), d.get_seconds(), d.get_microseconds()), (2, 3_601, 500_000));
        let neg = PyDelta::new(py, 0, -1, 0, true).unwrap();
        assert_eq!((neg.get_days(), neg.get_seconds(), neg.get_microseconds()), (-1, 86_399, 0));
        assert_eq!(repr(neg.as_any()), "datetime.timedelta(days=-1, seconds=86399)");
        let plain = PyDelta::new(py, -3, 5, 6, false).unwrap();
        assert_eq!((plain.get_days(), plain.get_seconds(), plain.get_microseconds()), (-3, 5, 6));
        for normalize in [true, false] {
            let e = PyDelta::new(py, 1_000_000_000, 0, 0, normalize).unwrap_err();
            assert!(e.is_instance_of::<PyOverflowError>(py));
            assert_eq!(message(py, &e), "days=1000000000; must have magnitude <= 999999999");
        }
        let max = eval(py, "__import__('datetime').timedelta.max");
        let max = max.cast::<PyDelta>().unwrap();
        assert_eq!((max.get_days(), max.get_seconds()), (999_999_999, 86_399));
    });
}

#[test]
fn timestamps() {
    Python::attach(|py| {
        let utc = PyTzInfo::utc(py).unwrap().to_owned();
        let dt = PyDateTime::from_timestamp(py, 1_580_702_706.5, Some(&utc)).unwrap();
        assert_eq!((dt.get_year(), dt.get_month(), dt.get_day()), (2020, 2, 3));
        assert_eq!((dt.get_hour(), dt.get_minute(), dt.get_second()), (4, 5, 6));
        assert_eq!(dt.get_microsecond(), 500_000);
        assert!(dt.get_tzinfo().unwrap().is(&utc));
        let local = PyDateTime::from_timestamp(py, 0.0, None).unwrap();
        assert!(local.get_tzinfo().is_none());
        let ts: f64 = local.as_any().call_method0("timestamp").unwrap().extract().unwrap();
        assert_eq!(ts, 0.0);
        // Noon UTC: the same local date in every time zone within 12 hours of UTC.
        let d = PyDate::from_timestamp(py, 100.0 * 86_400.0 + 43_200.0).unwrap();
        assert_eq!((d.get_year(), d.get_month(), d.get_day()), (1970, 4, 11));
        assert!(d.as_any().is_exact_instance_of::<PyDate>());
        let e = PyDateTime::from_timestamp(py, 1e20, Some(&utc)).unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py) || e.is_instance_of::<PyValueError>(py));
    });
}

#[test]
fn type_checks_and_cast_errors() {
    Python::attach(|py| {
        let dt = PyDateTime::new(py, 2000, 1, 1, 0, 0, 0, 0, None).unwrap();
        let dt = dt.as_any();
        // `datetime` is a subclass of `date`.
        assert!(dt.is_instance_of::<PyDateTime>() && dt.is_instance_of::<PyDate>());
        assert!(!dt.is_exact_instance_of::<PyDate>());
        let date = dt.cast::<PyDate>().unwrap();
        assert_eq!((date.get_year(), date.get_month(), date.get_day()), (2000, 1, 1));
        assert!(!dt.is_instance_of::<PyTime>() && !dt.is_instance_of::<PyDelta>());
        let utc = PyTzInfo::utc(py).unwrap();
        assert!(utc.as_any().is_instance_of::<PyTzInfo>());

        let d = PyDate::new(py, 2000, 1, 1).unwrap();
        let e = d.as_any().cast::<PyDateTime>().unwrap_err();
        assert_eq!(e.to_string(), "'date' object is not an instance of 'datetime'");
        let e: PyErr = eval(py, "1").cast::<PyDelta>().unwrap_err().into();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'int' object is not an instance of 'timedelta'");
        let e = eval(py, "'x'").cast_into::<PyTzInfo>().unwrap_err();
        assert_eq!(e.to_string(), "'str' object is not an instance of 'tzinfo'");
        let float = eval(py, "1.0");
        let e = float.cast::<PyTime>().unwrap_err();
        assert_eq!(e.to_string(), "'float' object is not an instance of 'time'");

        // Subclasses defined in Python are read through the same layout.
        let sub = eval(py, "type('D', (__import__('datetime').date,), {})(1999, 12, 31)");
        let sub = sub.cast::<PyDate>().unwrap();
        assert_eq!((sub.get_year(), sub.get_month(), sub.get_day()), (1999, 12, 31));
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn round_trips_keep_reference_counts() {
    Python::attach(|py| {
        let delta = PyDelta::new(py, 3, 4, 5, true).unwrap();
        let before = delta.get_refcnt();
        let d: Duration = delta.extract().unwrap();
        assert_eq!(d, Duration::new(3 * 86_400 + 4, 5_000));
        assert_eq!(delta.get_refcnt(), before);
        let back = d.into_pyobject(py).unwrap();
        assert!(back.as_any().eq(&delta).unwrap());
        assert_eq!(back.get_refcnt(), 1);

        let t = UNIX_EPOCH + Duration::new(1_000_000_000, 123_000);
        let dt = t.into_pyobject(py).unwrap();
        assert_eq!(dt.get_refcnt(), 1);
        assert_eq!((dt.get_year(), dt.get_month(), dt.get_day()), (2001, 9, 9));
        assert_eq!((dt.get_hour(), dt.get_minute(), dt.get_second()), (1, 46, 40));
        assert_eq!(dt.get_microsecond(), 123);
        let utc = PyTzInfo::utc(py).unwrap();
        assert!(dt.get_tzinfo().unwrap().is(&*utc));
        let before = dt.get_refcnt();
        assert_eq!(dt.extract::<SystemTime>().unwrap(), t);
        assert_eq!(dt.get_refcnt(), before);

        let tz_before = utc.get_refcnt();
        for _ in 0..10 {
            let dt = SystemTime::now().into_pyobject(py).unwrap();
            let _ = dt.get_tzinfo().unwrap();
        }
        assert_eq!(utc.get_refcnt(), tz_before);
    });
}
