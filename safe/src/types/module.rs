//! [`PyModule`], Python's module objects.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyString};

native_type!(
    /// A Python module.
    PyModule,
    "module",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyModule_Type)
);

impl PyModule {
    /// `import name`.
    pub fn import<'py, N>(py: Python<'py>, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let name = name.into_pyobject(py).map_err(Into::into)?.into_any().into_bound();
        api::import(&name)?.cast_into().map_err(Into::into)
    }
}

/// Methods of modules.
pub trait PyModuleMethods<'py> {
    /// The module's `__dict__`.
    fn dict(&self) -> PyResult<Bound<'py, PyDict>>;
    /// The module's `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `setattr(module, name, value)`.
    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>;
}

impl<'py> PyModuleMethods<'py> for Bound<'py, PyModule> {
    fn dict(&self) -> PyResult<Bound<'py, PyDict>> {
        self.getattr("__dict__")?.cast_into().map_err(Into::into)
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__name__")?.cast_into().map_err(Into::into)
    }

    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        let _: &Bound<'py, PyAny> = self.as_any();
        self.setattr(name, value)
    }
}
