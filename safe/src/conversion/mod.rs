//! Conversions between Rust values and Python objects: [`IntoPyObject`] (Rust to Python) and
//! [`FromPyObject`] (Python to Rust), with one file per family of Rust types.

mod array;
mod bytes;
mod cell;
mod cstring;
mod float;
mod instance;
mod int;
mod ipaddr;
mod map;
mod nonzero;
mod option;
mod osstr;
mod path;
mod seq;
mod set;
mod string;
mod time;

use crate::err::PyErr;
use crate::instance::{Borrowed, Bound, BoundObject, Py};
use crate::marker::Python;
use crate::types::PyAny;

/// Conversion of a Rust value into a Python object.
#[cfg_attr(
    pyroxide_diagnostics,
    diagnostic::on_unimplemented(
        message = "`{Self}` cannot be converted to a Python object",
        note = "implement `IntoPyObject` for it, e.g. with `#[derive(IntoPyObject)]`, or make it a `#[pyclass]`"
    )
)]
pub trait IntoPyObject<'py>: Sized {
    /// The Python type of the result.
    type Target;
    /// The result: an owned `Bound` or a `Borrowed` reference.
    type Output: BoundObject<'py, Self::Target>;
    /// The conversion's error.
    type Error: Into<PyErr>;
    /// Converts `self`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error>;

    /// Converts a sequence of owned values (`Vec<Self>`, `[Self; N]`): a `list` by default,
    /// `bytes` for `u8`.
    #[doc(hidden)]
    fn owned_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        I: IntoIterator<Item = Self> + AsRef<[Self]>,
    {
        crate::types::PyList::new(py, iter).map(Bound::into_any)
    }

    /// Converts a sequence of references (`&[T]`, `&Vec<T>`, `&[T; N]`): a `list` by default,
    /// `bytes` for `&u8`.
    #[doc(hidden)]
    fn borrowed_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        Self: private::Reference,
        I: IntoIterator<Item = Self> + AsRef<[<Self as private::Reference>::BaseType]>,
    {
        crate::types::PyList::new(py, iter).map(Bound::into_any)
    }
}

/// Implementation details of [`IntoPyObject`]'s hidden methods.
#[doc(hidden)]
pub mod private {
    /// Seals the hidden sequence methods of [`IntoPyObject`](super::IntoPyObject).
    pub struct Token;

    /// `&T`, naming its `T`.
    pub trait Reference {
        /// The referenced type.
        type BaseType;
    }

    impl<T> Reference for &T {
        type BaseType = T;
    }
}

/// Extraction of a Rust value from a Python object. Failures name the expected and the actual
/// type.
#[cfg_attr(
    pyroxide_diagnostics,
    diagnostic::on_unimplemented(
        message = "`{Self}` cannot be extracted from a Python object",
        note = "implement `FromPyObject` for it, e.g. with `#[derive(FromPyObject)]`"
    )
)]
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
