//! The errors of [`Bound::cast`](crate::Bound::cast) and
//! [`Bound::cast_into`](crate::Bound::cast_into), which become `TypeError`s such as
//! "'str' object is not an instance of 'int'" ("'None' is not an instance of 'int'" for `None`).

use crate::err::PyErr;
use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PyTypeMethods};
use std::borrow::Cow;

/// A failed cast of a borrowed object.
pub struct CastError<'a, 'py> {
    from: Borrowed<'a, 'py, PyAny>,
    to: Cow<'static, str>,
}

/// A failed cast of an owned object, which is handed back.
pub struct CastIntoError<'py> {
    from: Bound<'py, PyAny>,
    to: Cow<'static, str>,
}

impl<'a, 'py> CastError<'a, 'py> {
    /// A cast of `from` to the type named `to` failed.
    pub fn new(from: Borrowed<'a, 'py, PyAny>, to: impl Into<Cow<'static, str>>) -> Self {
        CastError { from, to: to.into() }
    }
}

impl<'py> CastIntoError<'py> {
    /// A cast of `from` to the type named `to` failed.
    pub fn new(from: Bound<'py, PyAny>, to: impl Into<Cow<'static, str>>) -> Self {
        CastIntoError { from, to: to.into() }
    }

    /// The object that could not be cast.
    pub fn into_inner(self) -> Bound<'py, PyAny> {
        self.from
    }
}

/// `'int' object is not an instance of 'str'`; `None` is named as itself: `'None' is not an
/// instance of 'str'`.
fn message(from: &Bound<'_, PyAny>, to: &str) -> String {
    if from.is_none() {
        return format!("'None' is not an instance of '{to}'");
    }
    let actual =
        from.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "<unknown>".into());
    format!("'{actual}' object is not an instance of '{to}'")
}

impl std::fmt::Display for CastError<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&message(&self.from, &self.to))
    }
}

impl std::fmt::Debug for CastError<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CastError({self})")
    }
}

impl std::fmt::Display for CastIntoError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&message(&self.from, &self.to))
    }
}

impl std::fmt::Debug for CastIntoError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CastIntoError({self})")
    }
}

impl std::error::Error for CastError<'_, '_> {}
impl std::error::Error for CastIntoError<'_> {}

impl From<CastError<'_, '_>> for PyErr {
    fn from(e: CastError<'_, '_>) -> PyErr {
        PyTypeError::new_err(e.to_string())
    }
}

impl From<CastIntoError<'_>> for PyErr {
    fn from(e: CastIntoError<'_>) -> PyErr {
        PyTypeError::new_err(e.to_string())
    }
}
