//! [`PyType`], Python's `type`: type objects.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::types::{PyAnyMethods, PyString};

native_type!(
    /// A type object.
    PyType,
    "type",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyType_Type),
    check = ffi::PyType_Check
);

/// Methods of type objects.
pub trait PyTypeMethods<'py> {
    /// `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `__qualname__`.
    fn qualname(&self) -> PyResult<Bound<'py, PyString>>;
    /// `__module__`.
    fn module(&self) -> PyResult<Bound<'py, PyString>>;
    /// `issubclass(self, other)`.
    fn is_subclass(&self, other: &Bound<'py, crate::types::PyAny>) -> PyResult<bool>;
}

impl<'py> PyTypeMethods<'py> for Bound<'py, PyType> {
    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__name__")?.cast_into().map_err(Into::into)
    }

    fn qualname(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__qualname__")?.cast_into().map_err(Into::into)
    }

    fn module(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__module__")?.cast_into().map_err(Into::into)
    }

    fn is_subclass(&self, other: &Bound<'py, crate::types::PyAny>) -> PyResult<bool> {
        let builtins = crate::types::PyModule::import(self.py(), "builtins")?;
        builtins.getattr("issubclass")?.call1((self, other))?.is_truthy()
    }
}
