//! The `#[pyclass]`/`#[pymethods]` runtime, driven by hand-written code shaped exactly like the
//! macros' expansion (so this file needs no `unsafe`): construction, methods, getters and
//! setters, slots, class attributes, borrow conflicts, panics, drops and reference counts (more
//! kinds of classes in `pyclass_kinds.rs`).
#![forbid(unsafe_code)]
// The expansion carries these allows (generated holders may be `()`, bodies may return `()`).
#![allow(non_camel_case_types, non_upper_case_globals)]
#![allow(clippy::let_unit_value, clippy::unit_arg, clippy::needless_question_mark)]

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::impl_::argument::{extract_argument, extract_argument_or, ret, ret_unit};
use pyo3::impl_::extract::{ArgSource, FunctionDescription, Param, ParamKind};
use pyo3::impl_::pyclass::*;
use pyo3::impl_::pyfunction::{PyFunctionDef, PyFunctionImpl};
use pyo3::impl_::type_object::{ClassKind, LazyTypeInfo};
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::False;
use pyo3::pyclass::{CompareOp, PyClass};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use std::ffi::CString;

/// Runs `code` with `vars` as globals; returns the globals.
fn run<'py>(
    py: Python<'py>,
    vars: &[(&str, Bound<'py, PyAny>)],
    code: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let locals = PyDict::new(py);
    for (k, v) in vars {
        locals.set_item(*k, v)?;
    }
    let code = CString::new(code).unwrap();
    py.run(&code, Some(&locals), None)?;
    Ok(locals)
}

// ---------------------------------------------------------------------------------------------
// #[pyclass(subclass, weakref, module = "pyclass_runtime")] struct Counter { count: i64 }

/// The counts of the dropped counters (tests run in parallel: each uses its own values).
static DROPPED: std::sync::Mutex<Vec<i64>> = std::sync::Mutex::new(Vec::new());

fn drops_of(range: std::ops::Range<i64>) -> usize {
    DROPPED.lock().unwrap().iter().filter(|c| range.contains(c)).count()
}

#[derive(Debug)]
pub struct Counter {
    count: i64,
}

impl Drop for Counter {
    fn drop(&mut self) {
        DROPPED.lock().unwrap().push(self.count);
    }
}

// The #[pyclass] expansion.
impl LazyTypeInfo for Counter {
    const NAME: &'static str = "Counter";
    const MODULE: Option<&'static str> = Some("pyclass_runtime");
    type Kind = ClassKind;
}

impl PyClassImpl for Counter {
    const DOC: &'static std::ffi::CStr = c"Counter(start=0)\n--\n\nCounts up.";
    const IS_BASETYPE: bool = true;
    type BaseType = PyAny;
    type ThreadChecker = SendablePyClass<Counter>;
    type Dict = PyClassDummySlot;
    type WeakRef = PyClassWeakRefSlot;
    fn items_iter() -> PyClassItemsIter {
        static INTRINSIC: PyClassItems =
            PyClassItems { methods: &[], slots: &[], text_signature: None };
        #[allow(unused_imports)]
        use pyo3::impl_::pyclass::PyMethods as _;
        let collector = PyClassImplCollector::<Self>::new();
        PyClassItemsIter::new(&INTRINSIC, collector.py_methods())
    }
    fn lazy_type_object() -> &'static LazyTypeObject<Self> {
        static TYPE_OBJECT: LazyTypeObject<Counter> = LazyTypeObject::new();
        &TYPE_OBJECT
    }
}

impl PyClass for Counter {
    type Frozen = False;
}

