//! The standard-library conversions through the public API, on an embedded interpreter:
//! non-zero integers and `Cell`, C and OS strings, paths, arrays and byte slices, durations and
//! system times, IP addresses, `&Option<T>`, `f32` edge cases and integers from odd `int`s;
//! values, error types and messages, and reference counts of the objects passed through.

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::borrow::Cow;
use std::cell::Cell;
use std::ffi::{CStr, CString, OsStr, OsString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::num::{NonZeroI128, NonZeroI32, NonZeroU8, NonZeroUsize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap()
}

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

/// `left == right` in Python.
fn py_eq(left: &Bound<'_, PyAny>, right: &Bound<'_, PyAny>) -> bool {
    left.eq(right).unwrap()
}

#[test]
fn nonzero_integers_and_cells() {
    Python::attach(|py| {
        let n = NonZeroI32::new(-7).unwrap().into_pyobject(py).unwrap();
        assert_eq!(n.extract::<i32>().unwrap(), -7);
        assert_eq!(n.extract::<NonZeroI32>().unwrap().get(), -7);
        let wide = NonZeroI128::new(i128::MIN).unwrap();
        assert_eq!((&wide).into_pyobject(py).unwrap().extract::<NonZeroI128>().unwrap(), wide);

        let zero = eval(py, "0");
        let e = zero.extract::<NonZeroUsize>().unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), "invalid zero value");
        let e = eval(py, "300").extract::<NonZeroU8>().unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
        let e = eval(py, "'1'").extract::<NonZeroU8>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'str' object cannot be interpreted as an integer");

        let cell = Cell::new(41u16);
        assert_eq!((&cell).into_pyobject(py).unwrap().extract::<u16>().unwrap(), 41);
        let back: Cell<String> = PyString::new(py, "cell").extract().unwrap();
        assert_eq!(back.into_inner(), "cell");
        let e = eval(py, "1.5").extract::<Cell<u16>>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn c_strings() {
    Python::attach(|py| {
        let owned = CString::new("héllo").unwrap();
        let s = (&owned).into_pyobject(py).unwrap();
        assert_eq!(s.to_cow().unwrap(), "héllo");
        assert_eq!(s.extract::<CString>().unwrap(), owned);
        let cow: Cow<'_, CStr> = s.extract().unwrap();
        assert_eq!(&*cow, owned.as_c_str());
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        {
            assert!(matches!(cow, Cow::Borrowed(_)));
            let borrowed: &CStr = s.extract().unwrap();
            assert_eq!(borrowed.to_bytes(), "héllo".as_bytes());
        }

        let invalid = c"\xff\xfe";
        assert!(invalid.into_pyobject(py).is_err());

        let with_nul = eval(py, "'a\\x00b'");
        let e = with_nul.extract::<CString>().unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert!(message(py, &e).contains("nul byte"), "{}", message(py, &e));
        let e = eval(py, "5").extract::<CString>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'int' object is not an instance of 'str'");
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: the str differs from os.fsdecode's")]
fn os_strings_round_trip_non_utf8_bytes() {
    Python::attach(|py| {
        let utf8 = OsStr::new("plain ✓").into_pyobject(py).unwrap();
        assert_eq!(utf8.to_cow().unwrap(), "plain ✓");
        let cow: Cow<'_, OsStr> = utf8.extract().unwrap();
        assert_eq!(cow, OsStr::new("plain ✓"));
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        assert!(matches!(cow, Cow::Borrowed(_)));

        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw: &[u8] = b"caf\xe9\xff\x00end";
            let os = OsStr::from_bytes(raw);
            let s = os.into_pyobject(py).unwrap();
            // The same text `os.fsdecode` makes of these bytes.
            let os_mod = py.import("os").unwrap();
            let expected = os_mod.getattr("fsdecode").unwrap().call1((PyBytes::new(py, raw),));
            assert!(py_eq(s.as_any(), &expected.unwrap()));
            assert_eq!(s.extract::<OsString>().unwrap(), os);
            let cow: Cow<'_, OsStr> = s.extract().unwrap();
            assert!(matches!(cow, Cow::Owned(_)));
            assert_eq!(cow, os);
        }

        let e = PyBytes::new(py, b"x").extract::<OsString>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'bytes' object is not an instance of 'str'");
    });
}

#[test]
fn paths_become_pathlib_paths_and_extract_from_path_likes() {
    Python::attach(|py| {
        let path_class = py.import("pathlib").unwrap().getattr("Path").unwrap();
        let p = Path::new("/tmp/some dir/file.txt").into_pyobject(py).unwrap();
        assert!(p.is_instance(&path_class).unwrap());
        assert_eq!(p.str().unwrap().to_cow().unwrap(), "/tmp/some dir/file.txt");
        let buf = PathBuf::from("rel/x");
        assert!(py_eq(&(&buf).into_pyobject(py).unwrap(), &path_class.call1(("rel/x",)).unwrap()));

        let before = p.get_refcnt();
        let back: PathBuf = p.extract().unwrap();
        assert_eq!(back, Path::new("/tmp/some dir/file.txt"));
        assert_eq!(p.get_refcnt(), before);

        assert_eq!(eval(py, "'plain/str'").extract::<PathBuf>().unwrap(), Path::new("plain/str"));
        let globals = pyo3::types::PyDict::new(py);
        let code = c"class P:\n    def __fspath__(self):\n        return '/from/fspath'\np = P()";
        py.run(code, Some(&globals), None).unwrap();
        let custom = globals.get_item("p").unwrap().unwrap();
        assert_eq!(custom.extract::<PathBuf>().unwrap(), Path::new("/from/fspath"));
        let cow: Cow<'_, Path> = custom.extract().unwrap();
        assert!(matches!(cow, Cow::Owned(_)));

        let e = eval(py, "b'/bytes/path'").extract::<PathBuf>().unwrap_err();
        assert_eq!(message(py, &e), "'bytes' object is not an instance of 'str'");
        let e = eval(py, "42").extract::<PathBuf>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert!(message(py, &e).contains("os.PathLike object, not int"), "{}", message(py, &e));
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn arrays_check_their_length() {
    Python::attach(|py| {
        let list = [1i32, 2, 3].into_pyobject(py).unwrap();
        assert_eq!(list.get_type().name().unwrap().to_cow().unwrap(), "list");
        assert_eq!(list.extract::<[i32; 3]>().unwrap(), [1, 2, 3]);
        assert_eq!(eval(py, "(4, 5)").extract::<[u8; 2]>().unwrap(), [4, 5]);
        assert_eq!(eval(py, "b'ab'").extract::<[u8; 2]>().unwrap(), [b'a', b'b']);

        let e = list.extract::<[i32; 2]>().unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), "expected a sequence of length 2 (got 3)");
        let e = eval(py, "7").extract::<[i32; 1]>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'int' object is not an instance of 'Sequence'");
        let e = eval(py, "{1, 2}").extract::<[i32; 2]>().unwrap_err();
        assert_eq!(message(py, &e), "'set' object is not an instance of 'Sequence'");
        let e = eval(py, "[1, 'x']").extract::<[i32; 2]>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));

        // Items passed through keep their reference counts once the array is dropped.
        let item = eval(py, "object()");
        let before = item.get_refcnt();
        let holder = [item.clone(), item.clone()].into_pyobject(py).unwrap();
        let items: [Bound<'_, PyAny>; 2] = holder.extract().unwrap();
        assert!(items[0].is(&item) && items[1].is(&item));
        assert_eq!(item.get_refcnt(), before + 4);
        drop(items);
        drop(holder);
        assert_eq!(item.get_refcnt(), before);
    });
}

#[test]
fn byte_slices_borrow_bytes_and_copy_bytearrays() {
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"\x00raw\xff");
        let before = bytes.get_refcnt();
        let slice: &[u8] = bytes.extract().unwrap();
        assert_eq!(slice, b"\x00raw\xff");
        assert_eq!(slice.as_ptr(), bytes.as_bytes().as_ptr()); // borrowed, not copied
        let cow: Cow<'_, [u8]> = bytes.extract().unwrap();
        assert!(matches!(cow, Cow::Borrowed(b) if b.as_ptr() == slice.as_ptr()));
        assert_eq!(bytes.get_refcnt(), before);

        let array = eval(py, "bytearray(b'mutable')");
        let cow: Cow<'_, [u8]> = array.extract().unwrap();
        assert!(matches!(&cow, Cow::Owned(v) if v == b"mutable"));
        let e = array.extract::<&[u8]>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'bytearray' object is not an instance of 'bytes'");
        let e = eval(py, "[1, 2]").extract::<Cow<'_, [u8]>>().unwrap_err();
        assert_eq!(message(py, &e), "'list' object is not an instance of 'bytearray'");

        // `Vec<u8>` still takes any sequence of ints, but not `str`.
        assert_eq!(eval(py, "[1, 2, 255]").extract::<Vec<u8>>().unwrap(), [1, 2, 255]);
        assert_eq!(bytes.extract::<Vec<u8>>().unwrap(), b"\x00raw\xff");
        assert_eq!(array.extract::<Vec<u8>>().unwrap(), b"mutable");
        let e = eval(py, "[256]").extract::<Vec<u8>>().unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
        let e = eval(py, "'str'").extract::<Vec<u8>>().unwrap_err();
        assert_eq!(message(py, &e), "Can't extract `str` to `Vec`");

        // `u8` sequences become `bytes`, other sequences lists.
        for object in [
            vec![1u8, 2].into_pyobject(py).unwrap(),
            (&[1u8, 2][..]).into_pyobject(py).unwrap(),
            [1u8, 2].into_pyobject(py).unwrap(),
            Cow::Borrowed(&[1u8, 2][..]).into_pyobject(py).unwrap().into_any(),
        ] {
            assert_eq!(object.cast::<PyBytes>().unwrap().as_bytes(), [1, 2]);
        }
        let list = vec![1u16, 2].into_pyobject(py).unwrap();
        assert_eq!(list.get_type().name().unwrap().to_cow().unwrap(), "list");
    });
}

#[test]
fn durations_and_timedeltas() {
    Python::attach(|py| {
        let timedelta = py.import("datetime").unwrap().getattr("timedelta").unwrap();
        let d = Duration::new(86_400 + 3_661, 123_456_789);
        let delta = d.into_pyobject(py).unwrap();
        assert!(py_eq(&delta, &timedelta.call1((1, 3_661, 123_456)).unwrap()));
        // Nanoseconds below a microsecond are dropped.
        assert_eq!(delta.extract::<Duration>().unwrap(), Duration::new(90_061, 123_456_000));
        let max = timedelta.getattr("max").unwrap();
        assert_eq!(
            max.extract::<Duration>().unwrap(),
            Duration::new(86_399_999_999_999, 999_999_000)
        );
        assert!(py_eq(
            &Duration::new(86_399_999_999_999, 999_999_000).into_pyobject(py).unwrap(),
            &max
        ));

        let e = Duration::MAX.into_pyobject(py).unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
        let e = Duration::from_secs(1_000_000_000 * 86_400).into_pyobject(py).unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));

        let e = timedelta.call1((0, -1)).unwrap().extract::<Duration>().unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(
            message(py, &e),
            "It is not possible to convert a negative timedelta to a Rust Duration"
        );
        let e = eval(py, "1.5").extract::<Duration>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'float' object is not an instance of 'timedelta'");
    });
}

