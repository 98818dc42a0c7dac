//! Safe wrappers for builtin function objects, modules made from definitions, and the
//! interpreter identity that module initialisation checks.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyCFunction, PyDict, PyModule, PyModuleMethods};

/// A `builtin_function_or_method` for `def`, bound to `module` (its `self` and `__module__`).
pub(crate) fn cfunction_new<'py>(
    py: Python<'py>,
    def: &'static ffi::PyMethodDef,
    module: Option<&Bound<'py, PyModule>>,
) -> PyResult<Bound<'py, PyCFunction>> {
    let (slf, name) = match module {
        Some(m) => (m.as_ptr(), Some(m.name()?.into_any())),
        None => (std::ptr::null_mut(), None),
    };
    let name_ptr = name.as_ref().map_or(std::ptr::null_mut(), |n| n.as_ptr());
    let def_ptr = std::ptr::from_ref(def).cast_mut();
    // SAFETY: attached; `def` is `'static` (the function keeps a pointer to it); `slf` and
    // `name_ptr` are NULL or live objects the new function takes references to; a new reference
    // or NULL with an exception.
    unsafe {
        #[cfg(not(PyPy))]
        let f = ffi::PyCFunction_NewEx(def_ptr, slf, name_ptr);
        #[cfg(PyPy)]
        let f = ffi::PyCMethod_New(def_ptr, slf, name_ptr, std::ptr::null_mut());
        Ok(f.assume_owned_or_err(py)?.cast_into_unchecked())
    }
}

/// The current interpreter's id (always 0 on PyPy and GraalPy, which have one interpreter; as in
/// PyO3, GraalPy's `PyInterpreterState_Get` is not called: from a module's init it aborts with
/// "the GIL is released").
pub(crate) fn interpreter_id(py: Python<'_>) -> PyResult<i64> {
    let _ = py;
    #[cfg(any(PyPy, GraalPy))]
    return Ok(0);
    #[cfg(not(any(PyPy, GraalPy)))]
    // SAFETY: attached, so there is a current interpreter; -1 with an exception on failure.
    unsafe {
        let id = ffi::PyInterpreterState_GetID(ffi::PyInterpreterState_Get());
        if id < 0 {
            return Err(crate::PyErr::fetch(py));
        }
        Ok(id as i64)
    }
}

/// The `(key, value)` pairs of `dict`, as new references (so that the caller can use them while
/// code it runs changes the dict).
pub(crate) fn dict_items_owned<'py>(
    dict: Borrowed<'_, 'py, PyDict>,
) -> Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let dict = dict.to_owned();
    let mut pos: super::DictPos = 0;
    let mut items = Vec::with_capacity(super::dict_len(&dict));
    while let Some(entry) = super::dict_next(&dict, &mut pos) {
        items.push(entry);
    }
    items
}

/// A `builtin_function_or_method` for `def` with `slf` as its `self`.
///
/// # Safety
/// `def` must stay valid (and unmoved) for as long as the function lives, e.g. because `slf`
/// owns it.
pub(crate) unsafe fn cfunction_new_with_self<'py>(
    py: Python<'py>,
    def: &ffi::PyMethodDef,
    slf: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyCFunction>> {
    let def_ptr = std::ptr::from_ref(def).cast_mut();
    // SAFETY: attached; `def` outlives the function (the caller's contract); `slf` is live.
    unsafe {
        #[cfg(not(PyPy))]
        let f = ffi::PyCFunction_NewEx(def_ptr, slf.as_ptr(), std::ptr::null_mut());
        #[cfg(PyPy)]
        let f =
            ffi::PyCMethod_New(def_ptr, slf.as_ptr(), std::ptr::null_mut(), std::ptr::null_mut());
        Ok(f.assume_owned_or_err(py)?.cast_into_unchecked())
    }
}

#[cfg(not(PyPy))]
/// `PyImport_AppendInittab(name, init)`; panics if the interpreter is initialized already.
pub(crate) fn append_inittab(
    name: &'static std::ffi::CStr,
    init: extern "C" fn() -> *mut ffi::PyObject,
) {
    assert!(
        !crate::ffi::attach::is_initialized(),
        "append_to_inittab! must be called before the interpreter is initialized"
    );
    // SAFETY: the interpreter is not initialized, which is when the inittab may be extended;
    // `name` is `'static`; -1 only on memory exhaustion.
    let rc = unsafe { ffi::PyImport_AppendInittab(name.as_ptr(), Some(init)) };
    assert_eq!(rc, 0, "PyImport_AppendInittab failed");
}
