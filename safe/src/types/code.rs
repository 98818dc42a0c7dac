//! [`PyCode`], Python's code objects (`types.CodeType`), compiled from source with
//! [`PyCode::compile`] and run with [`PyCodeMethods::run`].

use crate::err::PyResult;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyDict};
use std::ffi::CStr;

#[cfg(not(any(Py_LIMITED_API, PyPy)))]
native_type!(
    /// A Python code object (`types.CodeType`).
    PyCode,
    "CodeType",
    Some("types"),
    type_object = |_py| std::ptr::addr_of_mut!(crate::ffi::PyCode_Type)
);

#[cfg(any(Py_LIMITED_API, PyPy))]
native_type!(
    /// A Python code object (`types.CodeType`).
    PyCode,
    "CodeType",
    Some("types"),
    type_object = |py| code_type(py)
);

/// `types.CodeType`, imported once (the limited API and PyPy export no `PyCode_Type`).
#[cfg(any(Py_LIMITED_API, PyPy))]
fn code_type(py: Python<'_>) -> *mut crate::ffi::PyTypeObject {
    use crate::sync::PyOnceLock;
    use crate::types::PyType;
    static TYPE: PyOnceLock<crate::Py<PyType>> = PyOnceLock::new();
    TYPE.import(py, "types", "CodeType").expect("types.CodeType").as_ptr().cast()
}

/// How [`PyCode::compile`] parses its source.
pub enum PyCodeInput {
    /// One expression (as `eval`).
    Eval,
    /// A sequence of statements, as read from a file (as `exec`).
    File,
}

impl PyCode {
    /// Compiles `code`, naming it `filename` in tracebacks; a `SyntaxError` when it does not
    /// parse as `input` says.
    ///
    /// ```
    /// use pyroxide::prelude::*;
    /// use pyroxide::types::{PyCode, PyCodeInput, PyCodeMethods};
    /// # pyroxide::Python::initialize();
    /// Python::attach(|py| -> PyResult<()> {
    ///     let code = PyCode::compile(py, c"6 * 7", c"answer.py", PyCodeInput::Eval)?;
    ///     assert_eq!(code.run(None, None)?.extract::<i32>()?, 42);
    ///     Ok(())
    /// })
    /// .unwrap();
    /// ```
    pub fn compile<'py>(
        py: Python<'py>,
        code: &CStr,
        filename: &CStr,
        input: PyCodeInput,
    ) -> PyResult<Bound<'py, PyCode>> {
        let start = match input {
            PyCodeInput::Eval => api::StartSymbol::Eval,
            PyCodeInput::File => api::StartSymbol::File,
        };
        api::compile(py, code, filename, start)
    }
}

/// Methods of code objects.
pub trait PyCodeMethods<'py> {
    /// Runs the code with `globals` (default: the `__main__` module's dict) and `locals`
    /// (default: `globals`), adding `__builtins__` to globals that lack it; the value of an
    /// `Eval` code, `None` for `File` code.
    fn run(
        &self,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

impl<'py> PyCodeMethods<'py> for Bound<'py, PyCode> {
    fn run(
        &self,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        api::run_compiled(self, globals, locals)
    }
}
