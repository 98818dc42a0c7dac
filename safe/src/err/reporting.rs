//! More of [`PyErr`]'s API: errors from a runtime type object, type checks against a runtime
//! type, printing that records `sys.last_*`, explicit warnings and new exception classes.

use super::{PyErr, PyErrArguments, PyResult};
use crate::ffi::api;
use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyType};
use std::ffi::CStr;

impl PyErr {
    /// A lazily created exception of the runtime type `ty` with `args` (a single value, or a
    /// tuple of arguments). If `ty` is not an exception class, the error becomes a `TypeError`
    /// when it is instantiated.
    pub fn from_type<A>(ty: Bound<'_, PyType>, args: A) -> PyErr
    where
        A: PyErrArguments + Send + Sync + 'static,
    {
        let ty = ty.into_any().unbind();
        PyErr::lazy(Box::new(move |py| (ty, args.arguments(py))))
    }

    /// Whether the exception is an instance of `ty` (`isinstance(value, ty)`).
    pub fn is_instance(&self, py: Python<'_>, ty: &Bound<'_, PyAny>) -> bool {
        self.value(py).is_instance(ty).unwrap_or(false)
    }

    /// Prints the exception and its traceback to `sys.stderr`, and stores it in `sys.last_exc`
    /// (3.12+), `sys.last_type`, `sys.last_value` and `sys.last_traceback`.
    pub fn print_and_set_sys_last_vars(&self, py: Python<'_>) {
        self.clone_ref(py).restore(py);
        api::print_pending_and_set_last(py);
    }

    /// Issues a warning with an explicit location (`warnings.warn_explicit`); an error if the
    /// warning filter turns it into an exception.
    pub fn warn_explicit<'py>(
        py: Python<'py>,
        category: &Bound<'py, PyAny>,
        message: &CStr,
        filename: &CStr,
        lineno: i32,
        module: Option<&CStr>,
        registry: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let _ = py;
        api::warn_explicit(category, message, filename, lineno, module, registry)
    }

    /// A new exception class `name` (`"module.Name"`), deriving from `base` (default
    /// `Exception`), with docstring `doc` and the class attributes of `dict`.
    pub fn new_type<'py>(
        py: Python<'py>,
        name: &CStr,
        doc: Option<&CStr>,
        base: Option<&Bound<'py, PyType>>,
        dict: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyType>> {
        let dict = dict.map(|d| d.into_bound(py));
        api::new_exception_type_with_dict(py, name, doc, base, dict.as_ref()).map(Bound::unbind)
    }
}
