//! Weak references: `PyWeakrefReference`, `PyWeakrefProxy` and `PyWeakref`; `upgrade` while
//! the referent lives and `None` after it dies, callbacks, casts and errors.

use pyo3::exceptions::{PyReferenceError, PyTypeError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{
    PyDict, PyInt, PyList, PyString, PyWeakref, PyWeakrefMethods, PyWeakrefProxy,
    PyWeakrefReference,
};
use pyo3::PyTypeInfo;

fn new_object(py: Python<'_>) -> Bound<'_, PyAny> {
    py.eval(c_str!("type('Thing', (), {'x': 5})()"), None, None).unwrap()
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its GC frees objects, not the last Py_DECREF")]
fn upgrade_returns_none_after_the_referent_dies() {
    Python::attach(|py| {
        let obj = new_object(py);
        let before = obj.get_refcnt();
        let r = PyWeakrefReference::new(&obj).unwrap();
        // A weak reference does not own the referent.
        assert_eq!(obj.get_refcnt(), before);
        let up = r.upgrade().unwrap();
        assert!(up.is(&obj));
        assert_eq!(obj.get_refcnt(), before + 1);
        drop(up);
        assert_eq!(obj.get_refcnt(), before);
        assert_eq!(
            r.upgrade_as::<PyAny>()
                .unwrap()
                .unwrap()
                .getattr("x")
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            5
        );
        let err = r.upgrade_as::<PyInt>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "'Thing' object is not an instance of 'int'");
        assert!(r.upgrade_as_exact::<PyDict>().is_err());
        // Calling the reference returns the referent too.
        assert!(r.call0().unwrap().is(&obj));
        assert_eq!(obj.get_refcnt(), before);
        drop(obj);
        assert!(r.upgrade().is_none());
        assert!(r.upgrade_as::<PyInt>().unwrap().is_none());
        assert!(r.call0().unwrap().is_none());
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its GC frees objects, not the last Py_DECREF")]
fn callbacks_run_when_the_referent_dies() {
    Python::attach(|py| {
        let log = PyList::empty(py);
        let append = log.getattr("append").unwrap();
        let obj = new_object(py);
        let r = PyWeakrefReference::new_with_callback(&obj, &append).unwrap();
        let p = PyWeakrefProxy::new_with_callback(&obj, &append).unwrap();
        let plain = PyWeakrefReference::new_with_callback(&obj, py.None()).unwrap();
        assert_eq!(log.len(), 0);
        drop(obj);
        assert_eq!(log.len(), 2);
        let seen: Vec<Bound<'_, PyAny>> = log.extract().unwrap();
        assert!(seen.iter().any(|o| o.is(&r)));
        assert!(seen.iter().any(|o| o.is(&p)));
        assert!(plain.upgrade().is_none());
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: upgrading a weakproxy panics (not callable)")]
fn proxies_forward_and_fail_after_death() {
    Python::attach(|py| {
        let obj = new_object(py);
        let p = PyWeakrefProxy::new(&obj).unwrap();
        assert_eq!(p.getattr("x").unwrap().extract::<i32>().unwrap(), 5);
        assert!(p.upgrade().unwrap().is(&obj));
        drop(obj);
        assert!(p.upgrade().is_none());
        let err = p.getattr("x").unwrap_err();
        assert!(err.is_instance_of::<PyReferenceError>(py));
        assert_eq!(err.value(py).to_string(), "weakly-referenced object no longer exists");
        // A callable referent gives a `CallableProxyType`, still a `PyWeakrefProxy`.
        let f = py.eval(c_str!("lambda: 3"), None, None).unwrap();
        let cp = PyWeakrefProxy::new(&f).unwrap();
        assert_eq!(cp.call0().unwrap().extract::<i32>().unwrap(), 3);
        let callable_proxy_type =
            py.import("weakref").unwrap().getattr("CallableProxyType").unwrap();
        assert!(cp.get_type().is(&callable_proxy_type));
    });
}

#[test]
fn type_checks_and_errors() {
    Python::attach(|py| {
        let obj = new_object(py);
        let r = PyWeakrefReference::new(&obj).unwrap().into_any();
        let p = PyWeakrefProxy::new(&obj).unwrap().into_any();
        assert!(r.cast::<PyWeakref>().is_ok());
        assert!(p.cast::<PyWeakref>().is_ok());
        assert!(r.cast::<PyWeakrefProxy>().is_err());
        assert!(p.cast::<PyWeakrefReference>().is_err());
        assert!(r.is_instance_of::<PyWeakrefReference>());
        let any_ref = r.cast::<PyWeakref>().unwrap();
        assert!(any_ref.upgrade().unwrap().is(&obj));
        let err = obj.cast::<PyWeakref>().map_err(PyErr::from).unwrap_err();
        assert_eq!(err.value(py).to_string(), "'Thing' object is not an instance of 'weakref'");
        assert_eq!(
            PyWeakrefReference::type_object(py).getattr("__name__").unwrap().to_string(),
            py.import("weakref")
                .unwrap()
                .getattr("ref")
                .unwrap()
                .getattr("__name__")
                .unwrap()
                .to_string()
        );
        let s = PyString::new(py, "no weakrefs");
        let err = PyWeakrefReference::new(s.as_any()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "cannot create weak reference to 'str' object");
        let err = PyWeakrefProxy::new(s.as_any()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}
