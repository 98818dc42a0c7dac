//! Safe wrappers over the C API for the rest of the crate: each takes live references
//! (`Bound`/`Borrowed`) or plain Rust values, and turns the C conventions (new reference or NULL,
//! -1 with an exception set, borrowed results) into `PyResult`s of owners, through the one door
//! in `ptr_ext`. Nothing outside `ffi/` calls a raw function.

mod buffers;
mod builtins;
mod classes;
mod code;
mod containers;
mod critical_section;
mod datetime;
mod datetime_fields;
mod dicts;
mod err;
mod exc;
mod functions;
mod lists;
mod marshal;
mod object;
mod operators;
mod protocols;
mod recursion;
mod runtime;
mod scalars;
mod sets;
mod text;
mod weakref;

pub(crate) use buffers::*;
pub(crate) use builtins::*;
pub(crate) use classes::*;
pub(crate) use code::*;
pub(crate) use containers::*;
pub(crate) use critical_section::*;
pub(crate) use datetime::*;
pub(crate) use datetime_fields::*;
pub(crate) use dicts::*;
pub(crate) use err::*;
pub(crate) use exc::*;
pub(crate) use functions::*;
pub(crate) use lists::*;
#[cfg(not(Py_LIMITED_API))]
pub(crate) use marshal::*;
pub(crate) use object::*;
pub(crate) use operators::*;
pub(crate) use protocols::*;
pub(crate) use recursion::*;
pub(crate) use runtime::*;
pub(crate) use scalars::*;
pub(crate) use sets::*;
pub(crate) use text::*;
pub(crate) use weakref::*;

use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyDict, PyType};
use std::ffi::CStr;

/// How [`run_code`] compiles its source (`Py_eval_input` or `Py_file_input`).
#[derive(Clone, Copy)]
pub(crate) enum StartSymbol {
    Eval,
    File,
}

/// Compiles and runs `code` with `globals` (default: `__main__.__dict__`) and `locals` (default:
/// the globals); adds `__builtins__` to globals that lack it, as `exec` does.
pub(crate) fn run_code<'py>(
    py: Python<'py>,
    code: &CStr,
    start: StartSymbol,
    globals: Option<&Bound<'py, PyDict>>,
    locals: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let compiled = compile(py, code, c"<string>", start)?;
    run_compiled(&compiled, globals, locals)
}

/// Runs a code object with `globals` (default: `__main__.__dict__`) and `locals` (default: the
/// globals); adds `__builtins__` to globals that lack it, as `exec` does.
pub(crate) fn run_compiled<'py>(
    code: &Bound<'py, crate::types::PyCode>,
    globals: Option<&Bound<'py, PyDict>>,
    locals: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = code.py();
    let main_dict;
    let globals = match globals {
        Some(g) => g,
        None => {
            main_dict = main_module_dict(py)?;
            &main_dict
        }
    };
    let builtins_key = crate::types::PyString::new(py, "__builtins__");
    if !dict_contains(globals, builtins_key.as_any())? {
        // SAFETY: attached; `PyEval_GetBuiltins` returns a borrowed reference to the current
        // builtins dict (or NULL), which we take a new reference to at once.
        let builtins = unsafe { ffi::PyEval_GetBuiltins().assume_borrowed_or_err(py)? }.to_owned();
        dict_set_item(globals, builtins_key.as_any(), &builtins)?;
    }
    eval_code(code, globals, locals.unwrap_or(globals))
}

fn main_module_dict(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    // SAFETY: attached; both functions return borrowed references (or NULL with an exception),
    // of which the module's dict is taken as a new reference at once.
    unsafe {
        let main = ffi::PyImport_AddModule(c"__main__".as_ptr()).assume_borrowed_or_err(py)?;
        let dict = ffi::PyModule_GetDict(main.as_ptr()).assume_borrowed_or_err(py)?;
        Ok(dict.to_owned().cast_into_unchecked())
    }
}

/// `Py_GetVersion()`: a string that lives as long as the process.
pub(crate) fn version_str() -> &'static str {
    // SAFETY: `Py_GetVersion` returns a pointer to a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(ffi::Py_GetVersion()) };
    version.to_str().unwrap_or("0.0.0")
}

/// `PyErr_CheckSignals() == 0`; on `false` an exception is pending.
pub(crate) fn check_signals(_py: Python<'_>) -> bool {
    // SAFETY: attached (`_py`).
    unsafe { ffi::PyErr_CheckSignals() == 0 }
}

/// `T`'s type object as an owned reference.
pub(crate) fn type_object_of<T: PyTypeInfo>(py: Python<'_>) -> Bound<'_, PyType> {
    // SAFETY: `PyTypeInfo`'s contract: a valid type object that lives as long as the
    // interpreter.
    unsafe {
        T::type_object_raw(py)
            .cast::<ffi::PyObject>()
            .assume_borrowed(py)
            .to_owned()
            .cast_into_unchecked()
    }
}

/// `PyObject_TypeCheck(object, T)`.
pub(crate) fn is_instance_of_type<T: PyTypeInfo>(object: &Bound<'_, PyAny>) -> bool {
    let ty = T::type_object_raw(object.py());
    // SAFETY: attached; `object` is live and `ty` a valid type object (`PyTypeInfo`).
    unsafe {
        ffi::Py_IS_TYPE(object.as_ptr(), ty) != 0
            || ffi::PyType_IsSubtype(ffi::Py_TYPE(object.as_ptr()), ty) != 0
    }
}

/// `Py_IS_TYPE(object, T)`.
pub(crate) fn is_exact_instance_of_type<T: PyTypeInfo>(object: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; `object` is live and the type object valid (`PyTypeInfo`).
    unsafe { ffi::Py_IS_TYPE(object.as_ptr(), T::type_object_raw(object.py())) != 0 }
}

/// Turns a C `int` result of -1-on-error functions into a `PyResult`.
#[inline]
pub(crate) fn int_result(py: Python<'_>, result: std::ffi::c_int) -> PyResult<std::ffi::c_int> {
    if result == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(result)
    }
}

/// `b` as `Borrowed<T>`, checked (callers pass objects known to be of type `T`; the check makes
/// a mistake a panic instead of undefined behaviour).
#[inline]
pub(crate) fn cast_borrowed<'a, 'py, T: PyTypeInfo>(
    b: crate::instance::Borrowed<'a, 'py, PyAny>,
) -> crate::instance::Borrowed<'a, 'py, T> {
    assert!(T::is_type_of(&b), "object is not a {}", T::NAME);
    // SAFETY: just checked.
    unsafe { b.cast_unchecked() }
}

/// `b` as `Bound<T>`, checked (callers pass objects known to be of type `T`; the check makes a
/// mistake a panic instead of undefined behaviour).
#[inline]
pub(crate) fn cast_bound<T: PyTypeInfo>(b: Bound<'_, PyAny>) -> Bound<'_, T> {
    assert!(T::is_type_of(&b), "object is not a {}", T::NAME);
    // SAFETY: just checked.
    unsafe { b.cast_into_unchecked() }
}
