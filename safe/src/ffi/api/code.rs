//! Safe wrappers for code and frame objects: compiling source to a code object, evaluating one
//! in namespaces, and creating and inspecting frames.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::types::PyFrame;
use crate::types::{PyAny, PyCode, PyDict};
use std::ffi::CStr;

/// `Py_CompileString(code, filename, start)`: a code object, or the `SyntaxError`.
pub(crate) fn compile<'py>(
    py: Python<'py>,
    code: &CStr,
    filename: &CStr,
    start: super::StartSymbol,
) -> PyResult<Bound<'py, PyCode>> {
    let start = match start {
        super::StartSymbol::Eval => ffi::Py_eval_input,
        super::StartSymbol::File => ffi::Py_file_input,
    } as std::ffi::c_int;
    // SAFETY: attached; both strings are NUL-terminated; a new reference (a code object) or
    // NULL with an exception set.
    let code = unsafe {
        ffi::Py_CompileString(code.as_ptr(), filename.as_ptr(), start).assume_owned_or_err(py)?
    };
    Ok(super::cast_bound(code))
}

/// `PyEval_EvalCode(code, globals, locals)`.
pub(crate) fn eval_code<'py>(
    code: &Bound<'py, PyCode>,
    globals: &Bound<'py, PyDict>,
    locals: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `code` is a code object and both namespaces are live dicts; the result
    // is a new reference or NULL with an exception set.
    unsafe {
        ffi::PyEval_EvalCode(code.as_ptr(), globals.as_ptr(), locals.as_ptr())
            .assume_owned_or_err(code.py())
    }
}

/// A new frame running an empty code object named `func_name` in `file_name` at
/// `line_number`, with fresh globals and locals, on the current thread.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) fn frame_new<'py>(
    py: Python<'py>,
    file_name: &CStr,
    func_name: &CStr,
    line_number: i32,
) -> PyResult<Bound<'py, PyFrame>> {
    let globals = PyDict::new(py);
    let locals = PyDict::new(py);
    // SAFETY: attached; both strings are NUL-terminated; a new code object (or NULL with an
    // exception).
    let code = unsafe {
        ffi::PyCode_NewEmpty(file_name.as_ptr(), func_name.as_ptr(), line_number)
            .cast::<ffi::PyObject>()
            .assume_owned_or_err(py)?
    };
    // SAFETY: attached, so `PyThreadState_Get` returns this thread's state; `code` is a code
    // object, both namespaces are dicts; a new frame or NULL with an exception.
    let frame = unsafe {
        ffi::PyFrame_New(
            ffi::PyThreadState_Get(),
            code.as_ptr().cast(),
            globals.as_ptr(),
            locals.as_ptr(),
        )
        .cast::<ffi::PyObject>()
        .assume_owned_or_err(py)?
    };
    Ok(super::cast_bound(frame))
}

/// `PyFrame_GetLineNumber(frame)`.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) fn frame_line_number(frame: &Bound<'_, PyFrame>) -> i32 {
    // SAFETY: attached; `frame` is a live frame; never fails.
    unsafe { ffi::PyFrame_GetLineNumber(frame.as_ptr().cast()) as i32 }
}

/// `PyFrame_GetBack(frame)`: the caller's frame, if any.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) fn frame_back<'py>(frame: &Bound<'py, PyFrame>) -> Option<Bound<'py, PyFrame>> {
    // SAFETY: attached; `frame` is a live frame; a new reference or NULL (no exception).
    let back = unsafe {
        ffi::PyFrame_GetBack(frame.as_ptr().cast())
            .cast::<ffi::PyObject>()
            .assume_owned_or_opt(frame.py())
    };
    back.map(super::cast_bound)
}

/// `PyFrame_GetCode(frame)`.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) fn frame_code<'py>(frame: &Bound<'py, PyFrame>) -> Bound<'py, PyCode> {
    // SAFETY: attached; `frame` is a live frame; a new (never NULL) reference to its code.
    let code = unsafe {
        ffi::PyFrame_GetCode(frame.as_ptr().cast()).cast::<ffi::PyObject>().assume_owned(frame.py())
    };
    super::cast_bound(code)
}

/// `PyFrame_GetVar(frame, name)`: `NameError` when the frame has no such variable.
#[cfg(all(Py_3_12, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
pub(crate) fn frame_var<'py>(
    frame: &Bound<'py, PyFrame>,
    name: &CStr,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `frame` live; `name` NUL-terminated; a new reference or NULL with an
    // exception set.
    unsafe {
        ffi::PyFrame_GetVarString(frame.as_ptr().cast(), name.as_ptr())
            .assume_owned_or_err(frame.py())
    }
}

/// Which namespace [`frame_namespace`] reads.
#[cfg(all(Py_3_11, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
#[derive(Clone, Copy)]
pub(crate) enum FrameNamespace {
    Builtins,
    Globals,
    Locals,
}

/// `PyFrame_GetBuiltins`/`PyFrame_GetGlobals`/`PyFrame_GetLocals(frame)`.
#[cfg(all(Py_3_11, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
pub(crate) fn frame_namespace<'py>(
    frame: &Bound<'py, PyFrame>,
    which: FrameNamespace,
) -> Bound<'py, PyAny> {
    let f = frame.as_ptr().cast();
    // SAFETY: attached; `frame` is a live frame; each returns a new, never NULL reference
    // (`PyFrame_GetLocals` may build a proxy or dict, which cannot fail short of memory).
    unsafe {
        match which {
            FrameNamespace::Builtins => ffi::PyFrame_GetBuiltins(f),
            FrameNamespace::Globals => ffi::PyFrame_GetGlobals(f),
            FrameNamespace::Locals => ffi::PyFrame_GetLocals(f),
        }
        .assume_owned(frame.py())
    }
}
