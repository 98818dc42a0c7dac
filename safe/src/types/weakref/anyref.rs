//! [`PyWeakref`], any weak reference (`weakref.ref` or a proxy), and [`PyWeakrefMethods`],
//! the methods all weak reference types share.

use crate::err::{PyErr, PyResult};
use crate::ffi::api;
use crate::instance::{Bound, DerefToPyAny};
use crate::type_object::{PyTypeCheck, PyTypeInfo};
use crate::types::PyAny;

/// Any weak reference: a `weakref.ref` (or subclass), `weakref.ProxyType` or
/// `weakref.CallableProxyType`. Recognised by [`PyTypeCheck`], as it is no single type.
#[repr(transparent)]
pub struct PyWeakref(PyAny);

impl DerefToPyAny for PyWeakref {}

impl PyTypeCheck for PyWeakref {
    const NAME: &'static str = "weakref";
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        api::is_weakref_ref(object) || api::is_weakref_proxy(object)
    }
}

/// Methods of weak references.
pub trait PyWeakrefMethods<'py> {
    /// The referent, `None` if it no longer exists.
    fn upgrade(&self) -> Option<Bound<'py, PyAny>>;

    /// The referent cast to `T` (`Ok(None)` if it no longer exists); an error if it is not a
    /// `T`.
    fn upgrade_as<T: PyTypeCheck>(&self) -> PyResult<Option<Bound<'py, T>>> {
        self.upgrade().map(|o| o.cast_into::<T>().map_err(PyErr::from)).transpose()
    }

    /// The referent if its type is exactly `T` (`Ok(None)` if it no longer exists); an error
    /// otherwise.
    fn upgrade_as_exact<T: PyTypeInfo>(&self) -> PyResult<Option<Bound<'py, T>>> {
        self.upgrade().map(|o| o.cast_into_exact::<T>().map_err(PyErr::from)).transpose()
    }
}

/// The referent of a live weak reference object (the types make the lookup infallible).
pub(super) fn upgrade<'py>(reference: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    api::weakref_get(reference).expect("a weak reference type that PyWeakref_GetRef accepts")
}

impl<'py> PyWeakrefMethods<'py> for Bound<'py, PyWeakref> {
    fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        upgrade(self.as_any())
    }
}
