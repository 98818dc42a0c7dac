//! [`PyType`], Python's `type`: type objects.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyAnyMethods, PyString, PyStringMethods, PyTuple};

native_type!(
    /// A type object.
    PyType,
    "type",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyType_Type),
    check = ffi::PyType_Check
);

impl PyType {
    /// The type object of `T`.
    pub fn new<T: PyTypeInfo>(py: Python<'_>) -> Bound<'_, PyType> {
        api::type_object_of::<T>(py)
    }
}

/// Methods of type objects.
pub trait PyTypeMethods<'py> {
    /// The raw type object (borrowed from `self`).
    fn as_type_ptr(&self) -> *mut ffi::PyTypeObject;
    /// `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `__qualname__`.
    fn qualname(&self) -> PyResult<Bound<'py, PyString>>;
    /// `__module__`.
    fn module(&self) -> PyResult<Bound<'py, PyString>>;
    /// `f"{__module__}.{__qualname__}"`, or only `__qualname__` for types of the `builtins` and
    /// `__main__` modules (as `PyType_GetFullyQualifiedName`).
    fn fully_qualified_name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `issubclass(self, other)`.
    fn is_subclass(&self, other: &Bound<'_, PyAny>) -> PyResult<bool>;
    /// `issubclass(self, T)`.
    fn is_subclass_of<T: PyTypeInfo>(&self) -> PyResult<bool>;
    /// `__mro__`: the method resolution order.
    fn mro(&self) -> Bound<'py, PyTuple>;
    /// `__bases__`: the direct base classes.
    fn bases(&self) -> Bound<'py, PyTuple>;
}

fn tuple_attribute<'py>(ty: &Bound<'py, PyType>, name: &str) -> Bound<'py, PyTuple> {
    ty.getattr(name)
        .and_then(|t| t.cast_into::<PyTuple>().map_err(Into::into))
        .unwrap_or_else(|e| panic!("type.{name} is not a tuple: {e}"))
}

impl<'py> PyTypeMethods<'py> for Bound<'py, PyType> {
    fn as_type_ptr(&self) -> *mut ffi::PyTypeObject {
        self.as_ptr().cast()
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__name__")?.cast_into().map_err(Into::into)
    }

    fn qualname(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__qualname__")?.cast_into().map_err(Into::into)
    }

    fn module(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__module__")?.cast_into().map_err(Into::into)
    }

    fn fully_qualified_name(&self) -> PyResult<Bound<'py, PyString>> {
        let module = self.module()?;
        let qualname = self.qualname()?;
        let module_str = module.to_cow()?;
        if module_str == "builtins" || module_str == "__main__" {
            Ok(qualname)
        } else {
            Ok(PyString::new(self.py(), &format!("{module_str}.{}", qualname.to_cow()?)))
        }
    }

    fn is_subclass(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        api::is_subclass(self, other)
    }

    fn is_subclass_of<T: PyTypeInfo>(&self) -> PyResult<bool> {
        self.is_subclass(&api::type_object_of::<T>(self.py()))
    }

    fn mro(&self) -> Bound<'py, PyTuple> {
        tuple_attribute(self, "__mro__")
    }

    fn bases(&self) -> Bound<'py, PyTuple> {
        tuple_attribute(self, "__bases__")
    }
}
