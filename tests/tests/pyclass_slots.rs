//! The remaining slot entry points of the `#[pyclass]` runtime, written as the macros expand
//! them (no `unsafe`): `__iter__`/`__next__`, `__hash__`, `__bool__`, `__call__`,
//! `__getitem__`, `__contains__`, `__str__`, `__traverse__`/`__clear__` with a `__dict__`, and
//! extraction by clone.
#![forbid(unsafe_code)]
#![allow(non_camel_case_types, non_upper_case_globals)]
#![allow(clippy::let_unit_value, clippy::unit_arg)]

use pyo3::impl_::argument::ret;
use pyo3::impl_::extract::{ArgSource, Extra, FunctionDescription};
use pyo3::impl_::pyclass::*;
use pyo3::impl_::pyfunction::PyFunctionImpl;
use pyo3::impl_::type_object::{ClassKind, LazyTypeInfo};
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::False;
use pyo3::pyclass::{PyClass, PyTraverseError, PyVisit};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};
use std::ffi::CString;

// #[pyclass(dict)] struct Bag { items: Vec<i64>, pos: usize, held: Option<Py<PyAny>> }
pub struct Bag {
    items: Vec<i64>,
    pos: usize,
    held: Option<Py<PyAny>>,
}

impl Clone for Bag {
    fn clone(&self) -> Self {
        Bag { items: self.items.clone(), pos: self.pos, held: None }
    }
}

impl LazyTypeInfo for Bag {
    const NAME: &'static str = "Bag";
    const MODULE: Option<&'static str> = Some("pyclass_slots");
    type Kind = ClassKind;
}

impl PyClassImpl for Bag {
    const DOC: &'static std::ffi::CStr = c"";
    type BaseType = PyAny;
    type ThreadChecker = SendablePyClass<Bag>;
    type Dict = PyClassDictSlot;
    type WeakRef = PyClassDummySlot;
    fn items_iter() -> PyClassItemsIter {
        static INTRINSIC: PyClassItems =
            PyClassItems { methods: &[], slots: &[], text_signature: None };
        #[allow(unused_imports)]
        use pyo3::impl_::pyclass::PyMethods as _;
        PyClassItemsIter::new(&INTRINSIC, PyClassImplCollector::<Self>::new().py_methods())
    }
    fn lazy_type_object() -> &'static LazyTypeObject<Self> {
        static TYPE_OBJECT: LazyTypeObject<Bag> = LazyTypeObject::new();
        &TYPE_OBJECT
    }
}

impl PyClass for Bag {
    type Frozen = False;
}

// #[pyclass(from_py_object)]-style extraction by clone.
impl<'a, 'py> FromPyObject<'a, 'py> for Bag {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        extract_cloned(obj)
    }
}

pub struct __iter;
impl PyUnaryImpl for __iter {
    fn call<'py>(_py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        borrow_self_mut::<Bag>(Some(slf))?.pos = 0;
        Ok(slf.to_owned())
    }
}

pub struct __next;
impl PyIterNextImpl for __next {
    fn next<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let mut slf = borrow_self_mut::<Bag>(Some(slf))?;
        let item = slf.items.get(slf.pos).copied();
        slf.pos += 1;
        item.map(|i| ret(py, i)).transpose()
    }
}

pub struct __str;
impl PyUnaryImpl for __str {
    fn call<'py>(py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        ret(py, format!("bag of {}", borrow_self::<Bag>(Some(slf))?.items.len()))
    }
}

pub struct __hash;
impl PyHashImpl for __hash {
    fn hash(_py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<isize> {
        // -1 must reach Python as -2.
        Ok(if borrow_self::<Bag>(Some(slf))?.items.is_empty() { -1 } else { 7 })
    }
}

pub struct __bool;
impl PyInquiryImpl for __bool {
    fn call(_py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<bool> {
        Ok(!borrow_self::<Bag>(Some(slf))?.items.is_empty())
    }
}

pub struct __getitem;
impl PyBinaryImpl for __getitem {
    fn call<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        key: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let i: usize = key.extract()?;
        let slf = borrow_self::<Bag>(Some(slf))?;
        let item = slf.items.get(i).copied();
        let item = item.ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("out of range"))?;
        ret(py, item)
    }
}

pub struct __contains;
impl PyContainsImpl for __contains {
    fn contains(
        _py: Python<'_>,
        slf: Borrowed<'_, '_, PyAny>,
        v: Borrowed<'_, '_, PyAny>,
    ) -> PyResult<bool> {
        let Ok(v) = v.extract::<i64>() else { return Ok(false) };
        Ok(borrow_self::<Bag>(Some(slf))?.items.contains(&v))
    }
}

