//! The API-completeness additions, checked against Python's own results: the operators and
//! attribute helpers of every object, type objects, dicts, lists, tuples, strings, bytes,
//! modules from source, tracebacks, errors, and `Py`/`Borrowed` helpers.

use pyo3::exceptions::{
    PyAttributeError, PyIndexError, PyKeyError, PyTypeError, PyUnicodeDecodeError, PyUserWarning,
    PyValueError, PyZeroDivisionError,
};
use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{
    IntoPyDict, PyBytes, PyDict, PyInt, PyList, PyMapping, PyModule, PyString, PyTraceback,
    PyTuple, PyType,
};
use std::cmp::Ordering;

fn eval<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

#[test]
fn operators_match_python() {
    Python::attach(|py| {
        let seven = 7i32.into_pyobject(py).unwrap().into_any();
        let x = |r: PyResult<Bound<'_, PyAny>>| r.unwrap().extract::<i64>().unwrap();
        assert_eq!(x(seven.add(3)), 10);
        assert_eq!(x(seven.sub(10)), -3);
        assert_eq!(x(seven.mul(6)), 42);
        assert_eq!(seven.div(2).unwrap().extract::<f64>().unwrap(), 3.5);
        assert_eq!(x(seven.floor_div(2)), 3);
        assert_eq!(x(seven.rem(4)), 3);
        assert_eq!(seven.divmod(2).unwrap().extract::<(i64, i64)>().unwrap(), (3, 1));
        assert_eq!(x(seven.lshift(2)), 28);
        assert_eq!(x(seven.rshift(1)), 3);
        assert_eq!(x(seven.bitand(3)), 3);
        assert_eq!(x(seven.bitor(8)), 15);
        assert_eq!(x(seven.bitxor(5)), 2);
        assert_eq!(x(seven.pow(2, py.None())), 49);
        assert_eq!(x(seven.pow(2, 5)), 4);
        assert_eq!(x(seven.neg()), -7);
        assert_eq!(x(seven.neg().unwrap().abs()), 7);
        assert_eq!(x(seven.pos()), 7);
        assert_eq!(x(seven.bitnot()), -8);
        let e = seven.floor_div(0).unwrap_err();
        assert!(e.is_instance_of::<PyZeroDivisionError>(py));
        let e = seven.matmul(1).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert!(message(py, &e).contains("@"), "{}", message(py, &e));
        let s = PyString::new(py, "ab");
        assert_eq!(s.add("cd").unwrap().extract::<String>().unwrap(), "abcd");
        assert_eq!(s.mul(2).unwrap().extract::<String>().unwrap(), "abab");
    });
}

#[test]
fn attribute_membership_and_type_helpers() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2, 3]).unwrap();
        assert!(list.getattr_opt("append").unwrap().is_some());
        assert!(list.getattr_opt("nope").unwrap().is_none());
        let raiser = eval(py, c_str!("type('R', (), {'__getattr__': lambda s, n: 1 // 0})()"));
        assert!(raiser.getattr_opt("x").unwrap_err().is_instance_of::<PyZeroDivisionError>(py));
        assert!(raiser.hasattr("y").unwrap_err().is_instance_of::<PyZeroDivisionError>(py));
        assert!(raiser.hasattr("__class__").unwrap());
        assert!(list.as_any().contains(2).unwrap());
        assert!(!list.as_any().contains(9).unwrap());
        let e = PyInt::new(py, 1).as_any().contains(1).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let list_type = py.get_type::<PyList>();
        assert!(list.as_any().is_exact_instance(list_type.as_any()));
        let sub = eval(py, c_str!("type('L', (list,), {})()"));
        assert!(!sub.is_exact_instance(list_type.as_any()));
        assert!(sub.is_instance(list_type.as_any()).unwrap());
        assert_eq!(list.get_type_ptr(), list_type.as_type_ptr());
        assert_eq!(CompareOp::from_raw(2), Some(CompareOp::Eq));
        assert_eq!(CompareOp::from_raw(6), None);
        assert!(CompareOp::Le.matches(Ordering::Equal) && !CompareOp::Lt.matches(Ordering::Equal));
        assert!(CompareOp::Ne.matches(Ordering::Less) && CompareOp::Ge.matches(Ordering::Greater));
        let one = PyInt::new(py, 1);
        assert!(one.rich_compare(2, CompareOp::Lt).unwrap().is_truthy().unwrap());
    });
}