// The user's #[pymethods] block.
impl Counter {
    fn new(start: i64) -> Self {
        Counter { count: start }
    }
    fn increment(&mut self, by: i64) -> i64 {
        self.count += by;
        self.count
    }
    fn get_count(&self) -> i64 {
        self.count
    }
    fn set_count(&mut self, value: i64) {
        self.count = value;
    }
    fn __repr__(&self) -> String {
        format!("Counter({})", self.count)
    }
    fn __richcmp__(&self, other: PyRef<'_, Counter>, op: CompareOp) -> bool {
        matches(op, self.count.cmp(&other.count))
    }
    fn __len__(&self) -> usize {
        self.count as usize
    }
    fn limit() -> i64 {
        100
    }
    fn double(x: i64) -> i64 {
        2 * x
    }
    fn type_name(cls: &Bound<'_, PyType>) -> PyResult<String> {
        Ok(cls.getattr("__name__")?.extract()?)
    }
    fn boom(&self) {
        panic!("boom in a method");
    }
    fn with_callback(&self, callback: &Bound<'_, PyAny>) -> PyResult<i64> {
        callback.call0()?;
        Ok(self.count)
    }
}

// The #[pymethods] expansion.
pub struct __new_Counter;
impl PyClassNewImpl for __new_Counter {
    type Class = Counter;
    fn new<'a, 'py, A: ArgSource<'a, 'py>>(
        _py: Python<'py>,
        _cls: Borrowed<'a, 'py, PyType>,
        args: A,
    ) -> PyResult<PyClassInitializer<Counter>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("Counter"),
            name: "__new__",
            params: &[Param {
                name: "start",
                kind: ParamKind::PositionalOrKeyword,
                required: false,
            }],
            positional: 1,
            varargs: false,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let mut out = [None; 1];
        ArgSource::extract(args, &DESC, &mut out)?;
        let mut h0 = Default::default();
        let start: i64 = extract_argument_or(out[0], &mut h0, "start", || 0)?;
        into_initializer(Counter::new(start))
    }
}

pub struct __method_increment;
impl PyFunctionImpl for __method_increment {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("Counter"),
            name: "increment",
            params: &[Param { name: "by", kind: ParamKind::PositionalOrKeyword, required: false }],
            positional: 1,
            varargs: false,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let mut out = [None; 1];
        ArgSource::extract(args, &DESC, &mut out)?;
        let mut slf = borrow_self_mut::<Counter>(slf)?;
        let mut h0 = Default::default();
        let by: i64 = extract_argument_or(out[0], &mut h0, "by", || 1)?;
        ret(py, Counter::increment(&mut slf, by))
    }
}
static __DEF_increment: PyFunctionDef =
    PyFunctionDef::keywords::<__method_increment>(c"increment", c"increment($self, by=1)\n--\n\n");

pub struct __method_boom;
impl PyFunctionImpl for __method_boom {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        _args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        let slf = borrow_self::<Counter>(slf)?;
        ret_unit(py, Counter::boom(&slf))
    }
}
static __DEF_boom: PyFunctionDef = PyFunctionDef::noargs::<__method_boom>(c"boom", c"");

pub struct __method_with_callback;
impl PyFunctionImpl for __method_with_callback {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("Counter"),
            name: "with_callback",
            params: &[Param { name: "callback", kind: ParamKind::PositionalOnly, required: true }],
            positional: 1,
            varargs: false,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let mut out = [None; 1];
        ArgSource::extract(args, &DESC, &mut out)?;
        let slf = borrow_self::<Counter>(slf)?;
        let mut h0 = Default::default();
        let callback: &Bound<'py, PyAny> = extract_argument(out[0], &mut h0, "callback")?;
        ret(py, Counter::with_callback(&slf, callback))
    }
}
static __DEF_with_callback: PyFunctionDef =
    PyFunctionDef::one_arg::<__method_with_callback>(c"with_callback", c"");

pub struct __static_double;
impl PyFunctionImpl for __static_double {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        _slf: Option<Borrowed<'a, 'py, PyAny>>,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("Counter"),
            name: "double",
            params: &[Param { name: "x", kind: ParamKind::PositionalOnly, required: true }],
            positional: 1,
            varargs: false,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let mut out = [None; 1];
        ArgSource::extract(args, &DESC, &mut out)?;
        let mut h0 = Default::default();
        let x: i64 = extract_argument(out[0], &mut h0, "x")?;
        ret(py, Counter::double(x))
    }
}
static __DEF_double: PyFunctionDef = PyFunctionDef::one_arg::<__static_double>(c"double", c"");

