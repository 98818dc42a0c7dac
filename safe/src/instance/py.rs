//! [`Py<T>`]: an owned reference that needs no attachment to be held, moved between threads or
//! dropped (a drop while detached is deferred to the next attach).

use super::refpool;
use super::{Borrowed, Bound};
use crate::err::PyResult;
use crate::ffi;
use crate::marker::Python;
use crate::types::PyAny;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// An owned reference to a Python object of type `T`, independent of attachment.
///
/// Use [`Py::bind`] or [`Py::into_bound`] to work with it while attached.
#[repr(transparent)]
pub struct Py<T>(NonNull<ffi::PyObject>, PhantomData<T>);

/// Deprecated alias of `Py<PyAny>` (PyO3 before 0.26).
pub type PyObject = Py<PyAny>;

// SAFETY: a `Py<T>` is only an owned pointer; every access to the object goes through `bind`,
// which needs a `Python` token, and drops while detached go through the pool.
unsafe impl<T> Send for Py<T> {}
// SAFETY: as above; `&Py<T>` gives no access to the object without attaching.
unsafe impl<T> Sync for Py<T> {}

impl<T> Py<T> {
    /// Attaches this reference to `py`, borrowing it.
    #[inline]
    pub fn bind<'py>(&self, _py: Python<'py>) -> &Bound<'py, T> {
        // SAFETY: `Bound<'py, T>` is a `repr(transparent)` wrapper around `Py<T>` (plus a
        // zero-sized token), so the reference cast preserves layout and validity.
        unsafe { &*(self as *const Py<T>).cast::<Bound<'py, T>>() }
    }

    /// Attaches this reference to `py`, taking it.
    #[inline]
    pub fn into_bound(self, py: Python<'_>) -> Bound<'_, T> {
        Bound::from_py(py, self)
    }

    /// A borrowed view attached to `py`.
    #[inline]
    pub fn bind_borrowed<'a, 'py>(&'a self, py: Python<'py>) -> Borrowed<'a, 'py, T> {
        // SAFETY: `self` keeps the object alive for `'a`; `py` proves attachment.
        unsafe { Borrowed::from_non_null(py, self.0) }
    }

    /// Another owned reference to the same object.
    #[inline]
    pub fn clone_ref(&self, py: Python<'_>) -> Py<T> {
        self.bind(py).clone().unbind()
    }

    /// The raw pointer, still owned by `self`.
    #[inline]
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// The raw pointer, with the reference handed to the caller.
    #[inline]
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        let ptr = self.0.as_ptr();
        std::mem::forget(self);
        ptr
    }

    /// This reference as `Py<PyAny>`.
    #[inline]
    pub fn into_any(self) -> Py<PyAny> {
        // SAFETY: every object is a `PyAny`.
        unsafe { self.cast_unchecked() }
    }

    /// This reference as `&Py<PyAny>`.
    #[inline]
    pub fn as_any(&self) -> &Py<PyAny> {
        // SAFETY: `Py<T>` and `Py<PyAny>` have the same layout; every object is a `PyAny`.
        unsafe { &*(self as *const Py<T>).cast::<Py<PyAny>>() }
    }

    /// Reinterprets the reference as `Py<U>` without a check.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(self) -> Py<U> {
        let ptr = self.0;
        std::mem::forget(self);
        Py(ptr, PhantomData)
    }

    /// Whether both refer to the same object (`is`).
    #[inline]
    pub fn is<U>(&self, other: &Py<U>) -> bool {
        self.as_ptr() == other.as_ptr()
    }

    /// Extracts a Rust value, as [`Bound::extract`].
    pub fn extract<'a, 'py, D>(&'a self, py: Python<'py>) -> Result<D, D::Error>
    where
        D: crate::conversion::FromPyObject<'a, 'py>,
        'py: 'a,
    {
        D::extract(self.bind_borrowed(py).into_any())
    }

    /// Takes over an owned reference.
    ///
    /// # Safety
    /// `ptr` must be an owned reference to a live object of type `T`; panics on NULL.
    #[inline]
    pub unsafe fn from_owned_ptr(py: Python<'_>, ptr: *mut ffi::PyObject) -> Py<T> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_owned_ptr(py, ptr).cast_into_unchecked().unbind() }
    }

    /// Takes over an owned reference, or the pending exception on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or an owned reference to a live object of type `T`.
    #[inline]
    pub unsafe fn from_owned_ptr_or_err(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Py<T>> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_owned_ptr_or_err(py, ptr).map(|b| b.cast_into_unchecked().unbind()) }
    }

    /// Takes over an owned reference, or `None` on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or an owned reference to a live object of type `T`.
    #[inline]
    pub unsafe fn from_owned_ptr_or_opt(py: Python<'_>, ptr: *mut ffi::PyObject) -> Option<Py<T>> {
        NonNull::new(ptr).map(|p| {
            let _ = py;
            Py(p, PhantomData)
        })
    }

    /// A new owned reference to a borrowed pointer; panics on NULL.
    ///
    /// # Safety
    /// `ptr` must point to a live object of type `T`.
    #[inline]
    pub unsafe fn from_borrowed_ptr(py: Python<'_>, ptr: *mut ffi::PyObject) -> Py<T> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_borrowed_ptr(py, ptr).cast_into_unchecked().unbind() }
    }

    /// Only for `Bound::unbind` and friends in this module tree.
    #[inline]
    pub(crate) const fn from_non_null(ptr: NonNull<ffi::PyObject>) -> Py<T> {
        Py(ptr, PhantomData)
    }
}

impl<T> Drop for Py<T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self` owns one reference, handed over to the pool exactly once.
        unsafe { refpool::release(self.0) };
    }
}

impl<T> std::fmt::Debug for Py<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Py").field(&self.0.as_ptr()).finish()
    }
}
