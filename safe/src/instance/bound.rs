//! [`Bound<'py, T>`]: an owned reference usable while the thread is attached. Cloning and
//! dropping are the inline `Py_INCREF`/`Py_DECREF` of the sys crate, not calls into libpython
//! (except where the build's rules require it: limited API, free-threaded slow paths).

use super::{Borrowed, Py};
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::marker::Python;
use crate::types::PyAny;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

/// An owned reference to a Python object of type `T`, tied to an attachment `'py`.
#[repr(transparent)]
pub struct Bound<'py, T>(Python<'py>, ManuallyDrop<Py<T>>);

impl<'py, T> Bound<'py, T> {
    #[inline]
    pub(crate) fn from_py(py: Python<'py>, obj: Py<T>) -> Bound<'py, T> {
        Bound(py, ManuallyDrop::new(obj))
    }

    /// The token of the attachment.
    #[inline]
    pub fn py(&self) -> Python<'py> {
        self.0
    }

    /// The raw pointer, still owned by `self`.
    #[inline]
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.1.as_ptr()
    }

    /// The raw pointer, with the reference handed to the caller.
    #[inline]
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        ManuallyDrop::new(self).as_ptr()
    }

    /// This reference as `&Bound<PyAny>`.
    #[inline]
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        // SAFETY: `Bound<T>` and `Bound<PyAny>` have the same layout; every object is a PyAny.
        unsafe { &*(self as *const Bound<'py, T>).cast::<Bound<'py, PyAny>>() }
    }

    /// This reference as `Bound<PyAny>`.
    #[inline]
    pub fn into_any(self) -> Bound<'py, PyAny> {
        // SAFETY: every object is a `PyAny`.
        unsafe { self.cast_into_unchecked() }
    }

    /// A borrowed view of this reference.
    #[inline]
    pub fn as_borrowed<'a>(&'a self) -> Borrowed<'a, 'py, T> {
        // SAFETY: `self` keeps the object alive for `'a`.
        unsafe { Borrowed::from_non_null(self.py(), self.non_null()) }
    }

    /// Detaches the reference from `'py`.
    #[inline]
    pub fn unbind(self) -> Py<T> {
        let ptr = self.non_null();
        std::mem::forget(self);
        Py::from_non_null(ptr)
    }

    /// The same object as `&Py<T>`.
    #[inline]
    pub fn as_unbound(&self) -> &Py<T> {
        &self.1
    }

    /// Whether both refer to the same object (`is`).
    #[inline]
    pub fn is<U>(&self, other: &Bound<'_, U>) -> bool {
        self.as_ptr() == other.as_ptr()
    }

    /// The object's reference count (a diagnostic; free-threaded builds report an estimate).
    #[inline]
    pub fn get_refcnt(&self) -> isize {
        // SAFETY: attached (`'py`), and `self` keeps the object alive.
        unsafe { ffi::Py_REFCNT(self.as_ptr()) }
    }

    /// Reinterprets the reference as `&Bound<U>` without a check.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(&self) -> &Bound<'py, U> {
        // SAFETY: same layout for every `U`; the caller vouches for the type.
        unsafe { &*(self as *const Bound<'py, T>).cast::<Bound<'py, U>>() }
    }

    /// Reinterprets the reference as `Bound<U>` without a check.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_into_unchecked<U>(self) -> Bound<'py, U> {
        let py = self.py();
        let ptr = self.non_null();
        std::mem::forget(self);
        Bound(py, ManuallyDrop::new(Py::from_non_null(ptr)))
    }

    /// Extracts a Rust value from the object.
    #[inline]
    pub fn extract<'a, D>(&'a self) -> Result<D, D::Error>
    where
        D: crate::conversion::FromPyObject<'a, 'py>,
    {
        D::extract(self.as_borrowed().into_any())
    }

    #[inline]
    pub(crate) fn non_null(&self) -> NonNull<ffi::PyObject> {
        // SAFETY: a `Py` never holds NULL.
        unsafe { NonNull::new_unchecked(self.as_ptr()) }
    }
}

