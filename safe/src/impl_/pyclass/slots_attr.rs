//! The slots that set or delete through one C function (`__setitem__`/`__delitem__`,
//! `__setattr__`/`__delattr__`, `__set__`/`__delete__`), attribute lookup (`__getattribute__`
//! then `__getattr__`), `__anext__` and `__init__`.

use super::slots_basic::{PyBinaryImpl, PyIterNextImpl};
use crate::err::{PyErr, PyResult};
use crate::exceptions::{
    PyAttributeError, PyNotImplementedError, PyStopAsyncIteration, PySystemError, PyTypeError,
};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::impl_::extract::TupleArgs;
use crate::impl_::pyfunction::PyFunctionImpl;
use crate::impl_::trampoline::trampoline;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyTypeMethods};
use std::os::raw::c_int;

/// `__setitem__(key, value)`, `__setattr__(name, value)`, `__set__(instance, value)`.
pub trait PySetSlotImpl {
    /// Whether the class defines the method ([`NoSlot`] does not).
    const PRESENT: bool = true;
    /// Runs the method.
    fn set<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        key: Borrowed<'_, 'py, PyAny>,
        value: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<()>;
}

/// `__delitem__(key)`, `__delattr__(name)`, `__delete__(instance)`.
pub trait PyDelSlotImpl {
    /// Whether the class defines the method ([`NoSlot`] does not).
    const PRESENT: bool = true;
    /// Runs the method.
    fn del<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        key: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<()>;
}

/// The half of a set/delete pair, or of `__getattribute__`/`__getattr__`, that the class does
/// not define.
pub struct NoSlot;

impl PySetSlotImpl for NoSlot {
    const PRESENT: bool = false;
    fn set<'py>(
        _py: Python<'py>,
        _slf: Borrowed<'_, 'py, PyAny>,
        _key: Borrowed<'_, 'py, PyAny>,
        _value: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<()> {
        Err(PySystemError::new_err("missing slot method called"))
    }
}

impl PyDelSlotImpl for NoSlot {
    const PRESENT: bool = false;
    fn del<'py>(
        _py: Python<'py>,
        _slf: Borrowed<'_, 'py, PyAny>,
        _key: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<()> {
        Err(PySystemError::new_err("missing slot method called"))
    }
}

/// Which pair a set/delete entry serves (its errors for the missing half differ).
pub(super) const ITEM: u8 = 0;
pub(super) const ATTR: u8 = 1;
pub(super) const DESCR: u8 = 2;

fn missing(family: u8, set: bool) -> PyErr {
    let verb = if set { "set" } else { "delete" };
    match family {
        ITEM => PyNotImplementedError::new_err(format!("can't {verb} item")),
        ATTR => PyAttributeError::new_err(format!("can't {verb} attribute")),
        _ => PyNotImplementedError::new_err(format!("can't {verb} descriptor")),
    }
}

/// `objobjargproc`/`setattrofunc`/`descrsetfunc` entry point: NULL `value` deletes.
pub(super) unsafe extern "C" fn set_or_del<S: PySetSlotImpl, D: PyDelSlotImpl, const FAMILY: u8>(
    slf: *mut ffi::PyObject,
    key: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
) -> c_int {
    // SAFETY: called by the interpreter (attached) with live `slf` and `key`, and NULL or a
    // live `value`.
    unsafe {
        trampoline(|py| {
            let (slf, key) = (slf.assume_borrowed(py), key.assume_borrowed(py));
            match Borrowed::from_ptr_or_opt(py, value) {
                Some(value) if S::PRESENT => S::set(py, slf, key, value),
                Some(_) => Err(missing(FAMILY, true)),
                None if D::PRESENT => D::del(py, slf, key),
                None => Err(missing(FAMILY, false)),
            }
            .map(|()| 0)
        })
    }
}

/// `object.__getattribute__`, for a class defining `__getattr__` only.
pub struct GenericGetAttr;

impl PyBinaryImpl for GenericGetAttr {
    #[inline]
    fn call<'py>(
        _py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        name: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::ffi::api::generic_getattr(slf, name)
    }
}

/// `getattrofunc` entry point: `GA` (`__getattribute__`, or [`GenericGetAttr`]), and when
/// that raises `AttributeError`, `G` (`__getattr__`; [`NoSlot`] keeps the error).
pub(super) unsafe extern "C" fn getattro<GA: PyBinaryImpl, G: GetAttrFallback>(
    slf: *mut ffi::PyObject,
    name: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with live `slf` and `name`.
    unsafe {
        trampoline(|py| {
            let (slf, name) = (slf.assume_borrowed(py), name.assume_borrowed(py));
            match GA::call(py, slf, name) {
                Err(e) if G::PRESENT && e.is_instance_of::<PyAttributeError>(py) => {
                    G::fallback(py, slf, name)
                }
                other => other,
            }
            .map(Bound::into_ptr)
        })
    }
}

/// `__getattr__`, called when normal lookup raises `AttributeError`.
pub trait GetAttrFallback {
    /// Whether the class defines `__getattr__`.
    const PRESENT: bool;
    /// Runs the method.
    fn fallback<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        name: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

impl<T: PyBinaryImpl> GetAttrFallback for T {
    const PRESENT: bool = true;
    #[inline]
    fn fallback<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        name: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        T::call(py, slf, name)
    }
}

/// No `__getattr__`: the lookup's error stands.
pub struct NoGetAttr;

impl GetAttrFallback for NoGetAttr {
    const PRESENT: bool = false;
    fn fallback<'py>(
        _py: Python<'py>,
        _slf: Borrowed<'_, 'py, PyAny>,
        name: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Err(PyAttributeError::new_err(name.to_string()))
    }
}

/// `am_anext` entry point: `None` from the method raises `StopAsyncIteration`.
pub(super) unsafe extern "C" fn anext<F: PyIterNextImpl>(
    slf: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe {
        trampoline(|py| match F::next(py, slf.assume_borrowed(py))? {
            Some(next) => Ok(next.into_ptr()),
            None => Err(PyStopAsyncIteration::new_err(())),
        })
    }
}

/// `initproc` entry point: runs `__init__` with the call's arguments; it must return `None`.
pub(super) unsafe extern "C" fn init<F: PyFunctionImpl>(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> c_int {
    // SAFETY: called by the interpreter (attached) with a live `slf`, a live tuple and NULL or
    // a live dict, kept alive for the call.
    unsafe {
        trampoline(|py| {
            let slf = slf.assume_borrowed(py);
            let args = args.assume_borrowed(py).cast_unchecked::<crate::types::PyTuple>();
            let kwargs = Borrowed::from_ptr_or_opt(py, kwargs)
                .map(|d| d.cast_unchecked::<crate::types::PyDict>());
            let pairs = kwargs.map(crate::ffi::api::dict_items_owned);
            let view = TupleArgs { args, kwargs: pairs.as_deref() };
            let result = F::call(py, Some(slf), view)?;
            if result.is_none() {
                Ok(0)
            } else {
                Err(PyTypeError::new_err(format!(
                    "__init__() should return None, not '{}'",
                    result.get_type().name()?
                )))
            }
        })
    }
}