#[test]
fn system_times_are_aware_utc_datetimes() {
    Python::attach(|py| {
        let datetime = py.import("datetime").unwrap();
        let utc = datetime.getattr("timezone").unwrap().getattr("utc").unwrap();
        let class = datetime.getattr("datetime").unwrap();
        let t = UNIX_EPOCH + Duration::new(1_580_702_706, 7_123);
        let dt = t.into_pyobject(py).unwrap();
        let expected = class.call1((2020, 2, 3, 4, 5, 6, 7, &utc)).unwrap();
        assert!(py_eq(&dt, &expected));
        assert!(dt.getattr("tzinfo").unwrap().is(&utc));
        assert_eq!(
            dt.extract::<SystemTime>().unwrap(),
            UNIX_EPOCH + Duration::new(1_580_702_706, 7_000)
        );

        let before = expected.get_refcnt();
        assert_eq!(
            expected.extract::<SystemTime>().unwrap(),
            UNIX_EPOCH + Duration::new(1_580_702_706, 7_000)
        );
        assert_eq!(expected.get_refcnt(), before);

        let naive = class.call1((2020, 1, 1)).unwrap();
        let e = naive.extract::<SystemTime>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let old = class.call1((1950, 1, 1, 0, 0, 0, 0, &utc)).unwrap();
        let e = old.extract::<SystemTime>().unwrap_err();
        assert_eq!(
            message(py, &e),
            "It is not possible to convert a negative timedelta to a Rust Duration"
        );
        let e = eval(py, "0").extract::<SystemTime>().unwrap_err();
        assert_eq!(message(py, &e), "'int' object is not an instance of 'datetime'");

        let e = (UNIX_EPOCH - Duration::from_secs(1)).into_pyobject(py).unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        let e = (UNIX_EPOCH + Duration::from_secs(300_000_000_000)).into_pyobject(py).unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
    });
}

