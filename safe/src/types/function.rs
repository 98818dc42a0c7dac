//! [`PyCFunction`], Python's `builtin_function_or_method`: functions written in Rust (or C),
//! made by `#[pyfunction]`/`wrap_pyfunction!` or from a closure.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::native::native_type;
use crate::impl_::argument::IntoPyReturn;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyDict, PyTuple};
use std::ffi::CStr;

native_type!(
    /// A function implemented in native code (`builtin_function_or_method`).
    PyCFunction,
    "builtin_function_or_method",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyCFunction_Type)
);

impl PyCFunction {
    /// A Python function that calls `closure` with the call's positional arguments (a tuple)
    /// and keyword arguments (a dict, if any were given). `name` defaults to `"pyo3-closure"`
    /// as in PyO3. The closure is dropped when the function object dies.
    ///
    /// ```
    /// use pyroxide::prelude::*;
    /// use pyroxide::types::{PyCFunction, PyDict, PyTuple};
    /// # pyroxide::Python::initialize();
    /// Python::attach(|py| -> PyResult<()> {
    ///     let add_one = |args: &Bound<'_, PyTuple>, _kw: Option<&Bound<'_, PyDict>>| {
    ///         args.get_item(0)?.extract::<i64>().map(|i| i + 1)
    ///     };
    ///     let f = PyCFunction::new_closure(py, None, None, add_one)?;
    ///     assert_eq!(f.call1((41,))?.extract::<i64>()?, 42);
    ///     Ok(())
    /// })
    /// .unwrap();
    /// ```
    pub fn new_closure<'py, F, R>(
        py: Python<'py>,
        name: Option<&'static CStr>,
        doc: Option<&'static CStr>,
        closure: F,
    ) -> PyResult<Bound<'py, PyCFunction>>
    where
        F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + 'static,
        R: for<'p> IntoPyReturn<'p>,
    {
        crate::impl_::closure::new_closure(py, name, doc, closure)
    }
}
