//! `PySlice` and `PySliceIndices`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{PySlice, PySliceIndices};

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

#[test]
fn slice_indices() {
    Python::attach(|py| {
        let s = PySlice::new(py, 1, -1, 2);
        assert_eq!(s.repr().unwrap().to_string(), "slice(1, -1, 2)");
        assert_eq!(
            s.indices(10).unwrap(),
            PySliceIndices { start: 1, stop: 9, step: 2, slicelength: 4 }
        );
        let full = PySlice::full(py);
        assert_eq!(full.repr().unwrap().to_string(), "slice(None, None, None)");
        assert_eq!(
            full.indices(3).unwrap(),
            PySliceIndices { start: 0, stop: 3, step: 1, slicelength: 3 }
        );
        let rev = py.eval(c_str!("slice(None, None, -1)"), None, None).unwrap();
        let rev = rev.cast::<PySlice>().unwrap();
        assert_eq!(
            rev.indices(4).unwrap(),
            PySliceIndices { start: 3, stop: -1, step: -1, slicelength: 4 }
        );
        assert_eq!(PySlice::new(py, 5, 2, 1).indices(10).unwrap().slicelength, 0);
        assert_eq!(PySliceIndices::new(1, 2, 3).slicelength, 0);
        // Usable as an index.
        let list = py.eval(c_str!("list(range(10))"), None, None).unwrap();
        let got: Vec<i32> = list.get_item(&s).unwrap().extract().unwrap();
        assert_eq!(got, [1, 3, 5, 7]);
    });
}

#[test]
fn slice_errors() {
    Python::attach(|py| {
        let zero = PySlice::new(py, 0, 1, 0);
        let e = zero.indices(5).unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), "slice step cannot be zero");
        let bad = py.eval(c_str!("slice('a', 2)"), None, None).unwrap();
        let e = bad.cast::<PySlice>().unwrap().indices(5).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        // 3.15 no longer mentions None (which `slice.indices` never accepted anyway).
        let expected = if cfg!(Py_3_15) {
            "slice indices must be integers or have an __index__ method"
        } else {
            "slice indices must be integers or None or have an __index__ method"
        };
        assert_eq!(message(py, &e), expected);
        assert!(!PyErr::occurred(py));
    });
}
