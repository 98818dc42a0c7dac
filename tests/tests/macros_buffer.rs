//! The buffer protocol of `#[pymethods]`: `unsafe fn __getbuffer__`/`__releasebuffer__` written
//! as in PyO3 (filling the raw `Py_buffer` with `PyBuffer_FillInfo`), used from Python through
//! `memoryview`, `bytes()` and `PyBuffer<T>`; an error leaves no reference in `view.obj`, and a
//! panic becomes `PanicException`.
#![cfg(any(not(Py_LIMITED_API), Py_3_11))]

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyBufferError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::ffi::{c_int, c_void, CString};

/// Read-only bytes exported through the buffer protocol, counting releases.
#[pyclass]
struct Blob {
    data: Vec<u8>,
    releases: usize,
    mode: u8,
}

#[pymethods]
impl Blob {
    #[new]
    fn new(data: Vec<u8>, mode: u8) -> Self {
        Blob { data, releases: 0, mode }
    }

    #[getter]
    fn releases(&self) -> usize {
        self.releases
    }

    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        let (ptr, len, mode) = {
            let b = slf.borrow();
            (b.data.as_ptr(), b.data.len(), b.mode)
        };
        if flags & ffi::PyBUF_WRITABLE as c_int != 0 {
            return Err(PyBufferError::new_err("Blob is read-only"));
        }
        if mode == 2 {
            panic!("getbuffer panicked");
        }
        // SAFETY: `view` is the interpreter's struct for this request; the data lives in the
        // object, which `view.obj` keeps alive, and is never resized while exported.
        let rc = unsafe {
            ffi::PyBuffer_FillInfo(view, slf.as_ptr(), ptr as *mut c_void, len as _, 1, flags)
        };
        if rc == -1 {
            return Err(PyErr::fetch(slf.py()));
        }
        if mode == 1 {
            // The reference `PyBuffer_FillInfo` stored in `view.obj` must be released by the
            // runtime, not leaked.
            return Err(PyBufferError::new_err("refused after filling"));
        }
        Ok(())
    }

    unsafe fn __releasebuffer__(&mut self, _view: *mut ffi::Py_buffer) {
        self.releases += 1;
    }
}

fn run(py: Python<'_>, code: &str) {
    let globals = PyDict::new(py);
    globals.set_item("Blob", py.get_type::<Blob>()).unwrap();
    let code = CString::new(code).unwrap();
    py.run(&code, Some(&globals), None).unwrap_or_else(|e| {
        e.print(py);
        panic!("{e}")
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: bytes()/memoryview() release buffers at other times")]
fn memoryview_and_bytes_read_the_exported_data() {
    Python::attach(|py| {
        run(
            py,
            r#"
b = Blob(b"hello", 0)
with memoryview(b) as m:
    assert m.readonly and m.nbytes == 5 and m.tobytes() == b"hello" and m[1] == ord("e")
assert b.releases == 1
assert bytes(b) == b"hello" and b.releases == 2
assert b"ell" in bytes(b) and b.releases == 3
assert memoryview(b).cast("c")[0] == b"h"
"#,
        );
    });
}

#[test]
fn pybuffer_views_the_class_from_rust() {
    Python::attach(|py| {
        let blob = Bound::new(py, Blob::new(vec![1, 2, 3, 4], 0)).unwrap();
        let buffer = PyBuffer::<u8>::get(blob.as_any()).unwrap();
        assert_eq!(buffer.to_vec(py).unwrap(), vec![1, 2, 3, 4]);
        assert!(buffer.readonly());
        drop(buffer);
        assert_eq!(blob.borrow().releases, 1);
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: memoryview() of a read-only exporter is writable")]
fn errors_raise_and_release_view_obj() {
    Python::attach(|py| {
        let blob = Bound::new(py, Blob::new(vec![9; 3], 1)).unwrap();
        let before = blob.get_refcnt();
        for _ in 0..100 {
            let err = PyBuffer::<u8>::get(blob.as_any()).unwrap_err();
            assert!(err.is_instance_of::<PyBufferError>(py));
            assert_eq!(err.value(py).to_string(), "refused after filling");
        }
        assert_eq!(blob.get_refcnt(), before, "view.obj leaked on the error path");
        assert_eq!(blob.borrow().releases, 0);
        run(
            py,
            r#"
b = Blob(b"abc", 0)
try:
    import ctypes  # a writable request
    (ctypes.c_char * 3).from_buffer(b)
except (BufferError, TypeError) as e:
    assert "read-only" in str(e) or "writable" in str(e), e
else:
    raise AssertionError("a writable view of a read-only Blob was made")
"#,
        );
    });
}

#[test]
fn a_panic_in_getbuffer_becomes_panic_exception() {
    Python::attach(|py| {
        run(
            py,
            r#"
b = Blob(b"ab", 2)
try:
    memoryview(b)
except BaseException as e:
    assert type(e).__name__ == "PanicException" and "getbuffer panicked" in str(e), e
else:
    raise AssertionError("no exception")
assert bytes(Blob(b"ok", 0)) == b"ok"
"#,
        );
    });
}
