//! `PySequence` and `PyMapping`: type checks (builtin fast paths, `collections.abc` subclasses
//! and registration), the protocol methods, and their errors.

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError, PyValueError};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{
    PyByteArray, PyDict, PyFrozenSet, PyList, PyMapping, PyMappingMethods, PySequence,
    PySequenceMethods, PyString, PyTuple,
};

#[test]
fn sequence_type_checks() {
    Python::attach(|py| {
        for code in
            [c_str!("[1]"), c_str!("(1,)"), c_str!("'ab'"), c_str!("range(3)"), c_str!("b'x'")]
        {
            assert!(py.eval(code, None, None).unwrap().cast::<PySequence>().is_ok(), "{code:?}");
        }
        for code in [c_str!("{1: 2}"), c_str!("{1}"), c_str!("3"), c_str!("iter([])")] {
            assert!(py.eval(code, None, None).unwrap().cast::<PySequence>().is_err(), "{code:?}");
        }
        let d = PyDict::new(py);
        let err = PyErr::from(d.as_any().cast::<PySequence>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "'dict' object is not an instance of 'Sequence'");
        // A class with `__getitem__` and `__len__` is no Sequence until registered.
        let globals = PyDict::new(py);
        py.run(
            c_str!("class Seq:\n    def __len__(self): return 2\n    def __getitem__(self, i):\n        if i >= 2: raise IndexError(i)\n        return i * 10\n"),
            Some(&globals),
            None,
        )
        .unwrap();
        let cls = globals.get_item("Seq").unwrap().unwrap();
        let inst = cls.call0().unwrap();
        assert!(inst.cast::<PySequence>().is_err());
        py.import("collections.abc")
            .unwrap()
            .getattr("Sequence")
            .unwrap()
            .call_method1("register", (&cls,))
            .unwrap();
        let seq = inst.cast::<PySequence>().unwrap();
        assert_eq!(seq.len().unwrap(), 2);
        assert_eq!(seq.get_item(1).unwrap().extract::<i32>().unwrap(), 10);
        // `PySequence::register` for a native type (one no other test casts).
        let fs = PyFrozenSet::new(py, [1]).unwrap();
        assert!(fs.as_any().cast::<PySequence>().is_err());
        PySequence::register::<PyFrozenSet>(py).unwrap();
        assert!(fs.as_any().cast::<PySequence>().is_ok());
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn sequence_methods() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2, 3, 2]).unwrap();
        let seq = list.as_any().cast::<PySequence>().unwrap();
        assert_eq!(seq.len().unwrap(), 4);
        assert!(!seq.is_empty().unwrap());
        assert_eq!(seq.get_item(2).unwrap().extract::<i32>().unwrap(), 3);
        let err = seq.get_item(9).unwrap_err();
        assert!(err.is_instance_of::<PyIndexError>(py));
        assert_eq!(err.value(py).to_string(), "list index out of range");
        #[cfg(not(PyPy))] // `PySequence::count` is not on PyPy, as in PyO3.
        assert_eq!(seq.count(2).unwrap(), 2);
        assert!(seq.contains(3).unwrap());
        assert!(!seq.contains(7).unwrap());
        assert_eq!(seq.index(2).unwrap(), 1);
        let err = seq.index(7).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert!(err.value(py).to_string().ends_with("not in sequence"), "{}", err.value(py));
        assert_eq!(
            seq.get_slice(1, 3).unwrap().to_list().unwrap().extract::<Vec<i32>>().unwrap(),
            [2, 3]
        );
        assert_eq!(seq.get_slice(2, usize::MAX).unwrap().extract::<Vec<i32>>().unwrap(), [3, 2]);
        let tuple = seq.to_tuple().unwrap();
        assert_eq!(tuple.extract::<(i32, i32, i32, i32)>().unwrap(), (1, 2, 3, 2));
        let copy = seq.to_list().unwrap();
        assert!(!copy.is(&list));
        let doubled = seq.concat(seq).unwrap();
        assert_eq!(doubled.len().unwrap(), 8);
        assert_eq!(seq.repeat(2).unwrap().extract::<Vec<i32>>().unwrap(), [1, 2, 3, 2, 1, 2, 3, 2]);
        seq.set_item(0, "zero").unwrap();
        assert_eq!(list.get_item(0).unwrap().extract::<String>().unwrap(), "zero");
        seq.del_item(0).unwrap();
        seq.set_slice(0, 1, PyTuple::new(py, [8, 9]).unwrap().as_any()).unwrap();
        assert_eq!(list.extract::<Vec<i32>>().unwrap(), [8, 9, 3, 2]);
        seq.del_slice(1, 3).unwrap();
        assert_eq!(list.extract::<Vec<i32>>().unwrap(), [8, 2]);
        let before = list.get_refcnt();
        let grown = seq.in_place_concat(copy.as_any().cast::<PySequence>().unwrap()).unwrap();
        assert!(grown.is(&list));
        assert_eq!(list.len(), 6);
        drop(grown);
        assert_eq!(list.get_refcnt(), before);
        assert!(seq.in_place_repeat(0).unwrap().is(&list));
        assert!(seq.is_empty().unwrap());
        // Immutable sequences refuse assignment.
        let t = PyTuple::new(py, [1]).unwrap();
        let err = t.as_any().cast::<PySequence>().unwrap().set_item(0, 2).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "'tuple' object does not support item assignment");
        let s = PyString::new(py, "abc");
        let sseq = s.as_any().cast::<PySequence>().unwrap();
        assert_eq!(sseq.in_place_repeat(2).unwrap().extract::<String>().unwrap(), "abcabc");
        assert_eq!(s.to_cow().unwrap(), "abc");
    });
}