pub struct __class_type_name;
impl PyFunctionImpl for __class_type_name {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        _args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        let cls = class_of(slf)?;
        ret(py, Counter::type_name(&cls))
    }
}
static __DEF_type_name: PyFunctionDef =
    PyFunctionDef::noargs::<__class_type_name>(c"type_name", c"");

pub struct __getter_count;
impl PyGetterImpl for __getter_count {
    fn get<'py>(py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let slf = borrow_self::<Counter>(Some(slf))?;
        ret(py, Counter::get_count(&slf))
    }
}

pub struct __setter_count;
impl PySetterImpl for __setter_count {
    fn set<'py>(
        _py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        value: Option<Borrowed<'_, 'py, PyAny>>,
    ) -> PyResult<()> {
        let value = value.ok_or_else(deletion_error)?;
        let mut h0 = Default::default();
        let value: i64 = extract_argument(Some(value), &mut h0, "value")?;
        let mut slf = borrow_self_mut::<Counter>(Some(slf))?;
        Counter::set_count(&mut slf, value);
        Ok(())
    }
}

fn __classattr_limit(py: Python<'_>) -> PyResult<Py<PyAny>> {
    ret(py, Counter::limit()).map(Bound::unbind)
}

pub struct __slot_repr;
impl PyUnaryImpl for __slot_repr {
    fn call<'py>(py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let slf = borrow_self::<Counter>(Some(slf))?;
        ret(py, Counter::__repr__(&slf))
    }
}

pub struct __slot_richcmp;
impl PyRichCompareImpl for __slot_richcmp {
    fn richcmp<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        other: Borrowed<'_, 'py, PyAny>,
        op: CompareOp,
    ) -> PyResult<Bound<'py, PyAny>> {
        let Ok(slf) = borrow_self::<Counter>(Some(slf)) else {
            return Ok(py.NotImplemented().into_bound(py));
        };
        let Ok(other) = other.extract::<PyRef<'py, Counter>>() else {
            return Ok(py.NotImplemented().into_bound(py));
        };
        ret(py, Counter::__richcmp__(&slf, other, op))
    }
}

pub struct __slot_len;
impl PyLenImpl for __slot_len {
    fn len(_py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<usize> {
        let slf = borrow_self::<Counter>(Some(slf))?;
        Ok(Counter::__len__(&slf))
    }
}

impl PyMethods<Counter> for PyClassImplCollector<Counter> {
    fn py_methods(self) -> &'static PyClassItems {
        static ITEMS: PyClassItems = PyClassItems {
            methods: &[
                PyMethodDefType::Method(&__DEF_increment),
                PyMethodDefType::Method(&__DEF_boom),
                PyMethodDefType::Method(&__DEF_with_callback),
                PyMethodDefType::StaticMethod(&__DEF_double),
                PyMethodDefType::ClassMethod(&__DEF_type_name),
                PyMethodDefType::Getter(PyGetterDef::new::<__getter_count>(
                    c"count",
                    c"The count.",
                )),
                PyMethodDefType::Setter(PySetterDef::new::<__setter_count>(c"count", c"")),
                PyMethodDefType::ClassAttribute(PyClassAttributeDef::new(
                    "LIMIT",
                    __classattr_limit,
                )),
            ],
            slots: &[
                PyClassSlot::tp_new::<__new_Counter>(),
                PyClassSlot::tp_repr::<__slot_repr>(),
                PyClassSlot::tp_richcompare::<__slot_richcmp>(),
                PyClassSlot::mp_length::<__slot_len>(),
                PyClassSlot::sq_length::<__slot_len>(),
            ],
            text_signature: None,
        };
        &ITEMS
    }
}

