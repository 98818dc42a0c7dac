//! Getters, setters and class attributes of a class: the safe [`PyGetterImpl`] and
//! [`PySetterImpl`] (with [`PyDeleterImpl`]) traits the macro output implements, the C entry points of `PyGetSetDef`
//! monomorphised over them, and [`PyClassAttributeDef`].

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::impl_::trampoline::trampoline;
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::types::PyAny;
use std::ffi::{c_void, CStr};
use std::os::raw::c_int;

/// The body of a `#[getter]`: reads the attribute from the instance `slf`.
pub trait PyGetterImpl {
    /// Gets the value.
    fn get<'py>(py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>>;
}

/// The body of a `#[setter]`: sets the attribute of the instance `slf` to `value` (`None` for
/// `del`, which setters usually refuse with [`deletion_error`]).
pub trait PySetterImpl {
    /// Sets (or deletes) the value.
    fn set<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        value: Option<Borrowed<'_, 'py, PyAny>>,
    ) -> PyResult<()>;
}

/// The body of a `#[deleter]`: runs `del obj.attr`.
pub trait PyDeleterImpl {
    /// Deletes the value.
    fn delete<'py>(py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<()>;
}

/// A property without `#[deleter]`: `del` raises [`deletion_error`].
pub struct NoDeleter;

impl PyDeleterImpl for NoDeleter {
    fn delete<'py>(_py: Python<'py>, _slf: Borrowed<'_, 'py, PyAny>) -> PyResult<()> {
        Err(deletion_error())
    }
}

/// A property with a `#[deleter]` but no `#[setter]`: assignment raises `AttributeError`.
pub struct NoSetter;

impl PySetterImpl for NoSetter {
    fn set<'py>(
        _py: Python<'py>,
        _slf: Borrowed<'_, 'py, PyAny>,
        value: Option<Borrowed<'_, 'py, PyAny>>,
    ) -> PyResult<()> {
        Err(match value {
            Some(_) => crate::exceptions::PyAttributeError::new_err("can't set attribute"),
            None => deletion_error(),
        })
    }
}

/// The error for `del obj.attr` on a setter that does not support it.
pub fn deletion_error() -> crate::PyErr {
    crate::exceptions::PyAttributeError::new_err("property has no deleter")
}

/// A getter: name, docstring, entry point.
#[derive(Clone, Copy)]
pub struct PyGetterDef {
    pub(crate) name: &'static CStr,
    pub(crate) doc: &'static CStr,
    pub(crate) get: ffi::getter,
}

/// A setter: name, docstring, entry point.
#[derive(Clone, Copy)]
pub struct PySetterDef {
    pub(crate) name: &'static CStr,
    pub(crate) doc: &'static CStr,
    pub(crate) set: ffi::setter,
}

impl PyGetterDef {
    /// The getter `name` whose body is `G`.
    pub const fn new<G: PyGetterImpl>(name: &'static CStr, doc: &'static CStr) -> Self {
        PyGetterDef { name, doc, get: Some(getter::<G>) }
    }
}

impl PySetterDef {
    /// The setter `name` whose body is `S`.
    pub const fn new<S: PySetterImpl>(name: &'static CStr, doc: &'static CStr) -> Self {
        PySetterDef { name, doc, set: Some(setter::<S>) }
    }

    /// The setter `name` whose assignment is `S` and deletion `D` (a `#[setter]` and a
    /// `#[deleter]` sharing one entry).
    pub const fn with_deleter<S: PySetterImpl, D: PyDeleterImpl>(
        name: &'static CStr,
        doc: &'static CStr,
    ) -> Self {
        PySetterDef { name, doc, set: Some(setter_deleter::<S, D>) }
    }
}

/// A `#[classattr]`: its name and the function computing its value once.
#[derive(Clone, Copy)]
pub struct PyClassAttributeDef {
    pub(crate) name: &'static str,
    pub(crate) make: for<'py> fn(Python<'py>) -> PyResult<Py<PyAny>>,
}

impl PyClassAttributeDef {
    /// The class attribute `name`, computed by `make` when the type is made.
    pub const fn new(
        name: &'static str,
        make: for<'py> fn(Python<'py>) -> PyResult<Py<PyAny>>,
    ) -> Self {
        PyClassAttributeDef { name, make }
    }
}

/// The `getter` entry point.
///
/// # Safety
/// Called by the interpreter: attached, `slf` live.
unsafe extern "C" fn getter<G: PyGetterImpl>(
    slf: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter keeps `slf` alive for the call.
            let slf = slf.assume_borrowed(py);
            G::get(py, slf).map(Bound::into_ptr)
        })
    }
}

/// The `setter` entry point.
///
/// # Safety
/// Called by the interpreter: attached, `slf` live, `value` NULL (delete) or live.
unsafe extern "C" fn setter<S: PySetterImpl>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> c_int {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter keeps `slf` and `value` alive for the call.
            let slf = slf.assume_borrowed(py);
            let value = Borrowed::from_ptr_or_opt(py, value);
            S::set(py, slf, value).map(|()| 0)
        })
    }
}

/// The `setter` entry point of a property with a deleter: NULL `value` runs `D`.
///
/// # Safety
/// Called by the interpreter: attached, `slf` live, `value` NULL (delete) or live.
unsafe extern "C" fn setter_deleter<S: PySetterImpl, D: PyDeleterImpl>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> c_int {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter keeps `slf` and `value` alive for the call.
            let slf = slf.assume_borrowed(py);
            match Borrowed::from_ptr_or_opt(py, value) {
                Some(value) => S::set(py, slf, Some(value)),
                None => D::delete(py, slf),
            }
            .map(|()| 0)
        })
    }
}