#[test]
fn type_objects() {
    Python::attach(|py| {
        let ordered = eval(py, c_str!("__import__('collections').OrderedDict"));
        let ordered = ordered.cast::<PyType>().unwrap();
        assert_eq!(ordered.name().unwrap().to_cow().unwrap(), "OrderedDict");
        assert_eq!(
            ordered.fully_qualified_name().unwrap().to_cow().unwrap(),
            "collections.OrderedDict"
        );
        let int_type = PyType::new::<PyInt>(py);
        assert_eq!(int_type.fully_qualified_name().unwrap().to_cow().unwrap(), "int");
        assert!(ordered.is_subclass_of::<PyDict>().unwrap());
        assert!(!int_type.is_subclass_of::<PyDict>().unwrap());
        assert!(ordered.is_subclass(py.get_type::<PyDict>().as_any()).unwrap());
        let e = ordered.is_subclass(PyInt::new(py, 1).as_any()).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let mro: Vec<String> = ordered
            .mro()
            .iter()
            .map(|t| t.cast::<PyType>().unwrap().name().unwrap().to_string())
            .collect();
        assert_eq!(mro, ["OrderedDict", "dict", "object"]);
        assert_eq!(ordered.bases().len(), 1);
        assert!(ordered.bases().get_item(0).unwrap().is(&py.get_type::<PyDict>()));
        let nested = eval(
            py,
            c_str!("(lambda: [c for c in [type('Inner', (), {'__qualname__': 'Outer.Inner', '__module__': 'pkg.mod'})]][0])()"),
        );
        let nested = nested.cast::<PyType>().unwrap();
        assert_eq!(nested.fully_qualified_name().unwrap().to_cow().unwrap(), "pkg.mod.Outer.Inner");
    });
}