fn matches(op: CompareOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn counter_through_python() {
    Python::attach(|py| {
        let ty = py.get_type::<Counter>();
        let locals = run(
            py,
            &[("Counter", ty.clone().into_any())],
            r#"
c = Counter(5)
r1 = c.increment()
r2 = c.increment(by=10)
c.count = 42
count = c.count
rep = repr(c)
n = len(c)
eq = Counter(3) == Counter(3)
lt = Counter(1) < Counter(2)
ne_other = (Counter(1) == 1)
limit = Counter.LIMIT
doubled = Counter.double(21)
name = Counter.type_name()
module = Counter.__module__
qualname = Counter.__qualname__
doc = Counter.__doc__
sig = Counter.__text_signature__
class Py(Counter):
    pass
p = Py(7)
p_repr = repr(p)
p_name = p.type_name()
import weakref
w = weakref.ref(c)
alive = w() is c
"#,
        )
        .unwrap();
        let get = |k: &str| locals.get_item(k).unwrap().unwrap();
        assert_eq!(get("r1").extract::<i64>().unwrap(), 6);
        assert_eq!(get("r2").extract::<i64>().unwrap(), 16);
        assert_eq!(get("count").extract::<i64>().unwrap(), 42);
        assert_eq!(get("rep").extract::<String>().unwrap(), "Counter(42)");
        assert_eq!(get("n").extract::<usize>().unwrap(), 42);
        assert!(get("eq").extract::<bool>().unwrap());
        assert!(get("lt").extract::<bool>().unwrap());
        assert!(!get("ne_other").extract::<bool>().unwrap());
        assert_eq!(get("limit").extract::<i64>().unwrap(), 100);
        assert_eq!(get("doubled").extract::<i64>().unwrap(), 42);
        assert_eq!(get("name").extract::<String>().unwrap(), "Counter");
        assert_eq!(get("module").extract::<String>().unwrap(), "pyclass_runtime");
        assert_eq!(get("qualname").extract::<String>().unwrap(), "Counter");
        assert_eq!(get("doc").extract::<String>().unwrap(), "Counts up.");
        // Before 3.10 a class's text signature is only found when `tp_name` has no module;
        // PyPy gives heap types none.
        if py.version_info() >= (3, 10) && !cfg!(PyPy) {
            assert_eq!(get("sig").extract::<String>().unwrap(), "(start=0)");
        }
        assert_eq!(get("p_repr").extract::<String>().unwrap(), "Counter(7)");
        assert_eq!(get("p_name").extract::<String>().unwrap(), "Py");
        assert!(get("alive").extract::<bool>().unwrap());

        // The Rust view of the same object.
        let c = get("c").cast_into::<Counter>().unwrap();
        assert_eq!(c.borrow().count, 42);
        c.borrow_mut().count = 1;
        assert_eq!(c.borrow().get_count(), 1);
        let r: PyRef<'_, Counter> = get("p").extract().unwrap();
        assert_eq!(r.count, 7);

        // Wrong argument and deleting the property.
        let err = run(py, &[("c", c.into_any())], "c.increment('x')").unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "'str' object cannot be interpreted as an integer");
        let notes: Vec<String> = err.value(py).getattr("__notes__").unwrap().extract().unwrap();
        assert_eq!(notes, ["while processing 'by'"]);
    });
}

#[test]
fn borrow_conflicts_raise_runtime_error() {
    Python::attach(|py| {
        let c = Bound::new(py, Counter { count: 0 }).unwrap();
        {
            let shared = c.borrow();
            assert_eq!(c.try_borrow_mut().unwrap_err().to_string(), "Already borrowed");
            assert!(c.try_borrow().is_ok());
            drop(shared);
        }
        {
            let _exclusive = c.borrow_mut();
            let e = c.try_borrow().unwrap_err();
            assert_eq!(e.to_string(), "Already mutably borrowed");
            let err: PyErr = e.into();
            assert!(err.is_instance_of::<PyRuntimeError>(py));
            // Python sees the conflict as RuntimeError, never as a crash.
            let err = run(py, &[("c", c.clone().into_any())], "c.count").unwrap_err();
            assert!(err.is_instance_of::<PyRuntimeError>(py));
            assert_eq!(err.value(py).to_string(), "Already mutably borrowed");
            let err = run(py, &[("c", c.clone().into_any())], "c.increment()").unwrap_err();
            assert!(err.is_instance_of::<PyRuntimeError>(py));
            assert_eq!(err.value(py).to_string(), "Already borrowed");
        }
        // `with_callback` holds `&self` while Python calls back into `increment(&mut self)`.
        let err = run(py, &[("c", c.clone().into_any())], "c.with_callback(lambda: c.increment())")
            .unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py), "{err}");
        assert_eq!(err.value(py).to_string(), "Already borrowed");
        // Both borrows were released.
        assert_eq!(c.borrow_mut().increment(1), 1);
    });
}

