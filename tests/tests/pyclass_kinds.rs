//! More `#[pyclass]` kinds, written as the macros expand them (no `unsafe`): frozen classes,
//! `extends` chains (a class base and `PyException`), and `unsendable` classes.
#![forbid(unsafe_code)]
// The expansion carries these allows (generated holders may be `()`, bodies may return `()`).
#![allow(non_camel_case_types, non_upper_case_globals)]
#![allow(clippy::let_unit_value, clippy::unit_arg, clippy::needless_question_mark)]

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::impl_::argument::{extract_argument, ret};
use pyo3::impl_::extract::{ArgSource, FunctionDescription, Param, ParamKind};
use pyo3::impl_::pyclass::*;
use pyo3::impl_::pyfunction::{PyFunctionDef, PyFunctionImpl};
use pyo3::impl_::type_object::{ClassKind, LazyTypeInfo};
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::{False, True};
use pyo3::pyclass::PyClass;
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

/// Declares a class the way `#[pyclass]` expands, for the smaller classes below.
macro_rules! class {
    ($ty:ident, $name:literal, base = $base:ty, frozen = $frozen:ty, checker = $checker:ty,
     subclass = $sub:literal, slots = [$($slot:expr),*]) => {
        impl LazyTypeInfo for $ty {
            const NAME: &'static str = $name;
            const MODULE: Option<&'static str> = Some("pyclass_runtime");
            type Kind = ClassKind;
        }
        impl PyClassImpl for $ty {
            const DOC: &'static std::ffi::CStr = c"";
            const IS_BASETYPE: bool = $sub;
            type BaseType = $base;
            type ThreadChecker = $checker;
            type Dict = PyClassDummySlot;
            type WeakRef = PyClassDummySlot;
            fn items_iter() -> PyClassItemsIter {
                static INTRINSIC: PyClassItems =
                    PyClassItems { methods: &[], slots: &[$($slot),*], text_signature: None };
                #[allow(unused_imports)]
                use pyo3::impl_::pyclass::PyMethods as _;
                let collector = PyClassImplCollector::<Self>::new();
                PyClassItemsIter::new(&INTRINSIC, collector.py_methods())
            }
            fn lazy_type_object() -> &'static LazyTypeObject<Self> {
                static TYPE_OBJECT: LazyTypeObject<$ty> = LazyTypeObject::new();
                &TYPE_OBJECT
            }
        }
        impl PyClass for $ty {
            type Frozen = $frozen;
        }
    };
}

// #[pyclass(frozen)] struct Point { x: i64, y: i64 }
pub struct Point {
    x: i64,
    y: i64,
}
class!(Point, "Point", base = PyAny, frozen = True, checker = SendablePyClass<Point>,
    subclass = false, slots = []);

// #[pyclass(subclass)] struct Base { name: String }, #[pyclass(extends = Base)] struct Sub { n }
pub struct Base {
    name: String,
}
class!(Base, "Base", base = PyAny, frozen = False, checker = SendablePyClass<Base>,
    subclass = true, slots = []);

pub struct Sub {
    n: u32,
}
class!(Sub, "Sub", base = Base, frozen = False, checker = SendablePyClass<Sub>,
    subclass = false, slots = [PyClassSlot::tp_new::<__new_Sub>()]);

pub struct __new_Sub;
impl PyClassNewImpl for __new_Sub {
    type Class = Sub;
    fn new<'a, 'py, A: ArgSource<'a, 'py>>(
        _py: Python<'py>,
        _cls: Borrowed<'a, 'py, PyType>,
        args: A,
    ) -> PyResult<PyClassInitializer<Sub>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("Sub"),
            name: "__new__",
            params: &[Param { name: "n", kind: ParamKind::PositionalOrKeyword, required: true }],
            positional: 1,
            varargs: false,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let mut out = [None; 1];
        ArgSource::extract(args, &DESC, &mut out)?;
        let mut h0 = Default::default();
        let n: u32 = extract_argument(out[0], &mut h0, "n")?;
        into_initializer(
            PyClassInitializer::from(Base { name: "base".into() }).add_subclass(Sub { n }),
        )
    }
}

// #[pyclass(unsendable)] struct Local { data: Rc<u8> }
pub struct Local {
    data: std::rc::Rc<u8>,
}
class!(
    Local,
    "Local",
    base = PyAny,
    frozen = False,
    checker = ThreadCheckerImpl,
    subclass = false,
    slots = []
);

pub struct __method_local_get;
impl PyFunctionImpl for __method_local_get {
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        _args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        let slf = borrow_self::<Local>(slf)?;
        ret(py, *slf.data)
    }
}
static __DEF_local_get: PyFunctionDef = PyFunctionDef::noargs::<__method_local_get>(c"get", c"");

impl PyMethods<Local> for PyClassImplCollector<Local> {
    fn py_methods(self) -> &'static PyClassItems {
        static ITEMS: PyClassItems = PyClassItems {
            methods: &[PyMethodDefType::Method(&__DEF_local_get)],
            slots: &[],
            text_signature: None,
        };
        &ITEMS
    }
}