#[test]
fn dict_methods() {
    Python::attach(|py| {
        let d = [("a", 1), ("b", 2)].into_py_dict(py).unwrap();
        let copy = d.copy().unwrap();
        assert!(!copy.is(&d));
        assert_eq!(copy.len(), 2);
        assert_eq!(d.keys().extract::<Vec<String>>().unwrap(), ["a", "b"]);
        assert_eq!(d.values().extract::<Vec<i32>>().unwrap(), [1, 2]);
        assert_eq!(
            d.items().extract::<Vec<(String, i32)>>().unwrap(),
            [("a".into(), 1), ("b".into(), 2)]
        );
        d.del_item("a").unwrap();
        assert!(!d.contains("a").unwrap());
        let e = d.del_item("a").unwrap_err();
        assert!(e.is_instance_of::<PyKeyError>(py));
        let other = [("b", 20), ("c", 30)].into_py_dict(py).unwrap();
        d.update_if_missing(other.as_mapping()).unwrap();
        assert_eq!(d.get_item("b").unwrap().unwrap().extract::<i32>().unwrap(), 2);
        assert_eq!(d.get_item("c").unwrap().unwrap().extract::<i32>().unwrap(), 30);
        d.update(other.as_mapping()).unwrap();
        assert_eq!(d.get_item("b").unwrap().unwrap().extract::<i32>().unwrap(), 20);
        let seen = std::cell::RefCell::new(Vec::new());
        d.locked_for_each(|k, v| {
            seen.borrow_mut().push((k.extract::<String>()?, v.extract::<i32>()?));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen.into_inner(), [("b".to_string(), 20), ("c".to_string(), 30)]);
        let e = d.locked_for_each(|_, v| v.extract::<String>().map(drop)).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let mapping: Bound<'_, PyMapping> = d.clone().into_mapping();
        assert_eq!(mapping.len().unwrap(), 2);
        d.clear();
        assert!(d.is_empty() && copy.len() == 2);
        // `PyDict::from_sequence` is not on PyPy, as in PyO3.
        #[cfg(not(PyPy))]
        {
            let seq = PyList::new(py, [("x", 1), ("y", 2), ("x", 3)]).unwrap();
            let from = PyDict::from_sequence(seq.as_any()).unwrap();
            assert_eq!(from.len(), 2);
            assert_eq!(from.get_item("x").unwrap().unwrap().extract::<i32>().unwrap(), 3);
            let bad = PyList::new(py, [1, 2]).unwrap();
            let err = PyDict::from_sequence(bad.as_any()).unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
        }
    });
}

#[test]
fn list_methods() {
    Python::attach(|py| {
        let obj = eval(py, c_str!("object()"));
        let before = obj.get_refcnt();
        let list = PyList::new(py, [3, 1, 2]).unwrap();
        list.set_item(0, &obj).unwrap();
        assert_eq!(obj.get_refcnt(), before + 1);
        list.set_item(0, 3).unwrap();
        assert_eq!(obj.get_refcnt(), before);
        let e = list.set_item(10, &obj).unwrap_err();
        assert!(e.is_instance_of::<PyIndexError>(py));
        assert_eq!(obj.get_refcnt(), before, "a failed set_item must not leak its item");
        list.insert(1, 7).unwrap();
        list.insert(100, 9).unwrap();
        assert_eq!(list.extract::<Vec<i32>>().unwrap(), [3, 7, 1, 2, 9]);
        assert_eq!(list.get_slice(1, 3).extract::<Vec<i32>>().unwrap(), [7, 1]);
        assert_eq!(list.get_slice(3, 100).extract::<Vec<i32>>().unwrap(), [2, 9]);
        assert!(list.contains(7).unwrap() && !list.contains(8).unwrap());
        assert_eq!(list.index(2).unwrap(), 3);
        assert!(list.index(8).unwrap_err().is_instance_of::<PyValueError>(py));
        list.del_item(0).unwrap();
        assert!(list.del_item(10).unwrap_err().is_instance_of::<PyIndexError>(py));
        list.sort().unwrap();
        assert_eq!(list.extract::<Vec<i32>>().unwrap(), [1, 2, 7, 9]);
        list.reverse().unwrap();
        assert_eq!(list.extract::<Vec<i32>>().unwrap(), [9, 7, 2, 1]);
        list.set_slice(1, 3, PyList::new(py, [0, 0, 0]).unwrap().as_any()).unwrap();
        assert_eq!(list.extract::<Vec<i32>>().unwrap(), [9, 0, 0, 0, 1]);
        list.del_slice(1, 4).unwrap();
        assert_eq!(list.to_tuple().extract::<(i32, i32)>().unwrap(), (9, 1));
        assert_eq!(list.as_sequence().len().unwrap(), 2);
        let total = std::cell::Cell::new(0);
        list.locked_for_each(|v| {
            total.set(total.get() + v.extract::<i32>()?);
            Ok(())
        })
        .unwrap();
        assert_eq!(total.get(), 10);
        list.append("x").unwrap();
        assert!(list.sort().unwrap_err().is_instance_of::<PyTypeError>(py));
        assert_eq!(list.clone().into_sequence().len().unwrap(), 3);
    });
}

#[test]
fn tuple_methods() {
    Python::attach(|py| {
        let obj = eval(py, c_str!("object()"));
        let tuple = PyTuple::new(py, [obj.clone(), PyInt::new(py, 5).into_any()]).unwrap();
        let before = obj.get_refcnt();
        let item = tuple.get_borrowed_item(0).unwrap();
        assert!(item.is(&obj));
        assert_eq!(obj.get_refcnt(), before, "borrowing touches no reference count");
        assert!(tuple.get_borrowed_item(2).unwrap_err().is_instance_of::<PyIndexError>(py));
        let items: Vec<_> = tuple.iter_borrowed().collect();
        assert_eq!(items.len(), 2);
        assert_eq!(obj.get_refcnt(), before);
        assert_eq!(tuple.iter_borrowed().next_back().unwrap().extract::<i32>().unwrap(), 5);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        {
            let slice = tuple.as_slice();
            assert!(slice[0].is(&obj) && slice[1].extract::<i32>().unwrap() == 5);
            assert_eq!(obj.get_refcnt(), before);
        }
        assert_eq!(tuple.get_slice(1, 10).extract::<(i32,)>().unwrap(), (5,));
        assert!(tuple.contains(5).unwrap() && !tuple.contains(6).unwrap());
        assert_eq!(tuple.index(5).unwrap(), 1);
        assert!(tuple.to_list().get_item(0).unwrap().is(&obj));
        assert_eq!(tuple.as_sequence().len().unwrap(), 2);
    });
}

#[test]
fn strings_and_bytes() {
    Python::attach(|py| {
        let raw = PyBytes::new(py, b"caf\xc3\xa9");
        let s = PyString::from_encoded_object(raw.as_any(), None, None).unwrap();
        assert_eq!(s.to_cow().unwrap(), "café");
        let s = PyString::from_encoded_object(raw.as_any(), Some(c"latin-1"), None).unwrap();
        assert_eq!(s.to_cow().unwrap(), "cafÃ©");
        let bad = PyBytes::new(py, b"\xff");
        let e = PyString::from_encoded_object(bad.as_any(), None, None).unwrap_err();
        assert!(e.is_instance_of::<PyUnicodeDecodeError>(py));
        let s = PyString::from_encoded_object(bad.as_any(), None, Some(c"replace")).unwrap();
        assert_eq!(s.to_cow().unwrap(), "\u{fffd}");
        let e = PyString::from_encoded_object(s.as_any(), None, None).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let b = PyBytes::new_with(py, 4, |buf| {
            assert_eq!(buf, [0, 0, 0, 0]);
            buf.copy_from_slice(b"abcd");
            Ok(())
        })
        .unwrap();
        assert_eq!(b.as_bytes(), b"abcd");
        assert_eq!(b.get_refcnt(), 1);
        let e = PyBytes::new_with(py, 3, |_| Err(PyValueError::new_err("no"))).unwrap_err();
        assert_eq!(message(py, &e), "no");
        assert_eq!(PyBytes::new_with(py, 0, |_| Ok(())).unwrap().as_bytes(), b"");
    });
}

#[test]
fn modules_from_code_and_tracebacks() {
    Python::attach(|py| {
        let m = PyModule::from_code(
            py,
            c_str!("def f():\n    return 1 // 0\nvalue = 42\n"),
            c_str!("audit_mod.py"),
            c_str!("audit_mod"),
        )
        .unwrap();
        assert_eq!(m.getattr("value").unwrap().extract::<i32>().unwrap(), 42);
        assert_eq!(m.filename().unwrap().to_cow().unwrap(), "audit_mod.py");
        let sys_modules = py.import("sys").unwrap().getattr("modules").unwrap();
        assert!(sys_modules.get_item("audit_mod").unwrap().is(&m));
        let e = m.getattr("f").unwrap().call0().unwrap_err();
        let tb: Bound<'_, PyTraceback> = e.traceback(py).unwrap();
        let text = tb.format().unwrap();
        assert!(text.starts_with("Traceback (most recent call last):\n"), "{text}");
        assert!(text.contains("File \"audit_mod.py\", line 2, in f"), "{text}");
        let e = PyModule::from_code(py, c_str!("def ("), c_str!("bad.py"), c_str!("bad_mod"))
            .unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PySyntaxError>(py));
        assert!(sys_modules.get_item("bad_mod").is_err());
    });
}

