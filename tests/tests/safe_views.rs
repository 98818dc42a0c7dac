//! `PyRange`, `PyMemoryView` and `PyMappingProxy`: construction, accessors, errors, and that
//! views follow (and keep alive) what they view.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMemoryView, PyRange, PyRangeMethods};
#[cfg(any(not(PyPy), Py_3_11))]
use pyo3::types::{
    PyDict, PyMapping, PyMappingMethods, PyMappingProxy, PyMappingProxyMethods, PySequenceMethods,
};

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn ranges() {
    Python::attach(|py| {
        let r = PyRange::new(py, 2, 7).unwrap();
        assert_eq!((r.start().unwrap(), r.stop().unwrap(), r.step().unwrap()), (2, 7, 1));
        assert_eq!(r.len().unwrap(), 5);
        assert_eq!(r.extract::<Vec<i32>>().unwrap(), [2, 3, 4, 5, 6]);
        let r = PyRange::new_with_step(py, 10, -3, -4).unwrap();
        assert_eq!((r.start().unwrap(), r.stop().unwrap(), r.step().unwrap()), (10, -3, -4));
        assert_eq!(r.extract::<Vec<i32>>().unwrap(), [10, 6, 2, -2]);
        assert_eq!(r.repr().unwrap().to_string(), "range(10, -3, -4)");
        assert!(r.is_exact_instance_of::<PyRange>());
        let err = PyRange::new_with_step(py, 0, 1, 0).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "range() arg 3 must not be zero");
        assert!(PyList::empty(py).as_any().cast::<PyRange>().is_err());
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn memoryviews() {
    Python::attach(|py| {
        let array = PyByteArray::new(py, b"abc");
        let before = array.get_refcnt();
        let view = PyMemoryView::from(array.as_any()).unwrap();
        // The view holds its exporter.
        assert!(array.get_refcnt() > before);
        assert_eq!(view.len().unwrap(), 3);
        assert_eq!(view.get_item(0).unwrap().extract::<u8>().unwrap(), b'a');
        view.set_item(1, b'Z').unwrap();
        assert_eq!(array.to_vec(), b"aZc");
        let bytes = view.call_method0("tobytes").unwrap();
        assert_eq!(bytes.cast::<PyBytes>().unwrap().as_bytes(), b"aZc");
        view.call_method0("release").unwrap();
        drop(view);
        assert_eq!(array.get_refcnt(), before);
        let via_try: Bound<'_, PyMemoryView> = array.as_any().try_into().unwrap();
        assert!(via_try.is_instance_of::<PyMemoryView>());
        let err = PyMemoryView::from(PyList::empty(py).as_any()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "memoryview: a bytes-like object is required, not 'list'"
        );
    });
}

/// Not on PyPy 3.9, whose bindings lack `PyDictProxy_New` (as PyO3 gates `PyMappingProxy`).
#[test]
#[cfg(any(not(PyPy), Py_3_11))]
fn mapping_proxies() {
    Python::attach(|py| {
        let dict = PyDict::new(py);
        dict.set_item("k", 1).unwrap();
        let before = dict.get_refcnt();
        let proxy = PyMappingProxy::new(py, dict.as_any().cast::<PyMapping>().unwrap());
        if !cfg!(PyPy) {
            // PyPy's proxy holds the dict on its own side, not through the C-level count.
            assert_eq!(dict.get_refcnt(), before + 1);
        }
        assert!(!proxy.is_empty().unwrap());
        dict.set_item("j", 2).unwrap();
        assert_eq!(
            proxy.keys().unwrap().to_list().unwrap().extract::<Vec<String>>().unwrap(),
            ["k", "j"]
        );
        assert_eq!(proxy.values().unwrap().extract::<Vec<i32>>().unwrap(), [1, 2]);
        assert_eq!(proxy.items().unwrap().len().unwrap(), 2);
        assert_eq!(proxy.as_mapping().get_item("j").unwrap().extract::<i32>().unwrap(), 2);
        let err = proxy.as_mapping().set_item("x", 0).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'mappingproxy' object does not support item assignment"
        );
        let pairs: Vec<(String, i32)> = proxy
            .try_iter()
            .unwrap()
            .map(|kv| kv.and_then(|(k, v)| Ok((k.extract()?, v.extract()?))))
            .collect::<PyResult<_>>()
            .unwrap();
        assert_eq!(pairs, [("k".to_string(), 1), ("j".to_string(), 2)]);
        // Mutation during iteration surfaces as the dict iterator's `RuntimeError`.
        let mut it = proxy.try_iter().unwrap();
        assert!(it.next().unwrap().is_ok());
        dict.set_item("new", 3).unwrap();
        let err = it.next().unwrap().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyRuntimeError>(py));
        assert_eq!(err.value(py).to_string(), "dictionary changed size during iteration");
        drop(it);
        drop(proxy);
        assert_eq!(dict.get_refcnt(), before);
        let empty = PyMappingProxy::new(py, PyDict::new(py).as_any().cast::<PyMapping>().unwrap());
        assert!(empty.is_empty().unwrap());
    });
}
