//! The interpreter's recursion guard (`Py_EnterRecursiveCall`/`Py_LeaveRecursiveCall`) for Rust
//! code that recurses on Python data, so deep nesting is a `RecursionError`, not a stack overflow.

use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::marker::Python;
use std::ffi::CStr;

/// One level of the interpreter's recursion count, given back when dropped.
pub(crate) struct RecursionGuard<'py>(Python<'py>);

/// Counts one level of recursion (`Py_EnterRecursiveCall`); `RecursionError` (its message
/// ending with `context`, e.g. `" while extracting a sequence"`) when the limit is reached.
pub(crate) fn enter_recursive_call<'py>(
    py: Python<'py>,
    context: &'static CStr,
) -> PyResult<RecursionGuard<'py>> {
    // SAFETY: the thread is attached (`py`); `context` is a NUL-terminated static string, which
    // the interpreter only reads to build the message.
    if unsafe { ffi::Py_EnterRecursiveCall(context.as_ptr()) } != 0 {
        return Err(PyErr::fetch(py));
    }
    Ok(RecursionGuard(py))
}

impl Drop for RecursionGuard<'_> {
    fn drop(&mut self) {
        let _ = self.0;
        // SAFETY: pairs the successful `Py_EnterRecursiveCall` that made this guard, on the
        // same (attached, `'py`) thread.
        unsafe { ffi::Py_LeaveRecursiveCall() }
    }
}