pub struct __call;
impl PyFunctionImpl for __call {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("Bag"),
            name: "__call__",
            params: &[],
            positional: 0,
            varargs: true,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let Extra { varargs, .. } = ArgSource::extract(args, &DESC, &mut [])?;
        let n = varargs.map_or(0, |a| a.len());
        let mut slf = borrow_self_mut::<Bag>(slf)?;
        slf.items.push(n as i64);
        ret(py, slf.items.len())
    }
}

pub struct __traverse;
impl PyTraverseImpl for __traverse {
    type Class = Bag;
    fn traverse(slf: &Bag, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&slf.held)
    }
}

pub struct __clear;
impl PyClearImpl for __clear {
    fn clear(_py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<()> {
        borrow_self_mut::<Bag>(Some(slf))?.held = None;
        Ok(())
    }
}

impl PyMethods<Bag> for PyClassImplCollector<Bag> {
    fn py_methods(self) -> &'static PyClassItems {
        static ITEMS: PyClassItems = PyClassItems {
            methods: &[],
            slots: &[
                PyClassSlot::tp_iter::<__iter>(),
                PyClassSlot::tp_iternext::<__next>(),
                PyClassSlot::tp_str::<__str>(),
                PyClassSlot::tp_hash::<__hash>(),
                PyClassSlot::nb_bool::<__bool>(),
                PyClassSlot::mp_subscript::<__getitem>(),
                PyClassSlot::sq_contains::<__contains>(),
                PyClassSlot::tp_call::<__call>(),
                PyClassSlot::tp_traverse::<__traverse>(),
                PyClassSlot::tp_clear::<__clear>(),
            ],
            text_signature: None,
        };
        &ITEMS
    }
}

#[test]
fn slots_through_python() {
    Python::attach(|py| {
        let bag = Bound::new(py, Bag { items: vec![1, 2, 3], pos: 0, held: None }).unwrap();
        let g = PyDict::new(py);
        g.set_item("b", &bag).unwrap();
        g.set_item("e", Bound::new(py, Bag { items: vec![], pos: 0, held: None }).unwrap())
            .unwrap();
        let code = CString::new(
            r#"
listed = list(b)
again = list(b)
s = str(b)
h = (hash(b), hash(e))
truth = (bool(b), bool(e))
item = b[1]
try:
    b[10]
    idx = None
except IndexError as x:
    idx = str(x)
has = (2 in b, 9 in b, 'x' in b)
called = b(None, None)
b.extra = 5
extra = b.extra
# `__dict__` itself needs PyObject_GenericGetDict (limited API: 3.10+).
d = getattr(b, '__dict__', {'extra': b.extra})
"#,
        )
        .unwrap();
        py.run(&code, Some(&g), None).unwrap();
        let get = |k: &str| g.get_item(k).unwrap().unwrap();
        assert_eq!(get("listed").extract::<Vec<i64>>().unwrap(), [1, 2, 3]);
        assert_eq!(get("again").extract::<Vec<i64>>().unwrap(), [1, 2, 3]);
        assert_eq!(get("s").extract::<String>().unwrap(), "bag of 3");
        assert_eq!(get("h").extract::<(isize, isize)>().unwrap(), (7, -2));
        assert_eq!(get("truth").extract::<(bool, bool)>().unwrap(), (true, false));
        assert_eq!(get("item").extract::<i64>().unwrap(), 2);
        assert_eq!(get("idx").extract::<String>().unwrap(), "out of range");
        assert_eq!(get("has").extract::<(bool, bool, bool)>().unwrap(), (true, false, false));
        assert_eq!(get("called").extract::<usize>().unwrap(), 4);
        assert_eq!(get("extra").extract::<i64>().unwrap(), 5);
        assert_eq!(get("d").get_item("extra").unwrap().extract::<i64>().unwrap(), 5);
        if cfg!(any(not(Py_LIMITED_API), Py_3_10)) {
            assert!(bag.hasattr("__dict__").unwrap());
        }
        // Extraction by clone: an independent copy.
        let copy: Bag = bag.extract().unwrap();
        assert_eq!(copy.items, [1, 2, 3, 2]);
        let _ = PyTuple::empty(py);
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: one gc.collect() leaves the cpyext cycle")]
fn cycles_through_the_dict_and_a_field_are_collected() {
    Python::attach(|py| {
        let bag = Bound::new(py, Bag { items: vec![], pos: 0, held: None }).unwrap();
        let marker = py.eval(c"type('M', (), {})()", None, None).unwrap();
        bag.borrow_mut().held = Some(bag.clone().into_any().unbind());
        bag.setattr("me", &bag).unwrap();
        bag.setattr("marker", &marker).unwrap();
        let weak = py.import("weakref").unwrap().getattr("ref").unwrap().call1((&marker,)).unwrap();
        drop(marker);
        drop(bag);
        assert!(!weak.call0().unwrap().is_none(), "the cycle keeps the bag alive");
        py.import("gc").unwrap().call_method0("collect").unwrap();
        assert!(weak.call0().unwrap().is_none(), "the collector freed the cycle");
    });
}