// #[pyclass(extends = PyException)] struct MyError { code: i32 }
#[cfg(not(Py_LIMITED_API))]
pub struct MyError {
    code: i32,
}
#[cfg(not(Py_LIMITED_API))]
class!(MyError, "MyError", base = pyo3::exceptions::PyException, frozen = False,
    checker = SendablePyClass<MyError>, subclass = false, slots = [PyClassSlot::tp_new::<__new_MyError>()]);

#[cfg(not(Py_LIMITED_API))]
pub struct __new_MyError;
#[cfg(not(Py_LIMITED_API))]
impl PyClassNewImpl for __new_MyError {
    type Class = MyError;
    fn new<'a, 'py, A: ArgSource<'a, 'py>>(
        _py: Python<'py>,
        _cls: Borrowed<'a, 'py, PyType>,
        args: A,
    ) -> PyResult<PyClassInitializer<MyError>> {
        static DESC: FunctionDescription = FunctionDescription {
            class: Some("MyError"),
            name: "__new__",
            params: &[Param { name: "code", kind: ParamKind::PositionalOrKeyword, required: true }],
            positional: 1,
            varargs: false,
            varkw: false,
            interned: PyOnceLock::new(),
        };
        let mut out = [None; 1];
        ArgSource::extract(args, &DESC, &mut out)?;
        let mut h0 = Default::default();
        let code: i32 = extract_argument(out[0], &mut h0, "code")?;
        into_initializer(MyError { code })
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn no_constructor_and_rust_construction() {
    Python::attach(|py| {
        let point = Bound::new(py, Point { x: 1, y: 2 }).unwrap();
        assert_eq!(point.get().x + point.get().y, 3);
        let unbound: Py<Point> = point.clone().unbind();
        assert_eq!(unbound.get().y, 2);
        assert_eq!(point.borrow().x, 1);
        let err = run(py, &[("P", py.get_type::<Point>().into_any())], "P()").unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let message = err.value(py).to_string();
        assert!(
            message.starts_with("cannot create '") && message.ends_with(".Point' instances"),
            "{message}"
        );
        // A frozen value may be read from another thread without attaching.
        let y = py.detach(|| std::thread::spawn(move || unbound.get().y).join().unwrap());
        assert_eq!(y, 2);
    });
}

#[test]
fn extends_chain() {
    Python::attach(|py| {
        let sub = Bound::new(
            py,
            PyClassInitializer::from(Base { name: "b".into() }).add_subclass(Sub { n: 3 }),
        )
        .unwrap();
        assert!(sub.is_instance(&py.get_type::<Base>()).unwrap());
        {
            let r = sub.borrow();
            assert_eq!(r.n, 3);
            assert_eq!(r.as_super().name, "b");
            // The whole object shares one flag: a borrow of the subclass blocks the base.
            let as_base = sub.cast::<Base>().unwrap();
            assert!(as_base.try_borrow_mut().is_err());
        }
        {
            let mut m = sub.borrow_mut();
            m.n = 4;
            m.as_super().name.push('!');
        }
        let base: PyRef<'_, Base> = sub.borrow().into_super();
        assert_eq!(base.name, "b!");
        drop(base);
        let locals = run(
            py,
            &[("Sub", py.get_type::<Sub>().into_any()), ("Base", py.get_type::<Base>().into_any())],
            "s = Sub(8)\nok = isinstance(s, Base) and type(s).__mro__[1] is Base",
        )
        .unwrap();
        assert!(locals.get_item("ok").unwrap().unwrap().extract::<bool>().unwrap());
        let s = locals.get_item("s").unwrap().unwrap().cast_into::<Sub>().unwrap();
        assert_eq!(s.borrow().n, 8);
        assert_eq!(s.borrow().as_super().name, "base");
    });
}

#[test]
#[cfg(not(Py_LIMITED_API))]
fn exception_subclass() {
    Python::attach(|py| {
        let locals = run(
            py,
            &[("MyError", py.get_type::<MyError>().into_any())],
            r#"
try:
    raise MyError(7)
except Exception as e:
    err = e
is_exc = isinstance(err, Exception)
"#,
        )
        .unwrap();
        assert!(locals.get_item("is_exc").unwrap().unwrap().extract::<bool>().unwrap());
        let err = locals.get_item("err").unwrap().unwrap().cast_into::<MyError>().unwrap();
        assert_eq!(err.borrow().code, 7);
        assert_eq!(err.getattr("args").unwrap().extract::<(i32,)>().unwrap(), (7,));
    });
}

#[test]
fn unsendable_from_another_thread_raises() {
    let obj = Python::attach(|py| {
        let obj = Py::new(py, Local { data: std::rc::Rc::new(5) }).unwrap();
        let got = obj.bind(py).call_method0("get").unwrap().extract::<u8>().unwrap();
        assert_eq!(got, 5);
        obj.into_any()
    });
    let message = std::thread::spawn(move || {
        Python::attach(|py| {
            let err = obj.bind(py).call_method0("get").unwrap_err();
            assert!(err.is_instance_of::<PyRuntimeError>(py));
            let msg = err.value(py).to_string();
            // Dropping it here must not drop the `Rc` on the wrong thread: hand it back.
            (msg, obj)
        })
    })
    .join()
    .unwrap();
    assert_eq!(message.0, "Local is unsendable, but sent to another thread");
    Python::attach(|py| drop(message.1.into_bound(py)));
}
