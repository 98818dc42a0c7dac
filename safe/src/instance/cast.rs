//! Checked and unchecked casts between `Bound` types, and the `Deref` of native-type references
//! to `Bound<PyAny>` (so every `PyAnyMethods` method is available on them).

use super::Bound;
use crate::err::{CastError, CastIntoError};
use crate::type_object::{PyTypeCheck, PyTypeInfo};
use crate::types::PyAny;
use std::ops::Deref;

impl<'py, T> Bound<'py, T> {
    /// `&self` as `&Bound<U>` if the object is an instance of `U` (subclasses included).
    #[inline]
    pub fn cast<U: PyTypeCheck>(&self) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        if U::type_check(self.as_any()) {
            // SAFETY: just checked.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(self.as_any().as_borrowed(), U::NAME))
        }
    }

    /// `self` as `Bound<U>` if the object is an instance of `U` (subclasses included).
    #[inline]
    pub fn cast_into<U: PyTypeCheck>(self) -> Result<Bound<'py, U>, CastIntoError<'py>> {
        if U::type_check(self.as_any()) {
            // SAFETY: just checked.
            Ok(unsafe { self.cast_into_unchecked() })
        } else {
            Err(CastIntoError::new(self.into_any(), U::NAME))
        }
    }

    /// `&self` as `&Bound<U>` if the object's type is exactly `U`.
    #[inline]
    pub fn cast_exact<U: PyTypeInfo>(&self) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        if U::is_exact_type_of(self.as_any()) {
            // SAFETY: just checked.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(self.as_any().as_borrowed(), U::NAME))
        }
    }

    /// `self` as `Bound<U>` if the object's type is exactly `U`.
    #[inline]
    pub fn cast_into_exact<U: PyTypeInfo>(self) -> Result<Bound<'py, U>, CastIntoError<'py>> {
        if U::is_exact_type_of(self.as_any()) {
            // SAFETY: just checked.
            Ok(unsafe { self.cast_into_unchecked() })
        } else {
            Err(CastIntoError::new(self.into_any(), U::NAME))
        }
    }
}

/// Native types whose references deref to `Bound<PyAny>` (all but `PyAny` itself).
pub trait DerefToPyAny {}

impl<'py, T: DerefToPyAny> Deref for Bound<'py, T> {
    type Target = Bound<'py, PyAny>;
    #[inline]
    fn deref(&self) -> &Bound<'py, PyAny> {
        self.as_any()
    }
}
