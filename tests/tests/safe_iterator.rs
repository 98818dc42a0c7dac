//! `PyIterator`, `try_iter`, and the lazy iterators of `list`, `tuple` and `dict`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyTuple};

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: PyObject_LengthHint gives 0 for a range iterator")]
fn iterator_yields_items_then_ends() {
    Python::attach(|py| {
        let range = py.eval(c_str!("range(3)"), None, None).unwrap();
        let it = PyIterator::from_object(&range).unwrap();
        let items: Vec<i32> = it.map(|r| r.unwrap().extract::<i32>().unwrap()).collect();
        assert_eq!(items, [0, 1, 2]);
        let mut it = range.try_iter().unwrap();
        // The limited API has no `PyObject_LengthHint`: the hint is then Rust's default, as in PyO3.
        #[cfg(not(Py_LIMITED_API))]
        assert_eq!(it.size_hint().0, 3);
        assert_eq!(it.next().unwrap().unwrap().extract::<i32>().unwrap(), 0);
        let rest: Vec<i32> = (&it).map(|r| r.unwrap().extract().unwrap()).collect();
        assert_eq!(rest, [1, 2]);
        assert!(it.next().is_none());
        assert!(it.next().is_none());
    });
}

#[test]
fn iterator_errors_are_reported() {
    Python::attach(|py| {
        let e = PyIterator::from_object(&5i32.into_pyobject(py).unwrap()).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(message(py, &e), "'int' object is not iterable");
        let gen = py
            .eval(
                c_str!("(lambda: ((yield 1), (_ for _ in ()).throw(ValueError('bad'))))()"),
                None,
                None,
            )
            .unwrap();
        let mut it = gen.try_iter().unwrap();
        assert_eq!(it.next().unwrap().unwrap().extract::<i32>().unwrap(), 1);
        let e = it.next().unwrap().unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &e), "bad");
        assert!(it.next().is_none());
        // Only iterators pass the type check.
        let list = PyList::new(py, [1, 2]).unwrap();
        let e = list.as_any().cast::<PyIterator>().unwrap_err();
        assert_eq!(e.to_string(), "'list' object is not an instance of 'Iterator'");
        assert!(list.try_iter().unwrap().as_any().cast::<PyIterator>().is_ok());
    });
}

#[test]
fn iterator_items_are_owned_references() {
    Python::attach(|py| {
        let obj = py.eval(c_str!("object()"), None, None).unwrap();
        let list = PyList::new(py, [&obj, &obj]).unwrap();
        let before = obj.get_refcnt();
        let items: Vec<_> = list.try_iter().unwrap().map(Result::unwrap).collect();
        assert_eq!(obj.get_refcnt(), before + 2);
        drop(items);
        assert_eq!(obj.get_refcnt(), before);
    });
}

#[test]
fn list_iterator_is_lazy_and_sees_changes() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2, 3]).unwrap();
        let mut it = list.iter();
        assert_eq!(it.len(), 3);
        assert_eq!(it.next().unwrap().extract::<i32>().unwrap(), 1);
        list.as_any().del_item(2).unwrap();
        // The end moved: only the remaining item is yielded.
        assert_eq!(it.len(), 1);
        assert_eq!(it.next().unwrap().extract::<i32>().unwrap(), 2);
        assert!(it.next().is_none());
        let back: Vec<i32> = list.iter().rev().map(|x| x.extract().unwrap()).collect();
        assert_eq!(back, [2, 1]);
        let mut sum = 0;
        for x in &list {
            sum += x.extract::<i32>().unwrap();
        }
        assert_eq!(sum, 3);
    });
}

#[test]
fn tuple_iterator_is_exact_and_double_ended() {
    Python::attach(|py| {
        let t = PyTuple::new(py, ["a", "b", "c"]).unwrap();
        let mut it = t.iter();
        assert_eq!(it.len(), 3);
        assert_eq!(it.next_back().unwrap().extract::<String>().unwrap(), "c");
        assert_eq!(it.next().unwrap().extract::<String>().unwrap(), "a");
        assert_eq!(it.len(), 1);
        let all: Vec<String> = t.into_iter().map(|x| x.extract().unwrap()).collect();
        assert_eq!(all, ["a", "b", "c"]);
    });
}

#[test]
fn dict_iterator_yields_pairs_in_order() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        d.set_item("x", 1).unwrap();
        d.set_item("y", 2).unwrap();
        let mut it = d.iter();
        assert_eq!(it.len(), 2);
        let (k, v) = it.next().unwrap();
        assert_eq!((k.extract::<String>().unwrap(), v.extract::<i32>().unwrap()), ("x".into(), 1));
        assert_eq!(it.len(), 1);
        let pairs: Vec<(String, i32)> =
            (&d).into_iter().map(|(k, v)| (k.extract().unwrap(), v.extract().unwrap())).collect();
        assert_eq!(pairs, [("x".to_string(), 1), ("y".to_string(), 2)]);
        // Setting an existing key does not change the size: allowed.
        for (k, _) in &d {
            d.set_item(k, 0).unwrap();
        }
        assert_eq!(d.get_item("y").unwrap().unwrap().extract::<i32>().unwrap(), 0);
    });
}

#[test]
fn dict_iterator_panics_when_the_size_changes() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        d.set_item(1, 1).unwrap();
        d.set_item(2, 2).unwrap();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for (k, _) in &d {
                d.set_item(k.extract::<i32>().unwrap() + 10, 0).unwrap();
            }
        }));
        let payload = caught.unwrap_err();
        assert_eq!(
            payload.downcast_ref::<&str>().copied(),
            Some("dictionary changed size during iteration")
        );
    });
}
