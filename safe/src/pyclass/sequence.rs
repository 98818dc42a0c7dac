//! `sq_item`/`sq_ass_item` for classes that define `__getitem__`/`__setitem__` without
//! `#[pyclass(mapping)]`: the index becomes an `int` passed to the class's own mapping slot,
//! so `PySequence_GetItem`, `PySequence_Check`, and iteration or `reversed()` over a class with
//! only `__getitem__` (and `__len__`) work, as they do in PyO3.

use crate::err::PyErr;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::impl_::trampoline::trampoline;
use crate::types::PyInt;
use std::os::raw::c_int;

/// `sq_item`: `type(obj).__getitem__(obj, index)` through the type's `mp_subscript`.
///
/// # Safety
/// Called by the interpreter, attached, with a live instance of a class that has
/// `mp_subscript`.
pub(crate) unsafe extern "C" fn sq_item(
    obj: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    // SAFETY: the interpreter calls slots attached; the slot read is of `obj`'s (heap) type,
    // which `PyType_GetSlot` answers on every version; it is `mp_subscript`'s type.
    unsafe {
        trampoline(|py| {
            let index = PyInt::new(py, index);
            let slot = ffi::PyType_GetSlot(ffi::Py_TYPE(obj), ffi::Py_mp_subscript as c_int);
            let subscript: ffi::binaryfunc = std::mem::transmute(slot);
            let subscript = subscript.ok_or_else(missing)?;
            subscript(obj, index.as_ptr()).assume_owned_or_err(py).map(|r| r.into_ptr())
        })
    }
}

/// `sq_ass_item`: `__setitem__`/`__delitem__` through the type's `mp_ass_subscript`.
///
/// # Safety
/// As for [`sq_item`], with `mp_ass_subscript`; `value` is live or NULL (deletion).
pub(crate) unsafe extern "C" fn sq_ass_item(
    obj: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
    value: *mut ffi::PyObject,
) -> c_int {
    // SAFETY: as for `sq_item`; `value` is forwarded as the interpreter gave it.
    unsafe {
        trampoline(|py| {
            let index = PyInt::new(py, index);
            let slot = ffi::PyType_GetSlot(ffi::Py_TYPE(obj), ffi::Py_mp_ass_subscript as c_int);
            let assign: ffi::objobjargproc = std::mem::transmute(slot);
            let assign = assign.ok_or_else(missing)?;
            match assign(obj, index.as_ptr(), value) {
                -1 => Err(PyErr::fetch(py)),
                r => Ok(r),
            }
        })
    }
}

#[cold]
fn missing() -> PyErr {
    crate::exceptions::PySystemError::new_err("a class lost its mapping slot")
}
