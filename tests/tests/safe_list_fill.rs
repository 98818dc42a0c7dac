//! Lists made at their final size (`PyList::new` of an exact-size iterator, filled in place)
//! and `Vec<T>` read from exact lists and tuples by index: iterators that report a wrong length,
//! errors and panics mid-way (no leaked item), and lists that change while they are read.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// An iterator whose `size_hint` claims `claimed` items while it yields `actual`.
struct Liar {
    next: usize,
    actual: usize,
    claimed: usize,
}

impl Iterator for Liar {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        (self.next < self.actual).then(|| {
            self.next += 1;
            self.next - 1
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.claimed.saturating_sub(self.next);
        (left, Some(left))
    }
}

fn items(list: &Bound<'_, PyList>) -> Vec<usize> {
    list.extract().unwrap()
}

#[test]
fn list_new_fills_exact_and_wrong_length_iterators() {
    Python::attach(|py| {
        let list = PyList::new(py, 0..5usize).unwrap();
        assert_eq!(items(&list), [0, 1, 2, 3, 4]);
        assert_eq!(list.len(), 5);
        let empty = PyList::new(py, Vec::<i32>::new()).unwrap();
        assert_eq!(empty.len(), 0);
        // Fewer than claimed: the empty tail is dropped.
        let short = PyList::new(py, Liar { next: 0, actual: 3, claimed: 10 }).unwrap();
        assert_eq!(items(&short), [0, 1, 2]);
        assert_eq!(short.repr().unwrap().to_string(), "[0, 1, 2]");
        let none = PyList::new(py, Liar { next: 0, actual: 0, claimed: 4 }).unwrap();
        assert_eq!(none.len(), 0);
        // More than claimed: the rest is appended.
        let long = PyList::new(py, Liar { next: 0, actual: 6, claimed: 2 }).unwrap();
        assert_eq!(items(&long), [0, 1, 2, 3, 4, 5]);
        // Filter reports no exact size: the append path.
        let odd = PyList::new(py, (0..7usize).filter(|i| i % 2 == 1)).unwrap();
        assert_eq!(items(&odd), [1, 3, 5]);
    });
}

/// Converts to its object, or fails (`Err`) / panics at a chosen item.
struct Item<'py>(Bound<'py, PyAny>, Option<bool>);

impl<'py> IntoPyObject<'py> for Item<'py> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, _py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.1 {
            None => Ok(self.0),
            Some(false) => Err(PyValueError::new_err("item refused")),
            Some(true) => panic!("item panicked"),
        }
    }
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn list_new_errors_and_panics_release_the_items_already_placed() {
    Python::attach(|py| {
        let obj = py.eval(c"object()", None, None).unwrap();
        let base = obj.get_refcnt();
        for panics in [false, true] {
            let make = |i: usize| Item(obj.clone(), (i == 3).then_some(panics));
            let result =
                catch_unwind(AssertUnwindSafe(|| PyList::new(py, (0..6).map(make)).map(drop)));
            match result {
                Ok(Err(e)) => {
                    assert!(!panics);
                    assert!(e.is_instance_of::<PyValueError>(py));
                    assert_eq!(e.value(py).to_string(), "item refused");
                }
                Err(_) => assert!(panics),
                Ok(Ok(())) => panic!("the list was made"),
            }
            // The three items placed before the failure were released with the list.
            assert_eq!(obj.get_refcnt(), base);
        }
        let list = PyList::new(py, (0..4).map(|_| Item(obj.clone(), None))).unwrap();
        assert_eq!(obj.get_refcnt(), base + 4);
        drop(list);
        assert_eq!(obj.get_refcnt(), base);
    });
}

#[test]
fn vec_from_exact_lists_and_tuples_matches_iteration() {
    Python::attach(|py| {
        let list = py.eval(c"[1, 2, 3]", None, None).unwrap();
        assert_eq!(list.extract::<Vec<i64>>().unwrap(), [1, 2, 3]);
        let tuple = py.eval(c"(4, 5)", None, None).unwrap();
        assert_eq!(tuple.extract::<Vec<i64>>().unwrap(), [4, 5]);
        assert!(tuple.is_exact_instance_of::<PyTuple>());
        // A list subclass iterates its own way: iteration is used, not the items.
        let globals = pyo3::types::PyDict::new(py);
        py.run(
            c"class L(list):\n    def __iter__(self):\n        return iter([7, 8])\nsub = L([1, 2, 3])\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let sub = globals.get_item("sub").unwrap().unwrap();
        assert_eq!(sub.extract::<Vec<i64>>().unwrap(), [7, 8]);
        // The error of an item is the item's.
        let bad = py.eval(c"[1, 'x']", None, None).unwrap();
        let err = bad.extract::<Vec<i64>>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        let err = py.eval(c"(1, 2**70)", None, None).unwrap().extract::<Vec<i64>>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
    });
}

/// Extracting one of these runs Python code: `clear` empties the list being read, `grow`
/// appends to it.
struct Meddler(i64);

impl<'a, 'py> FromPyObject<'a, 'py> for Meddler {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(action) = obj.getattr("action") {
            action.call0()?;
            return Ok(Meddler(-1));
        }
        Ok(Meddler(obj.extract()?))
    }
}

#[test]
fn vec_from_a_list_that_changes_while_it_is_read() {
    Python::attach(|py| {
        let globals = pyo3::types::PyDict::new(py);
        py.run(
            c"import types
shrink = [1, None, 2, 3]
shrink[1] = types.SimpleNamespace(action=lambda: shrink.clear())
grow = [1, None]
grow[1] = types.SimpleNamespace(action=lambda: grow.extend([5, 6]))
",
            Some(&globals),
            None,
        )
        .unwrap();
        let shrink = globals.get_item("shrink").unwrap().unwrap();
        let got: Vec<i64> =
            shrink.extract::<Vec<Meddler>>().unwrap().into_iter().map(|m| m.0).collect();
        // The item being extracted was held while the list dropped it; the walk then ends.
        assert_eq!(got, [1, -1]);
        assert_eq!(shrink.len().unwrap(), 0);
        let grow = globals.get_item("grow").unwrap().unwrap();
        let got: Vec<i64> =
            grow.extract::<Vec<Meddler>>().unwrap().into_iter().map(|m| m.0).collect();
        assert_eq!(got, [1, -1, 5, 6]);
    });
}
