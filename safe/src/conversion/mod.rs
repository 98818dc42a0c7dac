//! Conversions between Rust values and Python objects: [`IntoPyObject`] (Rust to Python) and
//! [`FromPyObject`] (Python to Rust), with one file per family of Rust types.

mod float;
mod instance;
mod int;
mod map;
mod option;
mod seq;
mod set;
mod string;

use crate::err::PyErr;
use crate::instance::{Borrowed, Bound, BoundObject, Py};
use crate::marker::Python;
use crate::types::PyAny;

/// Conversion of a Rust value into a Python object.
pub trait IntoPyObject<'py>: Sized {
    /// The Python type of the result.
    type Target;
    /// The result: an owned `Bound` or a `Borrowed` reference.
    type Output: BoundObject<'py, Self::Target>;
    /// The conversion's error.
    type Error: Into<PyErr>;
    /// Converts `self`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error>;
}

/// Extraction of a Rust value from a Python object. Failures name the expected and the actual
/// type.
pub trait FromPyObject<'a, 'py>: Sized {
    /// The extraction's error.
    type Error: Into<PyErr>;
    /// Extracts a value from `obj`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error>;
}

/// Shorthands over [`IntoPyObject`].
pub trait IntoPyObjectExt<'py>: IntoPyObject<'py> {
    /// Converts into an owned `Bound<PyAny>`.
    fn into_bound_py_any(self, py: Python<'py>) -> Result<Bound<'py, PyAny>, PyErr> {
        self.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
    }
    /// Converts into a `Py<PyAny>`.
    fn into_py_any(self, py: Python<'py>) -> Result<Py<PyAny>, PyErr> {
        self.into_bound_py_any(py).map(Bound::unbind)
    }
}

impl<'py, T: IntoPyObject<'py>> IntoPyObjectExt<'py> for T {}