impl<'py> Bound<'py, PyAny> {
    /// Takes over an owned reference; panics (printing the pending exception) on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or an owned reference to a live object.
    #[inline]
    pub unsafe fn from_owned_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Bound<'py, PyAny> {
        // SAFETY: forwarded from the caller.
        unsafe { ptr.assume_owned(py) }
    }

    /// Takes over an owned reference, or the pending exception on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or an owned reference to a live object.
    #[inline]
    pub unsafe fn from_owned_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { ptr.assume_owned_or_err(py) }
    }

    /// Takes over an owned reference, or `None` on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or an owned reference to a live object.
    #[inline]
    pub unsafe fn from_owned_ptr_or_opt(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Bound<'py, PyAny>> {
        NonNull::new(ptr).map(|p| Bound(py, ManuallyDrop::new(Py::from_non_null(p))))
    }

    /// A new owned reference to a borrowed pointer; panics on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or point to a live object.
    #[inline]
    pub unsafe fn from_borrowed_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Bound<'py, PyAny> {
        // SAFETY: forwarded from the caller.
        unsafe { ptr.assume_borrowed(py) }.to_owned()
    }

    /// A new owned reference to a borrowed pointer, or the pending exception on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or point to a live object.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { ptr.assume_borrowed_or_err(py) }.map(|b| b.to_owned())
    }

    /// A new owned reference to a borrowed pointer, or `None` on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or point to a live object.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_opt(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Bound<'py, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { ptr.assume_borrowed_or_opt(py) }.map(|b| b.to_owned())
    }
}

impl<T> Clone for Bound<'_, T> {
    #[inline]
    fn clone(&self) -> Self {
        // SAFETY: attached (`'py`); `self` keeps the object alive; the new reference is owned by
        // the clone.
        unsafe { ffi::Py_INCREF(self.as_ptr()) };
        Bound(self.0, ManuallyDrop::new(Py::from_non_null(self.non_null())))
    }
}

impl<T> Drop for Bound<'_, T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: attached (`'py`); `self` owns exactly one reference, released here once (the
        // inner `Py` is never dropped: it is `ManuallyDrop`).
        unsafe { ffi::Py_DECREF(self.as_ptr()) };
    }
}

/// What [`IntoPyObject::Output`](crate::IntoPyObject::Output) may be: an owned [`Bound`] or a
/// [`Borrowed`] reference.
pub trait BoundObject<'py, T>: Sized {
    /// The same reference for another target type.
    type Any: BoundObject<'py, PyAny>;
    /// As an owned `Bound`.
    fn into_bound(self) -> Bound<'py, T>;
    /// As `PyAny`.
    fn into_any(self) -> Self::Any;
    /// A borrowed view.
    fn as_borrowed(&self) -> Borrowed<'_, 'py, T>;
    /// As an owned `Py`.
    fn unbind(self) -> Py<T> {
        self.into_bound().unbind()
    }
    /// The raw pointer, with an owned reference handed to the caller.
    fn into_ptr(self) -> *mut ffi::PyObject {
        self.into_bound().into_ptr()
    }
}

impl<'py, T> BoundObject<'py, T> for Bound<'py, T> {
    type Any = Bound<'py, PyAny>;
    fn into_bound(self) -> Bound<'py, T> {
        self
    }
    fn into_any(self) -> Self::Any {
        Bound::into_any(self)
    }
    fn as_borrowed(&self) -> Borrowed<'_, 'py, T> {
        Bound::as_borrowed(self)
    }
}

impl<'a, 'py, T> BoundObject<'py, T> for Borrowed<'a, 'py, T> {
    type Any = Borrowed<'a, 'py, PyAny>;
    fn into_bound(self) -> Bound<'py, T> {
        self.to_owned()
    }
    fn into_any(self) -> Self::Any {
        Borrowed::into_any(self)
    }
    fn as_borrowed(&self) -> Borrowed<'_, 'py, T> {
        *self
    }
}