#[test]
fn ip_addresses() {
    Python::attach(|py| {
        let ipaddress = py.import("ipaddress").unwrap();
        let v4 = Ipv4Addr::new(192, 168, 0, 1);
        let obj = v4.into_pyobject(py).unwrap();
        assert!(obj.is_instance(&ipaddress.getattr("IPv4Address").unwrap()).unwrap());
        assert_eq!(obj.str().unwrap().to_cow().unwrap(), "192.168.0.1");
        let before = obj.get_refcnt();
        assert_eq!(obj.extract::<Ipv4Addr>().unwrap(), v4);
        assert_eq!(obj.extract::<IpAddr>().unwrap(), IpAddr::V4(v4));
        assert_eq!(obj.get_refcnt(), before);

        let v6: Ipv6Addr = "2001:db8::8a2e:370:7334".parse().unwrap();
        let obj = IpAddr::V6(v6).into_pyobject(py).unwrap();
        assert!(obj.is_instance(&ipaddress.getattr("IPv6Address").unwrap()).unwrap());
        assert_eq!(obj.str().unwrap().to_cow().unwrap(), "2001:db8::8a2e:370:7334");
        assert_eq!(obj.extract::<Ipv6Addr>().unwrap(), v6);
        assert_eq!(obj.extract::<IpAddr>().unwrap(), IpAddr::V6(v6));

        // Anything whose `str()` is an address, and anything with a `packed` attribute.
        assert_eq!(
            eval(py, "'10.0.0.1'").extract::<Ipv4Addr>().unwrap(),
            Ipv4Addr::new(10, 0, 0, 1)
        );
        assert_eq!(eval(py, "'::1'").extract::<IpAddr>().unwrap(), IpAddr::V6(Ipv6Addr::LOCALHOST));
        let globals = pyo3::types::PyDict::new(py);
        py.run(c"class A:\n    packed = b'\\x7f\\x00\\x00\\x01'\na = A()", Some(&globals), None)
            .unwrap();
        let packed = globals.get_item("a").unwrap().unwrap();
        assert_eq!(packed.extract::<Ipv4Addr>().unwrap(), Ipv4Addr::LOCALHOST);
        assert!(packed.extract::<Ipv6Addr>().is_err());

        let e = eval(py, "'not an address'").extract::<IpAddr>().unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), "invalid IP address syntax");
        let e = eval(py, "'::1'").extract::<Ipv4Addr>().unwrap_err();
        assert_eq!(message(py, &e), "invalid IPv4 address syntax");
    });
}