#[test]
fn panic_in_method_becomes_panic_exception() {
    Python::attach(|py| {
        let c = Bound::new(py, Counter { count: 3 }).unwrap();
        let locals = run(
            py,
            &[("c", c.clone().into_any())],
            r#"
try:
    c.boom()
    caught = None
except BaseException as e:
    caught = (type(e).__name__, str(e))
after = c.increment()
"#,
        )
        .unwrap();
        let caught: (String, String) =
            locals.get_item("caught").unwrap().unwrap().extract().unwrap();
        assert_eq!(caught, ("PanicException".to_string(), "boom in a method".to_string()));
        assert_eq!(locals.get_item("after").unwrap().unwrap().extract::<i64>().unwrap(), 4);
        assert!(c.try_borrow_mut().is_ok(), "the shared borrow was released by the unwind");
    });
}

#[test]
fn drops_and_reference_counts() {
    let kept = Python::attach(|py| {
        let a = Bound::new(py, Counter { count: 1000 }).unwrap();
        assert_eq!(a.get_refcnt(), 1);
        let b = a.clone();
        assert_eq!(a.get_refcnt(), 2);
        drop(b);
        assert_eq!(drops_of(1000..1001), 0);
        drop(a);
        assert_eq!(drops_of(1000..1001), 1);
        let ty = py.get_type::<Counter>().into_any();
        let type_refs = ty.get_refcnt();
        // PyPy frees the instances Python code dropped at its next collection.
        let code = if cfg!(PyPy) {
            "for i in range(1001, 1011): Counter(i)\nimport gc; gc.collect(); gc.collect()"
        } else {
            "for i in range(1001, 1011): Counter(i)"
        };
        run(py, &[("Counter", ty.clone())], code).unwrap();
        assert_eq!(drops_of(1001..1011), 10);
        // Each instance held a reference to its heap type, given back by `tp_dealloc`. (PyPy's
        // count of an object its own side also holds moves when Python code uses it. On
        // free-threaded builds the other tests of this file, running in parallel, make and drop
        // `Counter`s at the same moment, so the type's count is not this test's alone.)
        #[cfg(not(any(PyPy, Py_GIL_DISABLED)))]
        assert_eq!(ty.get_refcnt(), type_refs);
        #[cfg(any(PyPy, Py_GIL_DISABLED))]
        let _ = type_refs;
        let kept = Py::new(py, Counter { count: 2000 }).unwrap();
        assert_eq!(kept.bind(py).get_refcnt(), 1);
        kept
    });
    // Dropped on a thread that is not attached: deferred to the pool, released (and the value
    // dropped) at the next attach.
    std::thread::spawn(move || drop(kept)).join().unwrap();
    Python::attach(|_py| {});
    assert_eq!(drops_of(2000..2001), 1);
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn module_add_class_and_conversions() {
    Python::attach(|py| {
        let m = PyModule::new(py, "pyclass_runtime").unwrap();
        m.add_class::<Counter>().unwrap();
        assert!(m.getattr("Counter").unwrap().is(&py.get_type::<Counter>()));
        let obj = Counter { count: 11 }.into_pyobject(py).unwrap();
        assert_eq!(obj.borrow().count, 11);
        let as_any = obj.into_any();
        let r: PyRefMut<'_, Counter> = as_any.extract().unwrap();
        assert_eq!(r.count, 11);
        let err = py.None().bind(py).extract::<PyRef<'_, Counter>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}
