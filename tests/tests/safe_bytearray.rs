//! `PyByteArray`.

use pyo3::exceptions::{PyBufferError, PyTypeError, PyValueError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes};

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

#[test]
fn bytearray_new_len_copy_resize() {
    Python::attach(|py| {
        let a = PyByteArray::new(py, b"hello");
        assert_eq!(a.len(), 5);
        assert_eq!(a.to_vec(), b"hello");
        assert!(a.as_any().eq(PyBytes::new(py, b"hello")).unwrap());
        a.resize(2).unwrap();
        assert_eq!(a.to_vec(), b"he");
        assert!(PyByteArray::new(py, b"").is_empty());
        assert!(PyByteArray::new(py, b"").to_vec().is_empty());
        // Changes from Python are seen by the copy.
        a.call_method1("extend", (PyBytes::new(py, b"!!"),)).unwrap();
        assert_eq!(a.to_vec(), b"he!!");
        assert!(!a.data().is_null());
    });
}

#[test]
fn bytearray_new_with_initialises_or_fails() {
    Python::attach(|py| {
        let a = PyByteArray::new_with(py, 4, |buf| {
            assert_eq!(buf, [0, 0, 0, 0]);
            buf.copy_from_slice(b"abcd");
            Ok(())
        })
        .unwrap();
        assert_eq!(a.to_vec(), b"abcd");
        let e = PyByteArray::new_with(py, 3, |_| Err(PyValueError::new_err("no"))).unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), "no");
        let empty = PyByteArray::new_with(py, 0, |buf| {
            assert!(buf.is_empty());
            Ok(())
        })
        .unwrap();
        assert!(empty.is_empty());
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn bytearray_from_objects_and_errors() {
    Python::attach(|py| {
        let b = PyBytes::new(py, b"xyz");
        let a = PyByteArray::from(b.as_any()).unwrap();
        assert_eq!(a.to_vec(), b"xyz");
        // As `bytearray(obj)`: an int is a size, a float is refused.
        let zeros = PyByteArray::from(&3i32.into_pyobject(py).unwrap()).unwrap();
        assert_eq!(zeros.to_vec(), [0, 0, 0]);
        let e = PyByteArray::from(&1.5f64.into_pyobject(py).unwrap()).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "cannot convert 'float' object to bytearray");
        // Resizing while a buffer is exported is refused.
        let view = py.eval(c_str!("memoryview"), None, None).unwrap().call1((&a,)).unwrap();
        let e = a.resize(10).unwrap_err();
        assert!(e.is_instance_of::<PyBufferError>(py));
        view.call_method0("release").unwrap();
        a.resize(10).unwrap();
        assert_eq!(a.len(), 10);
        assert_eq!(
            b.as_any().cast::<PyByteArray>().unwrap_err().to_string(),
            "'bytes' object is not an instance of 'bytearray'"
        );
    });
}
