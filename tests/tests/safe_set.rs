//! `PySet`, `PyFrozenSet`, and `HashSet`/`BTreeSet` conversions.

use pyo3::exceptions::PyTypeError;
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{PyFrozenSet, PyList, PySet};
use std::collections::{BTreeSet, HashSet};

/// CPython's error for a list put in a set; 3.14 says what the value was to become.
const UNHASHABLE: &str = if cfg!(Py_3_14) {
    "cannot use 'list' as a set element (unhashable type: 'list')"
} else {
    "unhashable type: 'list'"
};

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

#[test]
fn set_methods() {
    Python::attach(|py| {
        let set = PySet::new(py, [1, 2, 2, 3]).unwrap();
        assert_eq!(set.len(), 3);
        assert!(set.contains(2).unwrap());
        assert!(!set.contains(7).unwrap());
        set.add(7).unwrap();
        assert!(set.contains(7).unwrap());
        assert!(set.discard(7).unwrap());
        assert!(!set.discard(7).unwrap());
        let mut items: Vec<i32> = set.iter().map(|x| x.extract().unwrap()).collect();
        items.sort();
        assert_eq!(items, [1, 2, 3]);
        assert_eq!(set.iter().len(), 3);
        let popped: i32 = set.pop().unwrap().extract().unwrap();
        assert!((1..=3).contains(&popped));
        assert_eq!(set.len(), 2);
        set.clear();
        assert!(set.is_empty());
        assert!(set.pop().is_none());
        assert!(!PyErr::occurred(py));
        let empty = PySet::empty(py).unwrap();
        assert!(empty.is_empty());
        assert!(empty.as_any().is_exact_instance_of::<PySet>());
    });
}

#[test]
fn set_errors() {
    Python::attach(|py| {
        let unhashable = PyList::empty(py);
        let e = PySet::new(py, [&unhashable]).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), UNHASHABLE);
        let set = PySet::empty(py).unwrap();
        let e = set.add(&unhashable).unwrap_err();
        assert_eq!(message(py, &e), UNHASHABLE);
        let e = set.contains(&unhashable).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        // A frozenset is not a set, nor the reverse.
        let fs = PyFrozenSet::empty(py).unwrap();
        assert_eq!(
            fs.as_any().cast::<PySet>().unwrap_err().to_string(),
            "'frozenset' object is not an instance of 'set'"
        );
        assert!(set.as_any().cast::<PyFrozenSet>().is_err());
        // Subclasses pass.
        let sub = py.eval(c_str!("type('S', (set,), {})({1})"), None, None).unwrap();
        assert_eq!(sub.cast::<PySet>().unwrap().len(), 1);
    });
}

#[test]
fn set_iteration_panics_when_the_set_changes_size() {
    Python::attach(|py| {
        let set = PySet::new(py, [1, 2]).unwrap();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for x in &set {
                set.add(x.extract::<i32>().unwrap() + 100).unwrap();
            }
        }));
        assert!(caught.is_err());
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn frozenset_methods() {
    Python::attach(|py| {
        let fs = PyFrozenSet::new(py, ["a", "b", "a"]).unwrap();
        assert_eq!(fs.len(), 2);
        assert!(fs.contains("a").unwrap());
        assert!(!fs.contains("z").unwrap());
        let mut items: Vec<String> = fs.iter().map(|x| x.extract().unwrap()).collect();
        items.sort();
        assert_eq!(items, ["a", "b"]);
        assert!(PyFrozenSet::empty(py).unwrap().is_empty());
        assert!(fs.hash().is_ok());
        let e = PyFrozenSet::new(py, [PyList::empty(py)]).unwrap_err();
        assert_eq!(message(py, &e), UNHASHABLE);
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn set_elements_are_owned_references() {
    Python::attach(|py| {
        let obj = py.eval(c_str!("object()"), None, None).unwrap();
        let before = obj.get_refcnt();
        let set = PySet::new(py, [&obj]).unwrap();
        assert_eq!(obj.get_refcnt(), before + 1);
        let popped = set.pop().unwrap();
        assert!(popped.is(&obj));
        assert_eq!(obj.get_refcnt(), before + 1);
        drop(popped);
        assert_eq!(obj.get_refcnt(), before);
        set.add(&obj).unwrap();
        assert!(set.discard(&obj).unwrap());
        assert_eq!(obj.get_refcnt(), before);
        let fs = PyFrozenSet::new(py, [&obj]).unwrap();
        assert_eq!(obj.get_refcnt(), before + 1);
        drop(fs);
        assert_eq!(obj.get_refcnt(), before);
    });
}

#[test]
fn rust_sets_round_trip() {
    Python::attach(|py| {
        let hs: HashSet<i64> = [1, 2, 3].into_iter().collect();
        let obj = hs.clone().into_pyobject(py).unwrap();
        assert!(obj.as_any().is_exact_instance_of::<PySet>());
        assert_eq!(obj.len(), 3);
        assert_eq!(obj.extract::<HashSet<i64>>().unwrap(), hs);
        let bs: BTreeSet<String> = ["b".to_string(), "a".to_string()].into_iter().collect();
        let obj = bs.clone().into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<BTreeSet<String>>().unwrap(), bs);
        let fs = py.eval(c_str!("frozenset({4, 5})"), None, None).unwrap();
        assert_eq!(fs.extract::<BTreeSet<u8>>().unwrap(), [4, 5].into_iter().collect());
        assert_eq!(fs.extract::<HashSet<u8>>().unwrap(), [4, 5].into_iter().collect());
    });
}

#[test]
fn rust_set_extraction_errors() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2]).unwrap();
        let e = list.extract::<HashSet<i32>>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'list' object is not an instance of 'set'");
        let e = list.extract::<BTreeSet<i32>>().unwrap_err();
        assert_eq!(message(py, &e), "'list' object is not an instance of 'set'");
        let mixed = py.eval(c_str!("{1, 'x'}"), None, None).unwrap();
        let e = mixed.extract::<HashSet<i32>>().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
    });
}