#[test]
fn mapping_type_checks_and_methods() {
    Python::attach(|py| {
        let dict = PyDict::new(py);
        dict.set_item("a", 1).unwrap();
        dict.set_item("b", 2).unwrap();
        let m = dict.as_any().cast::<PyMapping>().unwrap();
        assert_eq!(m.len().unwrap(), 2);
        assert!(m.contains("a").unwrap());
        assert!(!m.contains("z").unwrap());
        assert_eq!(m.get_item("b").unwrap().extract::<i32>().unwrap(), 2);
        let err = m.get_item("z").unwrap_err();
        assert!(err.is_instance_of::<PyKeyError>(py));
        assert_eq!(err.value(py).to_string(), "'z'");
        m.set_item("c", 3).unwrap();
        m.del_item("a").unwrap();
        assert_eq!(m.keys().unwrap().extract::<Vec<String>>().unwrap(), ["b", "c"]);
        assert_eq!(m.values().unwrap().extract::<Vec<i32>>().unwrap(), [2, 3]);
        assert_eq!(
            m.items().unwrap().extract::<Vec<(String, i32)>>().unwrap(),
            [("b".to_string(), 2), ("c".to_string(), 3)]
        );
        let err = m.contains(PyList::empty(py)).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        // 3.14 says what the value was to become.
        let expected = if cfg!(Py_3_14) {
            "cannot use 'list' as a dict key (unhashable type: 'list')"
        } else {
            "unhashable type: 'list'"
        };
        assert_eq!(err.value(py).to_string(), expected);
        let proxy =
            py.eval(c_str!("__import__('types').MappingProxyType({1: 2})"), None, None).unwrap();
        let pm = proxy.cast::<PyMapping>().unwrap();
        assert_eq!(pm.len().unwrap(), 1);
        for code in [c_str!("[1]"), c_str!("'s'"), c_str!("3")] {
            assert!(py.eval(code, None, None).unwrap().cast::<PyMapping>().is_err(), "{code:?}");
        }
        let l = PyByteArray::new(py, b"");
        let err = PyErr::from(l.as_any().cast::<PyMapping>().unwrap_err());
        assert_eq!(err.value(py).to_string(), "'bytearray' object is not an instance of 'Mapping'");
        PyMapping::register::<PyByteArray>(py).unwrap();
        assert!(l.as_any().cast::<PyMapping>().is_ok());
        assert!(!PyErr::occurred(py));
    });
}