#[test]
fn errors() {
    Python::attach(|py| {
        let e = PyErr::from_type(py.get_type::<PyKeyError>(), ("k",));
        assert!(e.is_instance_of::<PyKeyError>(py));
        assert!(e.is_instance(py, py.get_type::<PyKeyError>().as_any()));
        assert!(!e.is_instance(py, py.get_type::<PyValueError>().as_any()));
        let e = PyErr::from_type(py.get_type::<PyInt>(), ());
        assert!(e.is_instance_of::<PyTypeError>(py));
        let dict = [("answer", 42)].into_py_dict(py).unwrap().into_any().unbind();
        let base = py.get_type::<PyValueError>();
        let ty = PyErr::new_type(py, c"audit.MyError", Some(c"My doc."), Some(&base), Some(dict))
            .unwrap();
        let ty = ty.bind(py);
        assert!(ty.is_subclass_of::<PyValueError>().unwrap());
        assert_eq!(ty.name().unwrap().to_cow().unwrap(), "MyError");
        assert_eq!(ty.getattr("__module__").unwrap().extract::<String>().unwrap(), "audit");
        assert_eq!(ty.getattr("__doc__").unwrap().extract::<String>().unwrap(), "My doc.");
        assert_eq!(ty.getattr("answer").unwrap().extract::<i32>().unwrap(), 42);
        let plain = PyErr::new_type(py, c"audit.Plain", None, None, None).unwrap();
        assert!(plain.bind(py).is_subclass_of::<pyo3::exceptions::PyException>().unwrap());
        let e = PyErr::new_type(py, c"NoDot", None, None, None).unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PySystemError>(py));
        let warnings = py.import("warnings").unwrap();
        let catch = warnings
            .call_method("catch_warnings", (), Some(&[("record", true)].into_py_dict(py).unwrap()))
            .unwrap();
        let log = catch.call_method0("__enter__").unwrap();
        warnings.call_method1("simplefilter", ("always",)).unwrap();
        let category = py.get_type::<PyUserWarning>();
        PyErr::warn_explicit(py, category.as_any(), c"careful", c"here.py", 12, Some(c"m"), None)
            .unwrap();
        catch.call_method1("__exit__", (py.None(), py.None(), py.None())).unwrap();
        let w = log.get_item(0).unwrap();
        assert_eq!(w.getattr("filename").unwrap().extract::<String>().unwrap(), "here.py");
        assert_eq!(w.getattr("lineno").unwrap().extract::<i32>().unwrap(), 12);
        assert_eq!(w.getattr("message").unwrap().str().unwrap().to_cow().unwrap(), "careful");
        warnings.call_method1("simplefilter", ("error",)).unwrap();
        let e = PyErr::warn_explicit(py, category.as_any(), c"boom", c"x.py", 1, None, None)
            .unwrap_err();
        assert!(e.is_instance_of::<PyUserWarning>(py));
        warnings.call_method0("resetwarnings").unwrap();
        let sys = py.import("sys").unwrap();
        let stderr = sys.getattr("stderr").unwrap();
        sys.setattr(
            "stderr",
            py.import("io").unwrap().getattr("StringIO").unwrap().call0().unwrap(),
        )
        .unwrap();
        PyValueError::new_err("recorded").print_and_set_sys_last_vars(py);
        let printed = sys.getattr("stderr").unwrap().call_method0("getvalue").unwrap();
        sys.setattr("stderr", stderr).unwrap();
        assert!(printed.extract::<String>().unwrap().contains("ValueError: recorded"));
        assert_eq!(sys.getattr("last_value").unwrap().str().unwrap().to_cow().unwrap(), "recorded");
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn py_and_borrowed_helpers() {
    Python::attach(|py| {
        let obj: Py<PyAny> = PyList::new(py, [1, 2]).unwrap().into_any().unbind();
        let before = obj.get_refcnt(py);
        obj.call_method1(py, "append", (3,)).unwrap();
        assert_eq!(obj.bind(py).len().unwrap(), 3);
        assert_eq!(
            obj.getattr(py, "__len__").unwrap().call0(py).unwrap().extract::<i32>(py).unwrap(),
            3
        );
        assert!(obj.getattr(py, "nope").unwrap_err().is_instance_of::<PyAttributeError>(py));
        assert!(obj.is_truthy(py).unwrap() && !obj.is_none(py));
        assert!(py.None().is_none(py));
        assert_eq!(obj.call_method0(py, "pop").unwrap().extract::<i32>(py).unwrap(), 3);
        assert!(obj.cast_bound::<PyList>(py).is_ok());
        assert!(obj.cast_bound::<PyDict>(py).is_err());
        let ns: Py<PyAny> = eval(py, c_str!("type('N', (), {})()")).unbind();
        ns.setattr(py, "x", 5).unwrap();
        assert_eq!(ns.getattr(py, "x").unwrap().extract::<i32>(py).unwrap(), 5);
        let int_type: Py<PyAny> = py.get_type::<PyInt>().into_any().unbind();
        assert_eq!(int_type.call1(py, ("12",)).unwrap().extract::<i32>(py).unwrap(), 12);
        assert_eq!(int_type.call0(py).unwrap().extract::<i32>(py).unwrap(), 0);
        let kw = [("base", 16)].into_py_dict(py).unwrap();
        assert_eq!(int_type.call(py, ("ff",), Some(&kw)).unwrap().extract::<i32>(py).unwrap(), 255);
        let clone = obj.clone_ref(py);
        assert_eq!(obj.get_refcnt(py), before + 1);
        clone.drop_ref(py);
        assert_eq!(obj.get_refcnt(py), before);
        // SAFETY: `obj` is alive for the borrow; NULL gives the pending exception.
        unsafe {
            let b = pyo3::Borrowed::from_ptr(py, obj.as_ptr());
            assert!(b.is(obj.bind(py)));
            assert_eq!(obj.get_refcnt(py), before);
            PyValueError::new_err("null").restore(py);
            let e = pyo3::Borrowed::from_ptr_or_err(py, std::ptr::null_mut()).unwrap_err();
            assert_eq!(message(py, &e), "null");
            let again = Py::<PyAny>::from_borrowed_ptr_or_opt(py, obj.as_ptr()).unwrap();
            assert_eq!(obj.get_refcnt(py), before + 1);
            drop(again);
            assert!(Py::<PyAny>::from_borrowed_ptr_or_opt(py, std::ptr::null_mut()).is_none());
        }
    });
}
