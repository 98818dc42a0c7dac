//! The safe crate's core through the public API, on an embedded interpreter: attaching and
//! detaching, the smart pointers and their reference counts, errors, and conversions.

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyInt, PyList, PyString, PyTuple};
use std::collections::HashMap;

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

#[test]
fn attach_nests_and_detach_lets_other_threads_attach() {
    Python::attach(|py| {
        Python::attach(|inner| {
            assert_eq!(inner.version(), py.version());
        });
        let other = py.detach(|| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    let v = py.version_info();
                    (v.major, v.minor)
                })
            })
            .join()
            .unwrap()
        });
        assert!(py.version_info() >= (3, 9));
        assert_eq!(py.version_info(), other);
        assert!(Python::try_attach(|_| ()).is_some());
        assert!(py.check_signals().is_ok());
    });
}

#[test]
fn detach_reattaches_after_a_panic() {
    Python::attach(|py| {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            py.detach(|| panic!("inside detach"));
        }));
        assert!(caught.is_err());
        // Still attached: the interpreter is usable on this thread.
        assert_eq!(py.eval(c_str!("1 + 1"), None, None).unwrap().extract::<i32>().unwrap(), 2);
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn conversions_round_trip_without_changing_reference_counts() {
    Python::attach(|py| {
        let obj = py.eval(c_str!("object()"), None, None).unwrap();
        let before = obj.get_refcnt();
        let list = PyList::new(py, [&obj, &obj]).unwrap();
        assert_eq!(obj.get_refcnt(), before + 2);
        let back: Vec<Bound<'_, PyAny>> = list.extract().unwrap();
        assert!(back[0].is(&obj) && back[1].is(&obj));
        drop(back);
        drop(list);
        assert_eq!(obj.get_refcnt(), before);
        let unbound = obj.clone().unbind();
        assert_eq!(obj.get_refcnt(), before + 1);
        drop(unbound);
        assert_eq!(obj.get_refcnt(), before);
    });
}

#[test]
fn py_dropped_on_a_detached_thread_is_released_at_the_next_attach() {
    let (obj, before) = Python::attach(|py| {
        let obj = py.eval(c_str!("object()"), None, None).unwrap();
        let before = obj.get_refcnt();
        (obj.unbind(), before)
    });
    let extra = Python::attach(|py| obj.clone_ref(py));
    // Dropped on a thread that never attaches: deferred.
    std::thread::spawn(move || drop(extra)).join().unwrap();
    Python::attach(|py| {
        // This attach may be nested in another test's thread state; the pool is drained on
        // every fresh attach, so force one on a new thread.
        py.detach(|| std::thread::spawn(|| Python::attach(|_| ())).join().unwrap());
        assert_eq!(obj.bind(py).get_refcnt(), before);
        assert_eq!(pyo3::__refpool_pending_count(), 0);
    });
}

#[test]
fn a_thread_is_not_attached_because_another_holds_the_interpreter() {
    Python::attach(|py| {
        let obj = py.eval(c_str!("object()"), None, None).unwrap();
        let before = obj.get_refcnt();
        let extra = obj.clone().unbind();
        // This thread stays attached while the other drops its reference: the other thread
        // holds no thread state of its own, so the drop must be deferred, not a decref.
        std::thread::spawn(move || drop(extra)).join().unwrap();
        assert_eq!(obj.get_refcnt(), before + 1, "the drop must wait for an attach");
        py.detach(|| std::thread::spawn(|| Python::attach(|_| ())).join().unwrap());
        // Free-threaded builds count references biased to the owning thread: a decref from
        // another thread is queued to the owner, which merges it when it next runs bytecode.
        #[cfg(Py_GIL_DISABLED)]
        py.eval(c_str!("(lambda: None)()"), None, None).unwrap();
        assert_eq!(obj.get_refcnt(), before);
    });
}

#[test]
fn errors_are_lazy_restorable_and_typed() {
    Python::attach(|py| {
        let err = PyValueError::new_err("boom");
        assert!(err.is_instance_of::<PyValueError>(py));
        assert!(!err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.to_string(), "ValueError: boom");
        err.restore(py);
        assert!(PyErr::occurred(py));
        let fetched = PyErr::fetch(py);
        assert!(!PyErr::occurred(py));
        assert!(fetched.matches(py, py.get_type::<PyValueError>()).unwrap());
        assert_eq!(message(py, &fetched), "boom");

        let raised = py.run(c_str!("1 / 0"), None, None).unwrap_err();
        assert!(raised.is_instance_of::<PyZeroDivisionError>(py));
        assert!(raised.traceback(py).is_some());

        let with_args = PyErr::new::<PyValueError, _>((1, "two"));
        assert_eq!(
            with_args.value(py).getattr("args").unwrap().extract::<(i32, String)>().unwrap(),
            (1, "two".into())
        );

        let cause = PyTypeError::new_err("root");
        with_args.set_cause(py, Some(cause));
        assert!(with_args.cause(py).unwrap().is_instance_of::<PyTypeError>(py));

        let not_an_exception = PyErr::from_value(PyString::new(py, "x").into_any());
        assert!(not_an_exception.is_instance_of::<PyTypeError>(py));
        assert!(PyErr::take(py).is_none());
        assert!(PyErr::fetch(py).to_string().starts_with("SystemError"));
    });
}

