//! [`Borrowed<'a, 'py, T>`]: a reference owned by something else for `'a`, usable while attached;
//! `Copy`, and free to create and drop.

use super::Bound;
use crate::ffi;
use crate::marker::Python;
use crate::types::PyAny;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

/// A borrowed reference to a Python object of type `T`, valid for `'a` while attached (`'py`).
#[repr(transparent)]
pub struct Borrowed<'a, 'py, T>(
    NonNull<ffi::PyObject>,
    PhantomData<(&'a super::Py<T>, Python<'py>)>,
);

impl<T> Clone for Borrowed<'_, '_, T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Borrowed<'_, '_, T> {}

impl<'a, 'py, T> Borrowed<'a, 'py, T> {
    /// # Safety
    /// `ptr` must stay alive for `'a`, be of type `T`, and the thread attached for `'py`.
    #[inline]
    pub(crate) unsafe fn from_non_null(_py: Python<'py>, ptr: NonNull<ffi::PyObject>) -> Self {
        Borrowed(ptr, PhantomData)
    }

    /// The token of the attachment.
    #[inline]
    pub fn py(self) -> Python<'py> {
        Python::new_unchecked()
    }

    /// The raw pointer (borrowed).
    #[inline]
    pub fn as_ptr(self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// A new owned reference to the object.
    #[inline]
    pub fn to_owned(self) -> Bound<'py, T> {
        (*self).clone()
    }

    /// This reference as `PyAny`.
    #[inline]
    pub fn into_any(self) -> Borrowed<'a, 'py, PyAny> {
        Borrowed(self.0, PhantomData)
    }

    /// Reinterprets the reference as `Borrowed<U>` without a check.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(self) -> Borrowed<'a, 'py, U> {
        Borrowed(self.0, PhantomData)
    }
}

impl<'a, 'py, T> Borrowed<'a, 'py, T> {
    /// The same reference as `Borrowed<U>`, if the object is an instance of `U`.
    #[inline]
    pub fn cast<U: crate::type_object::PyTypeCheck>(
        self,
    ) -> Result<Borrowed<'a, 'py, U>, crate::err::CastError<'a, 'py>> {
        let any = self.into_any();
        if U::type_check(&any) {
            // SAFETY: just checked.
            Ok(unsafe { any.cast_unchecked() })
        } else {
            Err(crate::err::CastError::new(any, U::NAME))
        }
    }

    /// The same reference as `Borrowed<U>`, if the object's type is exactly `U`.
    #[inline]
    pub fn cast_exact<U: crate::type_object::PyTypeInfo>(
        self,
    ) -> Result<Borrowed<'a, 'py, U>, crate::err::CastError<'a, 'py>> {
        let any = self.into_any();
        if U::is_exact_type_of(&any) {
            // SAFETY: just checked.
            Ok(unsafe { any.cast_unchecked() })
        } else {
            Err(crate::err::CastError::new(any, U::NAME))
        }
    }
}

impl<'a, 'py> Borrowed<'a, 'py, PyAny> {
    /// A borrowed reference from a raw pointer, or `None` on NULL.
    ///
    /// # Safety
    /// A non-NULL `ptr` must stay alive for `'a`; the thread must be attached for `'py`.
    #[inline]
    pub unsafe fn from_ptr_or_opt(_py: Python<'py>, ptr: *mut ffi::PyObject) -> Option<Self> {
        NonNull::new(ptr).map(|p| Borrowed(p, PhantomData))
    }

    /// A borrowed reference from a raw pointer, or the pending exception on NULL.
    ///
    /// # Safety
    /// As for [`Borrowed::from_ptr_or_opt`].
    #[inline]
    pub unsafe fn from_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> crate::err::PyResult<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { Self::from_ptr_or_opt(py, ptr) }.ok_or_else(|| crate::err::PyErr::fetch(py))
    }

    /// A borrowed reference from a raw pointer; panics (printing the pending exception) on
    /// NULL.
    ///
    /// # Safety
    /// As for [`Borrowed::from_ptr_or_opt`].
    #[inline]
    #[track_caller]
    pub unsafe fn from_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        // SAFETY: forwarded from the caller.
        unsafe { Self::from_ptr_or_err(py, ptr) }.unwrap_or_else(|e| {
            e.print(py);
            panic!("Borrowed::from_ptr: the pointer is NULL")
        })
    }
}

impl<'py, T> Deref for Borrowed<'_, 'py, T> {
    type Target = Bound<'py, T>;
    #[inline]
    fn deref(&self) -> &Bound<'py, T> {
        // SAFETY: `Borrowed` and `Bound` are both a non-null object pointer plus zero-sized
        // markers (`repr(transparent)`), and the borrowed object outlives the returned reference;
        // a `&Bound` never drops it.
        unsafe { &*(&self.0 as *const NonNull<ffi::PyObject>).cast::<Bound<'py, T>>() }
    }
}
