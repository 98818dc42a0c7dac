//! More of the API-completeness additions: comparing `bool`/`float`/`int` objects with Rust
//! values, the frozenset builder, and the weak reference constructors' PyO3 names.

use pyo3::exceptions::PyTypeError;
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyFloat, PyFrozenSetBuilder, PyInt, PyList, PyWeakrefMethods, PyWeakrefProxy,
    PyWeakrefReference,
};

#[test]
fn scalars_compare_with_rust_values() {
    Python::attach(|py| {
        let t = PyBool::new(py, true);
        assert!(t == true);
        assert!(true == t);
        assert!(t != false);
        assert!(*t == true);
        assert!(false == *PyBool::new(py, false));
        let f = PyFloat::new(py, 1.5);
        assert!(f == 1.5);
        assert!(1.5 == f);
        assert!(f != 2.0);
        assert!(f == 1.5f32);
        let big = PyInt::new(py, u64::MAX);
        assert!(big == u64::MAX);
        assert!(u64::MAX == big);
        assert!(big != -1i64, "out-of-range values compare unequal");
        assert!(big != 0u8);
        let neg = PyInt::new(py, -3);
        assert!(neg == -3i32);
        assert!(neg != 3u32);
        assert!(-3isize == neg);
        assert!(neg.as_borrowed() == -3i8);
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn frozenset_builder() {
    Python::attach(|py| {
        let mut builder = PyFrozenSetBuilder::new(py).unwrap();
        builder.add(1).unwrap();
        builder.add(2).unwrap();
        builder.add(1).unwrap();
        let e = builder.add(PyList::empty(py)).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let set = builder.finalize();
        assert_eq!(set.len(), 2);
        assert!(set.contains(2).unwrap() && !set.contains(3).unwrap());
        assert_eq!(set.get_refcnt(), 1);
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: upgrading a weakproxy panics (not callable)")]
fn weakref_new_with() {
    Python::attach(|py| {
        let obj = py.eval(c_str!("type('W', (), {})()"), None, None).unwrap();
        let log = PyList::empty(py);
        let append = log.getattr("append").unwrap();
        let r = PyWeakrefReference::new_with(&obj, &append).unwrap();
        let p = PyWeakrefProxy::new_with(&obj, &append).unwrap();
        assert!(r.upgrade().unwrap().is(&obj) && p.upgrade().unwrap().is(&obj));
        drop(obj);
        assert!(r.upgrade().is_none());
        assert_eq!(log.len(), 2);
    });
}
