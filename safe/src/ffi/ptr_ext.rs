//! The one door from raw `*mut PyObject` to owners: every owned or borrowed reference the C API
//! hands back becomes a [`Bound`] or [`Borrowed`] here, with NULL turned into the pending
//! exception (`_or_err`) or `None` (`_or_opt`).

use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::PyAny;

/// Conversions from raw object pointers returned by the C API.
pub(crate) trait FfiPtrExt: Sized {
    /// A new (owned) reference, or the pending exception if `self` is NULL.
    ///
    /// # Safety
    /// `self` is NULL or an owned reference to a live object, transferred to the result.
    unsafe fn assume_owned_or_err(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
    /// A new (owned) reference, or `None` if `self` is NULL.
    ///
    /// # Safety
    /// As for [`FfiPtrExt::assume_owned_or_err`].
    unsafe fn assume_owned_or_opt(self, py: Python<'_>) -> Option<Bound<'_, PyAny>>;
    /// A new (owned) reference; panics (after printing the pending exception) on NULL.
    ///
    /// # Safety
    /// As for [`FfiPtrExt::assume_owned_or_err`].
    unsafe fn assume_owned(self, py: Python<'_>) -> Bound<'_, PyAny>;
    /// A borrowed reference, or the pending exception if `self` is NULL.
    ///
    /// # Safety
    /// `self` is NULL or a reference kept alive by something else for at least `'a`.
    unsafe fn assume_borrowed_or_err<'a, 'py>(
        self,
        py: Python<'py>,
    ) -> PyResult<Borrowed<'a, 'py, PyAny>>;
    /// A borrowed reference, or `None` if `self` is NULL.
    ///
    /// # Safety
    /// As for [`FfiPtrExt::assume_borrowed_or_err`].
    unsafe fn assume_borrowed_or_opt<'a, 'py>(
        self,
        py: Python<'py>,
    ) -> Option<Borrowed<'a, 'py, PyAny>>;
    /// A borrowed reference; panics on NULL.
    ///
    /// # Safety
    /// As for [`FfiPtrExt::assume_borrowed_or_err`].
    unsafe fn assume_borrowed<'a, 'py>(self, py: Python<'py>) -> Borrowed<'a, 'py, PyAny>;
}

impl FfiPtrExt for *mut ffi::PyObject {
    #[inline]
    unsafe fn assume_owned_or_err(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { self.assume_owned_or_opt(py) }.ok_or_else(|| PyErr::fetch(py))
    }

    #[inline]
    unsafe fn assume_owned_or_opt(self, py: Python<'_>) -> Option<Bound<'_, PyAny>> {
        // SAFETY: forwarded from the caller: a non-NULL `self` is an owned reference.
        unsafe { Bound::from_owned_ptr_or_opt(py, self) }
    }

    #[inline]
    unsafe fn assume_owned(self, py: Python<'_>) -> Bound<'_, PyAny> {
        // SAFETY: forwarded from the caller.
        unsafe { self.assume_owned_or_err(py) }.unwrap_or_else(|e| null_pointer(py, e))
    }

    #[inline]
    unsafe fn assume_borrowed_or_err<'a, 'py>(
        self,
        py: Python<'py>,
    ) -> PyResult<Borrowed<'a, 'py, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { self.assume_borrowed_or_opt(py) }.ok_or_else(|| PyErr::fetch(py))
    }

    #[inline]
    unsafe fn assume_borrowed_or_opt<'a, 'py>(
        self,
        py: Python<'py>,
    ) -> Option<Borrowed<'a, 'py, PyAny>> {
        // SAFETY: forwarded from the caller: a non-NULL `self` stays alive for `'a`.
        unsafe { Borrowed::from_ptr_or_opt(py, self) }
    }

    #[inline]
    unsafe fn assume_borrowed<'a, 'py>(self, py: Python<'py>) -> Borrowed<'a, 'py, PyAny> {
        // SAFETY: forwarded from the caller.
        unsafe { self.assume_borrowed_or_err(py) }.unwrap_or_else(|e| null_pointer(py, e))
    }
}

#[cold]
#[track_caller]
fn null_pointer(py: Python<'_>, err: PyErr) -> ! {
    err.print(py);
    panic!("the C API returned NULL where an object was expected");
}
