//! [`PyModule`], Python's module objects.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::exceptions::PyAttributeError;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyCFunction, PyDict, PyList, PyListMethods, PyString};
use std::ffi::CStr;

native_type!(
    /// A Python module.
    PyModule,
    "module",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyModule_Type)
);

impl PyModule {
    /// A new, empty module called `name` (not in `sys.modules`).
    pub fn new<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
        let module_type = py.get_type::<PyModule>();
        module_type.call1((name,))?.cast_into().map_err(Into::into)
    }

    /// `import name`.
    pub fn import<'py, N>(py: Python<'py>, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let name = name.into_pyobject(py).map_err(Into::into)?.into_any().into_bound();
        api::import(&name)?.cast_into().map_err(Into::into)
    }

    /// Compiles `code` (as if read from `file_name`) and runs it as a new module called
    /// `module_name`, which is added to `sys.modules` (like an import).
    pub fn from_code<'py>(
        py: Python<'py>,
        code: &CStr,
        file_name: &CStr,
        module_name: &CStr,
    ) -> PyResult<Bound<'py, PyModule>> {
        let compiled = api::compile(py, code, file_name, api::StartSymbol::File)?;
        api::exec_code_module(module_name, &compiled, file_name)?.cast_into().map_err(Into::into)
    }
}

/// Methods of modules.
pub trait PyModuleMethods<'py> {
    /// The module's `__dict__`.
    fn dict(&self) -> PyResult<Bound<'py, PyDict>>;
    /// The module's `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// The module's `__all__`, made (empty) if it does not exist yet.
    fn index(&self) -> PyResult<Bound<'py, PyList>>;
    /// The module's `__file__`.
    fn filename(&self) -> PyResult<Bound<'py, PyString>>;
    /// `module.name = value`, and `name` appended to `__all__`.
    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>;
    /// Adds a function under its `__name__` (see `wrap_pyfunction!`).
    fn add_function(&self, fun: Bound<'py, PyCFunction>) -> PyResult<()>;
    /// Adds a module under its `__name__` (see `wrap_pymodule!`). The submodule is not put in
    /// `sys.modules`, so `import parent.sub` does not find it (as in PyO3).
    fn add_submodule(&self, module: &Bound<'_, PyModule>) -> PyResult<()>;
    /// Adds what `wrapper` makes (the result of `wrap_pyfunction!` or `wrap_pymodule!`) under
    /// its `__name__`.
    fn add_wrapped<T>(&self, wrapper: &impl Fn(Python<'py>) -> T) -> PyResult<()>
    where
        T: crate::impl_::argument::IntoPyReturn<'py>;
    /// Adds the class `T` (a `#[pyclass]`) under its name.
    fn add_class<T: crate::pyclass::PyClass>(&self) -> PyResult<()>;
    /// Declares whether the module needs the GIL (`PyUnstable_Module_SetGIL` on free-threaded
    /// builds, where importing a module that uses it re-enables the GIL); a no-op elsewhere.
    fn gil_used(&self, gil_used: bool) -> PyResult<()>;
}

impl<'py> PyModuleMethods<'py> for Bound<'py, PyModule> {
    fn dict(&self) -> PyResult<Bound<'py, PyDict>> {
        self.getattr("__dict__")?.cast_into().map_err(Into::into)
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__name__")?.cast_into().map_err(Into::into)
    }

    fn index(&self) -> PyResult<Bound<'py, PyList>> {
        let py = self.py();
        match self.getattr("__all__") {
            Ok(all) => all.cast_into().map_err(Into::into),
            Err(e) if e.is_instance_of::<PyAttributeError>(py) => {
                let all = PyList::empty(py);
                self.setattr("__all__", &all)?;
                Ok(all)
            }
            Err(e) => Err(e),
        }
    }

    fn filename(&self) -> PyResult<Bound<'py, PyString>> {
        self.getattr("__file__")?.cast_into().map_err(Into::into)
    }

    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let name = name.into_pyobject(py).map_err(Into::into)?.into_bound();
        self.index()?.append(&name)?;
        let _: &Bound<'py, PyAny> = self.as_any();
        self.setattr(name, value)
    }

    fn add_function(&self, fun: Bound<'py, PyCFunction>) -> PyResult<()> {
        let name = fun.getattr("__name__")?.cast_into::<PyString>()?;
        self.add(name, fun)
    }

    fn add_submodule(&self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let name = module.name()?;
        self.add(name, module)
    }

    fn add_wrapped<T>(&self, wrapper: &impl Fn(Python<'py>) -> T) -> PyResult<()>
    where
        T: crate::impl_::argument::IntoPyReturn<'py>,
    {
        let object = wrapper(self.py()).into_py_return(self.py())?;
        let name = object.getattr("__name__")?.cast_into::<PyString>()?;
        self.add(name, object)
    }

    fn add_class<T: crate::pyclass::PyClass>(&self) -> PyResult<()> {
        crate::impl_::pyclass::add_class::<T>(self)
    }

    fn gil_used(&self, gil_used: bool) -> PyResult<()> {
        api::module_set_gil_used(self, gil_used)
    }
}
