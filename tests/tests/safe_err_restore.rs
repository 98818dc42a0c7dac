//! How a `PyErr` is represented and raised: one pointer wide, and `restore` of a lazy error sets
//! the same exception (type, arguments, `__context__`) as C's `PyErr_SetObject` would, whatever
//! the arguments are.

use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// Restores `err`, fetches it back, returns `(type name, repr(args))`.
fn round_trip(py: Python<'_>, err: PyErr) -> (String, String) {
    err.restore(py);
    assert!(PyErr::occurred(py));
    let back = PyErr::fetch(py);
    assert!(!PyErr::occurred(py));
    let value = back.value(py);
    let name = value.get_type().name().unwrap().to_string();
    let args = value.getattr("args").unwrap().repr().unwrap().to_string();
    (name, args)
}

#[test]
fn pyerr_is_one_pointer_wide() {
    assert_eq!(std::mem::size_of::<PyErr>(), std::mem::size_of::<usize>());
    assert_eq!(std::mem::size_of::<PyResult<()>>(), std::mem::size_of::<usize>());
    assert_eq!(std::mem::size_of::<Option<PyErr>>(), std::mem::size_of::<usize>());
    fn send_sync<T: Send + Sync>() {}
    send_sync::<PyErr>();
}

#[test]
fn restore_of_lazy_errors_matches_set_object() {
    Python::attach(|py| {
        let e = PyValueError::new_err("bad value");
        assert_eq!(round_trip(py, e), ("ValueError".into(), "('bad value',)".into()));
        let e = PyKeyError::new_err((1, "two"));
        assert_eq!(round_trip(py, e), ("KeyError".into(), "(1, 'two')".into()));
        let e = PyValueError::new_err(());
        assert_eq!(round_trip(py, e), ("ValueError".into(), "()".into()));
        // A `&'static str` message takes an unboxed path; other strings the general one.
        let e = PyValueError::new_err(String::from("owned"));
        assert_eq!(round_trip(py, e), ("ValueError".into(), "('owned',)".into()));
        let e = PyValueError::new_err(("two", "parts"));
        assert_eq!(round_trip(py, e), ("ValueError".into(), "('two', 'parts')".into()));
        let e = PyKeyError::new_err("static");
        assert!(e.is_instance_of::<PyKeyError>(py));
        assert_eq!(e.value(py).to_string(), "'static'");
        let e = PyValueError::new_err(7);
        assert_eq!(round_trip(py, e), ("ValueError".into(), "(7,)".into()));
        // Not an exception class: a TypeError, as when the error is inspected.
        let e = PyErr::new::<PyList, _>("x");
        assert_eq!(round_trip(py, e).0, "TypeError");
        let e = PyErr::new::<PyList, _>("x");
        assert!(e.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn restore_of_normalized_errors_keeps_the_instance_and_its_count() {
    Python::attach(|py| {
        let err = PyValueError::new_err("boom");
        let instance = err.value(py).clone().unbind();
        let before = instance.bind(py).get_refcnt();
        err.restore(py);
        // The error's reference moved into the indicator: no clone, no leak.
        assert_eq!(instance.bind(py).get_refcnt(), before);
        let back = PyErr::fetch(py);
        assert!(back.value(py).is(instance.bind(py)));
        drop(back);
        assert_eq!(instance.bind(py).get_refcnt(), before - 1);
    });
}

#[test]
fn errors_raised_in_rust_chain_to_the_handled_exception() {
    Python::attach(|py| {
        let raise = pyo3::wrap_pyfunction!(raise_type_error, py).unwrap();
        let code = pyo3::ffi::c_str!(
            "def f(g):\n    try:\n        raise KeyError('inner')\n    except KeyError:\n        g()\n"
        );
        let globals = pyo3::types::PyDict::new(py);
        py.run(code, Some(&globals), None).unwrap();
        let err = globals.get_item("f").unwrap().unwrap().call1((raise,)).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "from rust");
        let context = err.context(py).expect("the handled KeyError is the context");
        assert!(context.is_instance_of::<PyKeyError>(py));
        let args = context.value(py).getattr("args").unwrap();
        assert_eq!(args.cast::<PyTuple>().unwrap().len(), 1);
    });
}

#[pyfunction]
fn raise_type_error() -> PyResult<()> {
    Err(PyTypeError::new_err("from rust"))
}

#[test]
fn std_conversion_errors_become_the_python_exceptions() {
    Python::attach(|py| {
        let overflow: PyErr = u8::try_from(300i64).unwrap_err().into();
        assert_eq!(
            round_trip(py, overflow),
            (
                "ValueError".to_owned(),
                "('out of range integral type conversion attempted',)".to_owned()
            )
        );
        let bytes = vec![b'o', b'k', 0xff, b'!'];
        let utf8: PyErr = String::from_utf8(bytes).unwrap_err().into();
        assert!(utf8.is_instance_of::<pyo3::exceptions::PyUnicodeDecodeError>(py));
        assert_eq!(
            utf8.value(py).to_string(),
            "'utf-8' codec can't decode byte 0xff in position 2: invalid utf-8"
        );
        let value = utf8.value(py);
        assert_eq!(value.getattr("object").unwrap().extract::<Vec<u8>>().unwrap(), b"ok\xff!");
        assert_eq!(value.getattr("start").unwrap().extract::<usize>().unwrap(), 2);
        assert_eq!(value.getattr("end").unwrap().extract::<usize>().unwrap(), 3);
        // A sequence cut short at the end: the range runs to the end of the input.
        let truncated: PyErr = String::from_utf8(vec![b'a', 0xe2, 0x82]).unwrap_err().into();
        let value = truncated.value(py);
        assert_eq!(value.getattr("start").unwrap().extract::<usize>().unwrap(), 1);
        assert_eq!(value.getattr("end").unwrap().extract::<usize>().unwrap(), 3);
        // The constructor PyO3 documents, with its example.
        let input: &[u8] = &[b'f', b'o', 0xd8, b'o'];
        let err = std::str::from_utf8(std::hint::black_box(input)).unwrap_err();
        let decode = pyo3::exceptions::PyUnicodeDecodeError::new_utf8(py, input, err).unwrap();
        assert_eq!(
            decode.to_string(),
            "'utf-8' codec can't decode byte 0xd8 in position 2: invalid utf-8"
        );
    });
}

/// The exception's `__notes__`, if it has the attribute.
fn notes<'py>(py: Python<'py>, err: &PyErr) -> Option<Bound<'py, PyAny>> {
    err.value(py).getattr_opt("__notes__").unwrap()
}

#[test]
fn add_note_appends_to_notes_on_every_version() {
    Python::attach(|py| {
        // `BaseException.add_note` where the interpreter has it, `__notes__` kept by hand before.
        let native =
            py.get_type::<pyo3::exceptions::PyBaseException>().hasattr("add_note").unwrap();
        if !cfg!(PyPy) {
            assert_eq!(native, py.version_info() >= (3, 11));
        }
        let err = PyValueError::new_err("bad");
        assert!(notes(py, &err).is_none());
        err.add_note(py, "first").unwrap();
        err.add_note(py, String::from("second")).unwrap();
        err.add_note(py, pyo3::types::PyString::new(py, "third").unbind()).unwrap();
        let list: Vec<String> = notes(py, &err).unwrap().extract().unwrap();
        assert_eq!(list, ["first", "second", "third"]);
        // The type and message are untouched, and the notes survive a raise.
        err.restore(py);
        let back = PyErr::fetch(py);
        assert!(back.is_instance_of::<PyValueError>(py));
        assert_eq!(back.value(py).to_string(), "bad");
        let list: Vec<String> = notes(py, &back).unwrap().extract().unwrap();
        assert_eq!(list, ["first", "second", "third"]);

        // A `__notes__` that is not a list refuses the note (as `add_note` does) and stays.
        let err = PyKeyError::new_err("k");
        err.value(py).setattr("__notes__", "text").unwrap();
        let refused = err.add_note(py, "more").unwrap_err();
        assert!(refused.is_instance_of::<PyTypeError>(py));
        assert_eq!(refused.value(py).to_string(), "Cannot add note: __notes__ is not a list");
        assert_eq!(notes(py, &err).unwrap().to_string(), "text");
        assert!(!PyErr::occurred(py));
    });
}
