//! `PyBackedStr` and `PyBackedBytes`: extraction keeps the Python object alive (no copy for
//! `str`/`bytes`), deref to the data, comparisons, hashing, display, and conversion back.

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::collections::HashSet;

#[test]
fn backed_str_keeps_its_object_alive_and_compares_as_str() {
    Python::attach(|py| {
        let s = py.eval(c_str!("'héllo' * 2"), None, None).unwrap();
        let before = s.get_refcnt();
        let backed: PyBackedStr = s.extract().unwrap();
        assert_eq!(&*backed, "héllohéllo");
        assert_eq!(backed.len(), 12);
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        assert_eq!(s.get_refcnt(), before + 1);
        let again = backed.clone_ref(py);
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        assert_eq!(s.get_refcnt(), before + 2);
        assert_eq!(backed, again);
        assert_eq!(backed, "héllohéllo");
        assert_eq!("héllohéllo", backed);
        assert_eq!(backed, String::from("héllohéllo"));
        assert_eq!(format!("<{backed}>"), "<héllohéllo>");
        assert_eq!(format!("{backed:?}"), "\"héllohéllo\"");
        let as_bytes: &[u8] = backed.as_ref();
        assert_eq!(as_bytes, "héllohéllo".as_bytes());
        let mut set = HashSet::new();
        set.insert(again);
        assert!(set.contains(&backed));
        // Back to Python: the very same `str` object.
        let back = (&backed).into_pyobject(py).unwrap();
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        assert!(back.is(&s));
        assert_eq!(back.to_cow().unwrap(), "héllohéllo");
        drop(back);
        drop(set);
        drop(backed);
        assert_eq!(s.get_refcnt(), before);
    });
}

#[test]
fn backed_str_outlives_the_attachment_that_made_it() {
    let backed: PyBackedStr =
        Python::attach(|py| PyString::new(py, "kept alive").extract().unwrap());
    // Send + Sync: read on another thread, without attaching.
    let len = std::thread::spawn(move || {
        let n = backed.len();
        assert_eq!(&*backed, "kept alive");
        Python::attach(|_| drop(backed));
        n
    })
    .join()
    .unwrap();
    assert_eq!(len, 10);
}

#[test]
fn backed_str_extraction_errors() {
    Python::attach(|py| {
        let err =
            py.eval(c_str!("b'x'"), None, None).unwrap().extract::<PyBackedStr>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "'bytes' object is not an instance of 'str'");
        let err =
            py.eval(c_str!("'\\ud800'"), None, None).unwrap().extract::<PyBackedStr>().unwrap_err();
        assert!(err.is_instance_of::<PyUnicodeEncodeError>(py));
        assert!(err.value(py).to_string().contains("surrogates not allowed"));
    });
}

#[test]
fn backed_bytes_borrow_bytes_and_copy_bytearrays() {
    Python::attach(|py| {
        let b = PyBytes::new(py, b"\x00abc\xff");
        let before = b.get_refcnt();
        let backed: PyBackedBytes = b.extract().unwrap();
        assert_eq!(b.get_refcnt(), before + 1);
        assert_eq!(&*backed, b"\x00abc\xff");
        assert_eq!(backed, b"\x00abc\xff");
        assert_eq!(backed, vec![0u8, b'a', b'b', b'c', 0xff]);
        assert_eq!(*b"\x00abc\xff", backed);
        assert_eq!(format!("{backed:?}"), "[0, 97, 98, 99, 255]");
        let back = (&backed).into_pyobject(py).unwrap();
        assert!(back.is(&b));
        drop(back);
        drop(backed);
        assert_eq!(b.get_refcnt(), before);

        let array = PyByteArray::new(py, b"xyz");
        let before = array.get_refcnt();
        let copied: PyBackedBytes = array.extract().unwrap();
        // A copy: the bytearray is neither held nor affected by later mutation.
        assert_eq!(array.get_refcnt(), before);
        array.call_method1("extend", (b"!!".as_slice(),)).unwrap();
        assert_eq!(copied, b"xyz");
        let clone = copied.clone_ref(py);
        assert_eq!(clone, copied);
        let back = copied.into_pyobject(py).unwrap();
        assert_eq!(back.as_bytes(), b"xyz");
        assert!(clone < PyBytes::new(py, b"xz").extract::<PyBackedBytes>().unwrap());

        let text = py.eval(c_str!("'text'"), None, None).unwrap();
        let err: PyErr = text.extract::<PyBackedBytes>().unwrap_err().into();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'str' object is not an instance of '`bytes` or `bytearray`'"
        );
    });
}
