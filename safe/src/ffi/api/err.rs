//! Safe wrappers of the error indicator and exception objects.

use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;
use std::ffi::CStr;

/// Takes the pending exception (normalized, with its traceback attached), if any.
pub(crate) fn take_raised(py: Python<'_>) -> Option<Bound<'_, PyAny>> {
    #[cfg(Py_3_12)]
    // SAFETY: attached; returns the pending exception as a new reference (clearing the
    // indicator) or NULL.
    return unsafe { ffi::PyErr_GetRaisedException().assume_owned_or_opt(py) };
    #[cfg(not(Py_3_12))]
    // SAFETY: attached; `PyErr_Fetch` hands over three new references (or NULL) and clears the
    // indicator; `PyErr_NormalizeException` replaces them by new references in place; the type
    // and traceback are released after the traceback is attached to the value.
    unsafe {
        let (mut ptype, mut pvalue, mut ptraceback) =
            (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
        ffi::PyErr_Fetch(&mut ptype, &mut pvalue, &mut ptraceback);
        if ptype.is_null() {
            return None;
        }
        ffi::PyErr_NormalizeException(&mut ptype, &mut pvalue, &mut ptraceback);
        if !ptraceback.is_null() {
            ffi::PyException_SetTraceback(pvalue, ptraceback);
        }
        ffi::Py_XDECREF(ptype);
        ffi::Py_XDECREF(ptraceback);
        pvalue.assume_owned_or_opt(py)
    }
}

/// Makes `exc` (an exception instance) the pending exception.
pub(crate) fn restore_raised(exc: Bound<'_, PyAny>) {
    #[cfg(Py_3_12)]
    // SAFETY: attached; `exc` is an exception instance whose reference is handed over.
    unsafe {
        ffi::PyErr_SetRaisedException(exc.into_ptr())
    };
    #[cfg(not(Py_3_12))]
    // SAFETY: attached; `PyErr_Restore` takes over three references: a new one to the type, the
    // instance's, and the traceback's (new or NULL).
    unsafe {
        let value = exc.into_ptr();
        let ptype = ffi::Py_TYPE(value).cast::<ffi::PyObject>();
        ffi::Py_INCREF(ptype);
        let traceback = ffi::PyException_GetTraceback(value);
        ffi::PyErr_Restore(ptype, value, traceback);
    }
}

/// `PyErr_SetObject(ty, value)`: raises an exception of class `ty` made from `value` (the
/// argument tuple, or the single argument), created when the interpreter needs the instance.
pub(crate) fn set_error_object(ty: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) {
    // SAFETY: attached; both live (borrowed for the call, `PyErr_SetObject` takes its own
    // references); the caller checked that `ty` is an exception class.
    unsafe { ffi::PyErr_SetObject(ty.as_ptr(), value.as_ptr()) }
}

/// Whether an exception is pending.
pub(crate) fn occurred(_py: Python<'_>) -> bool {
    // SAFETY: attached; returns a borrowed pointer, only compared with NULL.
    unsafe { !ffi::PyErr_Occurred().is_null() }
}

/// `PyErr_GivenExceptionMatches(given, exc)`.
pub(crate) fn given_matches(given: &Bound<'_, PyAny>, exc: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; both live.
    unsafe { ffi::PyErr_GivenExceptionMatches(given.as_ptr(), exc.as_ptr()) != 0 }
}

/// Prints the pending exception to `sys.stderr` and clears it.
pub(crate) fn print_pending(_py: Python<'_>) {
    // SAFETY: attached; an exception is pending (callers restore one first); 0 = do not set
    // `sys.last_*`.
    unsafe { ffi::PyErr_PrintEx(0) }
}

/// Reports the pending exception through `sys.unraisablehook` and clears it.
pub(crate) fn write_unraisable_pending(_py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) {
    let obj = obj.map_or(std::ptr::null_mut(), |o| o.as_ptr());
    // SAFETY: attached; an exception is pending; `obj` live or NULL.
    unsafe { ffi::PyErr_WriteUnraisable(obj) }
}

/// `warnings.warn(message, category, stacklevel)`; `false` if the warning became an exception.
pub(crate) fn warn(category: &Bound<'_, PyAny>, message: &CStr, stacklevel: isize) -> bool {
    // SAFETY: attached; `category` live, `message` NUL-terminated; -1 with an exception set if
    // the warning was turned into an error.
    unsafe { ffi::PyErr_WarnEx(category.as_ptr(), message.as_ptr(), stacklevel as _) == 0 }
}

/// The exception's `__traceback__`, if any.
pub(crate) fn exception_traceback<'py>(exc: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    // SAFETY: attached; `exc` is a live exception instance; new reference or NULL.
    unsafe { ffi::PyException_GetTraceback(exc.as_ptr()).assume_owned_or_opt(exc.py()) }
}

/// The exception's `__cause__`, if any.
pub(crate) fn exception_cause<'py>(exc: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    // SAFETY: attached; `exc` is a live exception instance; new reference or NULL.
    unsafe { ffi::PyException_GetCause(exc.as_ptr()).assume_owned_or_opt(exc.py()) }
}

/// Sets (or with `None` clears) the exception's `__cause__`.
pub(crate) fn set_exception_cause(exc: &Bound<'_, PyAny>, cause: Option<Bound<'_, PyAny>>) {
    let cause = cause.map_or(std::ptr::null_mut(), Bound::into_ptr);
    // SAFETY: attached; `exc` is a live exception instance; the reference to `cause` (an
    // exception instance or NULL) is handed over.
    unsafe { ffi::PyException_SetCause(exc.as_ptr(), cause) }
}

/// The exception's `__context__`, if any.
pub(crate) fn exception_context<'py>(exc: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    // SAFETY: attached; `exc` is a live exception instance; new reference or NULL.
    unsafe { ffi::PyException_GetContext(exc.as_ptr()).assume_owned_or_opt(exc.py()) }
}

/// Sets (or with `None` clears) the exception's `__context__`.
pub(crate) fn set_exception_context(exc: &Bound<'_, PyAny>, context: Option<Bound<'_, PyAny>>) {
    let context = context.map_or(std::ptr::null_mut(), Bound::into_ptr);
    // SAFETY: attached; `exc` is a live exception instance; the reference to `context` (an
    // exception instance or NULL) is handed over.
    unsafe { ffi::PyException_SetContext(exc.as_ptr(), context) }
}

/// Whether `obj` is an exception instance (`PyExceptionInstance_Check`).
pub(crate) fn is_exception_instance(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; `obj` live, so is its type.
    let flags = unsafe { ffi::PyType_GetFlags(ffi::Py_TYPE(obj.as_ptr())) } as std::ffi::c_ulong;
    flags & (ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS as std::ffi::c_ulong) != 0
}

/// Whether `obj` is an exception class (`PyExceptionClass_Check`).
pub(crate) fn is_exception_class(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; `obj` live.
    let is_type = unsafe { ffi::PyType_Check(obj.as_ptr()) } != 0;
    // SAFETY: `obj` is a type object (checked just before).
    is_type
        && (unsafe { ffi::PyType_GetFlags(obj.as_ptr().cast()) } as std::ffi::c_ulong)
            & (ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS as std::ffi::c_ulong)
            != 0
}