#[test]
fn f32_extraction_narrows_like_a_cast() {
    Python::attach(|py| {
        assert!(eval(py, "float('nan')").extract::<f32>().unwrap().is_nan());
        assert_eq!(eval(py, "float('inf')").extract::<f32>().unwrap(), f32::INFINITY);
        assert_eq!(eval(py, "float('-inf')").extract::<f32>().unwrap(), f32::NEG_INFINITY);
        assert_eq!(eval(py, "1e300").extract::<f32>().unwrap(), f32::INFINITY);
        assert_eq!(eval(py, "0.1").extract::<f32>().unwrap(), 0.1f32);
        assert_eq!(eval(py, "3").extract::<f32>().unwrap(), 3.0);
        assert!(f32::NAN.into_pyobject(py).unwrap().extract::<f64>().unwrap().is_nan());
        assert_eq!((&2.5f32).into_pyobject(py).unwrap().extract::<f64>().unwrap(), 2.5);
        let e = eval(py, "'1.0'").extract::<f32>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "must be real number, not str");
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn wide_and_narrow_integers_from_int_subclasses_and_negative_values() {
    Python::attach(|py| {
        // 3.9's `__index__` may return an `int` subclass unchanged (`True`): its value counts,
        // not its `str()`.
        let t = eval(py, "True");
        assert_eq!(t.extract::<i128>().unwrap(), 1);
        assert_eq!(t.extract::<u128>().unwrap(), 1);
        let sub = eval(py, "type('Sub', (int,), {'__str__': lambda self: 'x'})(-5)");
        assert_eq!(sub.extract::<i128>().unwrap(), -5);
        let e = sub.extract::<u128>().unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
        assert_eq!(message(py, &e), "can't convert negative int to unsigned");
        let big = eval(py, "2**127 - 1");
        assert_eq!(big.extract::<i128>().unwrap(), i128::MAX);
        assert!(big.extract::<u64>().unwrap_err().is_instance_of::<PyOverflowError>(py));
        let e = eval(py, "1.5").extract::<i128>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'float' object cannot be interpreted as an integer");
        // Narrow unsigned types read a 64-bit signed value first (as in PyO3): -1 is out of range
        // in Rust's words, like 256 for u8; u64 keeps the interpreter's own message.
        let minus_one = eval(py, "-1");
        for e in [
            minus_one.extract::<u8>().unwrap_err(),
            minus_one.extract::<u16>().unwrap_err(),
            minus_one.extract::<u32>().unwrap_err(),
            eval(py, "256").extract::<u8>().unwrap_err(),
        ] {
            assert!(e.is_instance_of::<PyOverflowError>(py));
            assert_eq!(message(py, &e), "out of range integral type conversion attempted");
        }
        let e = minus_one.extract::<u64>().unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
        assert_eq!(message(py, &e), "can't convert negative int to unsigned");
        assert_eq!(eval(py, "4294967295").extract::<u32>().unwrap(), u32::MAX);
        // Values no 64-bit int holds, in PyO3's words on CPython 3.11: `PyLong_AsLong`'s for
        // the types read through a C `long`, `_PyLong_AsByteArray`'s for 128 bits.
        let huge = eval(py, "2**70");
        let low = eval(py, "-2**70");
        for e in [
            huge.extract::<i64>().unwrap_err(),
            low.extract::<i64>().unwrap_err(),
            huge.extract::<isize>().unwrap_err(),
            huge.extract::<i32>().unwrap_err(),
            huge.extract::<i8>().unwrap_err(),
            huge.extract::<u8>().unwrap_err(),
            low.extract::<u32>().unwrap_err(),
        ] {
            assert!(e.is_instance_of::<PyOverflowError>(py));
            assert_eq!(message(py, &e), "Python int too large to convert to C long");
        }
        for e in [
            eval(py, "2**127").extract::<i128>().unwrap_err(),
            eval(py, "-2**127 - 1").extract::<i128>().unwrap_err(),
            eval(py, "2**128").extract::<u128>().unwrap_err(),
        ] {
            assert!(e.is_instance_of::<PyOverflowError>(py));
            assert_eq!(message(py, &e), "int too big to convert");
        }
        assert_eq!(eval(py, "-2**127").extract::<i128>().unwrap(), i128::MIN);
        assert_eq!(eval(py, "2**128 - 1").extract::<u128>().unwrap(), u128::MAX);
    });
}

#[test]
fn f64_extraction_reads_exact_floats_and_falls_back_for_the_rest() {
    Python::attach(|py| {
        // Exact floats (read from the object), then what `PyFloat_AsDouble` handles.
        assert_eq!(eval(py, "-0.0").extract::<f64>().unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(eval(py, "1.5e300").extract::<f64>().unwrap(), 1.5e300);
        assert!(eval(py, "float('nan')").extract::<f64>().unwrap().is_nan());
        let sub = "type('F', (float,), {})(2.25)";
        assert_eq!(eval(py, sub).extract::<f64>().unwrap(), 2.25);
        // As the interpreter's `PyFloat_AsDouble`: CPython and PyPy 3.11 read a subclass's
        // stored value whatever its `__float__` says; PyPy 3.9 calls `__float__`.
        let lying = "type('F', (float,), {'__float__': lambda self: 9.0})(2.25)";
        let v = eval(py, lying).extract::<f64>().unwrap();
        assert!(v == 2.25 || (cfg!(PyPy) && v == 9.0), "{v}");
        assert_eq!(eval(py, "7").extract::<f64>().unwrap(), 7.0);
        let dunder = "type('D', (), {'__float__': lambda self: 0.5})()";
        assert_eq!(eval(py, dunder).extract::<f64>().unwrap(), 0.5);
        let e = eval(py, "None").extract::<f64>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let e = eval(py, "10**400").extract::<f64>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
    });
}

#[test]
fn str_extraction_of_ascii_non_ascii_and_subclassed_text() {
    Python::attach(|py| {
        // Compact ASCII (read in place), compact non-ASCII (through its UTF-8 cache), empty, and
        // a `str` subclass (not compact).
        let cases = [
            ("'hello, world'", "hello, world"),
            ("''", ""),
            ("'h\\xe9llo \\u2603 \\U0001f600'", "héllo ☃ 😀"),
            ("type('S', (str,), {})('sub ascii')", "sub ascii"),
            ("type('S', (str,), {})('sub \\xe9')", "sub é"),
            ("'x' * 1000", &"x".repeat(1000)),
        ];
        for (code, text) in cases {
            let obj = eval(py, code);
            // `&str` is not extractable under the limited API before 3.10 (as in PyO3).
            #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
            assert_eq!(obj.extract::<&str>().unwrap(), text, "{code}");
            assert_eq!(obj.extract::<String>().unwrap(), text, "{code}");
        }
        assert!(eval(py, "'a\\udc80'").extract::<String>().is_err());
    });
}

#[test]
fn option_references_convert_like_options_of_references() {
    Python::attach(|py| {
        let some: Option<String> = Some("text".into());
        let none: Option<String> = None;
        assert_eq!((&some).into_pyobject(py).unwrap().extract::<String>().unwrap(), "text");
        assert!((&none).into_pyobject(py).unwrap().is_none());
        // The error type is `&T`'s: `&u8` cannot fail.
        let byte: Option<u8> = Some(7);
        let converted: Result<Bound<'_, PyAny>, std::convert::Infallible> =
            (&byte).into_pyobject(py);
        assert_eq!(converted.unwrap().extract::<u8>().unwrap(), 7);
        let nested: Option<Vec<Option<i32>>> = Some(vec![Some(1), None]);
        assert_eq!((&nested).into_pyobject(py).unwrap().to_string(), "[1, None]");
    });
}
