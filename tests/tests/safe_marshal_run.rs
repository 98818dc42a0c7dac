//! `pyroxide::marshal` (round trips, versions, errors) and `py_run!` (both forms, indentation,
//! a failing script panics).

use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::types::{IntoPyDict, PyDict, PyList};

#[cfg(not(Py_LIMITED_API))]
#[test]
fn marshal_round_trips_and_reports_bad_data() {
    use pyo3::exceptions::{PyEOFError, PyValueError};
    use pyo3::marshal;
    use pyo3::types::PyBytes;
    Python::attach(|py| {
        let value = py
            .eval(pyo3::ffi::c_str!("{'a': [1, 2.5, 'x', b'y', None, (True,)]}"), None, None)
            .unwrap();
        let bytes = marshal::dumps(&value, marshal::VERSION).unwrap();
        // Python's own `marshal` reads it (the bytes themselves may differ from
        // `marshal.dumps`: references are only recorded for objects with several owners).
        let marshal_module = py.import("marshal").unwrap();
        assert!(marshal_module.call_method1("loads", (&bytes,)).unwrap().eq(&value).unwrap());
        let from_python = marshal_module.call_method1("dumps", (&value,)).unwrap();
        let from_python = marshal::loads(py, from_python.cast::<PyBytes>().unwrap().as_bytes());
        assert!(from_python.unwrap().eq(&value).unwrap());
        assert_eq!(bytes.as_bytes()[0] & 0x7f, b'{');
        let back = marshal::loads(py, bytes.as_bytes()).unwrap();
        assert!(back.eq(&value).unwrap());
        let back = marshal::loads(py, &bytes.as_bytes().to_vec()).unwrap();
        assert!(back.eq(&value).unwrap());
        // Version 0 has no reference sharing and writes a different encoding.
        let v0 = marshal::dumps(&value, 0).unwrap();
        assert!(marshal::loads(py, v0.as_bytes()).unwrap().eq(&value).unwrap());

        let err = marshal::loads(py, &bytes.as_bytes()[..bytes.as_bytes().len() - 1]).unwrap_err();
        assert!(err.is_instance_of::<PyEOFError>(py), "{err}");
        let err = marshal::loads(py, b"\xff").unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py), "{err}");
        let unmarshallable = py.eval(pyo3::ffi::c_str!("object()"), None, None).unwrap();
        let err = marshal::dumps(&unmarshallable, marshal::VERSION).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py), "{err}");
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn py_run_with_named_locals_and_a_dict() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2, 3]).unwrap();
        let count = 3_i32;
        py_run!(py, list count, "assert len(list) == count\nlist.append(4)");
        assert_eq!(list.len(), 4);
        py_run!(
            py,
            list,
            r#"
            if True:
                list.append(5)
            assert list[-1] == 5
        "#
        );
        assert_eq!(list.len(), 5);

        let locals = [("x", 20)].into_py_dict(py).unwrap();
        py_run!(py, *locals, "y = x * 2 + 2");
        assert_eq!(locals.get_item("y").unwrap().unwrap().extract::<i32>().unwrap(), 42);
        let code = String::from("    z = y + 1\n    w = z");
        py_run!(py, *locals, code.as_str());
        assert_eq!(locals.get_item("w").unwrap().unwrap().extract::<i32>().unwrap(), 43);
    });
}

#[test]
fn py_run_panics_when_the_code_raises() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            py_run!(py, *d, "raise ValueError('from py_run')");
        }))
        .unwrap_err();
        assert_eq!(
            payload.downcast_ref::<String>().map(String::as_str),
            Some("raise ValueError('from py_run')\n")
        );
        assert!(!PyErr::occurred(py));
        py_run!(py, d, "assert isinstance(d, dict)");
    });
}