#[test]
fn integer_extraction_checks_range_and_type() {
    Python::attach(|py| {
        let big = 300i32.into_pyobject(py).unwrap();
        assert_eq!(big.extract::<i16>().unwrap(), 300);
        let e = big.extract::<i8>().unwrap_err();
        assert!(e.is_instance_of::<PyOverflowError>(py));
        let negative = (-1i32).into_pyobject(py).unwrap();
        assert!(negative.extract::<u32>().unwrap_err().is_instance_of::<PyOverflowError>(py));
        let huge = py.eval(c_str!("2**100"), None, None).unwrap();
        assert!(huge.extract::<i64>().unwrap_err().is_instance_of::<PyOverflowError>(py));
        assert_eq!(huge.extract::<u128>().unwrap(), 1u128 << 100);
        assert_eq!(u128::MAX.into_pyobject(py).unwrap().extract::<u128>().unwrap(), u128::MAX);
        let text = PyString::new(py, "7");
        let e = text.extract::<i64>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'str' object cannot be interpreted as an integer");
        let float = py.eval(c_str!("1.5"), None, None).unwrap();
        assert!(float.extract::<i32>().unwrap_err().is_instance_of::<PyTypeError>(py));
        assert_eq!(float.extract::<f64>().unwrap(), 1.5);
        assert!(py.eval(c_str!("True"), None, None).unwrap().extract::<bool>().unwrap());
    });
}

#[test]
fn strings_sequences_and_maps() {
    Python::attach(|py| {
        let s = PyString::new(py, "héllo");
        assert_eq!(s.to_cow().unwrap(), "héllo");
        assert_eq!(s.extract::<String>().unwrap(), "héllo");
        let e = 5i32.into_pyobject(py).unwrap().extract::<String>().unwrap_err();
        assert_eq!(message(py, &e), "'int' object is not an instance of 'str'");
        let surrogate = py.eval(c_str!("'a\\udc80'"), None, None).unwrap();
        assert!(surrogate.extract::<String>().is_err());
        assert_eq!(surrogate.cast::<PyString>().unwrap().to_string_lossy(), "a\u{fffd}");

        let e = s.extract::<Vec<String>>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let v: Vec<i64> = py.eval(c_str!("[1, 2, 3]"), None, None).unwrap().extract().unwrap();
        assert_eq!(v, [1, 2, 3]);
        let t: (i32, String, Option<f64>) =
            py.eval(c_str!("(1, 'a', None)"), None, None).unwrap().extract().unwrap();
        assert_eq!(t, (1, "a".into(), None));
        let short = py.eval(c_str!("(1,)"), None, None).unwrap();
        assert!(short.extract::<(i32, i32)>().unwrap_err().is_instance_of::<PyValueError>(py));

        let map: HashMap<String, i32> =
            [("a", 1), ("b", 2)].into_py_dict(py).unwrap().extract().unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map["b"], 2);
        let dict = map.into_pyobject(py).unwrap();
        assert_eq!(dict.get_item("a").unwrap().unwrap().extract::<i32>().unwrap(), 1);
        assert!(dict.get_item("zz").unwrap().is_none());
        assert!(dict.get_item(PyList::empty(py)).is_err()); // unhashable key

        let tuple = (1, "x", 2.5).into_pyobject(py).unwrap();
        assert_eq!(tuple.len(), 3);
        assert!(tuple.get_item(3).is_err());
    });
}

#[test]
fn casts_and_objects() {
    Python::attach(|py| {
        let any = PyString::new(py, "s").into_any();
        assert!(any.cast::<PyString>().is_ok());
        let err = any.cast::<PyInt>().unwrap_err();
        assert_eq!(err.to_string(), "'str' object is not an instance of 'int'");
        let err: PyErr = any.clone().cast_into::<PyDict>().unwrap_err().into();
        assert!(err.is_instance_of::<PyTypeError>(py));

        let globals = PyDict::new(py);
        py.run(c_str!("x = [1, 2]\ny = len(x)"), Some(&globals), None).unwrap();
        assert_eq!(globals.get_item("y").unwrap().unwrap().extract::<usize>().unwrap(), 2);
        let x = globals.get_item("x").unwrap().unwrap();
        x.call_method1("append", (3,)).unwrap();
        assert_eq!(x.len().unwrap(), 3);
        assert!(x
            .getattr("nope")
            .unwrap_err()
            .is_instance_of::<pyo3::exceptions::PyAttributeError>(py));
        assert!(!x.hasattr("nope").unwrap());
        assert_eq!(x.repr().unwrap().to_cow().unwrap(), "[1, 2, 3]");
        assert!(x.eq(PyList::new(py, [1, 2, 3]).unwrap()).unwrap());
        assert!(py.None().bind(py).is_none());
        assert!(!py.Ellipsis().bind(py).is_none());
        let t = PyTuple::new(py, [1, 2]).unwrap();
        assert_eq!(t.get_type().name().unwrap().to_cow().unwrap(), "tuple");
    });
}
