//! Tuple and list accessors that read the object directly (not in the limited API).

#[allow(unused_imports)]
use super::*;
use crate::generated as ffi;
#[allow(unused_imports)]
use core::ffi::{c_int, c_ulong};
#[allow(unused_imports)]
use core::ptr::addr_of_mut;
#[allow(unused_imports)]
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

// ---- Tuples, lists, str (not part of the limited API) ----

/// `PyTuple_GET_SIZE(op)`: `Py_SIZE` of the tuple (Include/cpython/tupleobject.h).
///
/// # Safety
/// `op` must point to a live tuple.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: a tuple is a `PyVarObject`.
    unsafe { Py_SIZE(op) }
}

/// Address of `ob_item[i]` of a tuple, without creating a reference to the 1-element array.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
unsafe fn tuple_slot(op: *mut PyObject, i: Py_ssize_t) -> *mut *mut PyObject {
    // SAFETY: the caller passes a live tuple and an index inside its allocation.
    unsafe {
        addr_of_mut!((*op.cast::<ffi::PyTupleObject>()).ob_item).cast::<*mut PyObject>().offset(i)
    }
}

/// `PyTuple_GET_ITEM(op, i)`: `_PyTuple_CAST(op)->ob_item[i]` (Include/cpython/tupleobject.h);
/// returns a borrowed reference.
///
/// # Safety
/// `op` must point to a live tuple and `0 <= i < PyTuple_GET_SIZE(op)`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { *tuple_slot(op, i) }
}

/// `PyTuple_SET_ITEM(op, i, v)`: stores `v` in `ob_item[i]` without touching the previous item,
/// stealing the reference to `v` (Include/cpython/tupleobject.h).
///
/// # Safety
/// `op` must point to a live, brand-new tuple not yet shared, and `0 <= i < Py_SIZE(op)`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { *tuple_slot(op, i) = v }
}

/// `PyList_GET_SIZE(op)` (Include/cpython/listobject.h): `Py_SIZE`, or a relaxed atomic load of
/// `ob_size` on free-threaded builds.
///
/// # Safety
/// `op` must point to a live list.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: a list is a `PyVarObject`; the runtime updates `ob_size` atomically.
    return unsafe {
        let size = addr_of_mut!((*op.cast::<ffi::PyVarObject>()).ob_size);
        core::sync::atomic::AtomicIsize::from_ptr(size).load(core::sync::atomic::Ordering::Relaxed)
    };
    #[cfg(not(Py_GIL_DISABLED))]
    // SAFETY: a list is a `PyVarObject`.
    return unsafe { Py_SIZE(op) };
}

/// `PyList_GET_ITEM(op, i)`: `_PyList_CAST(op)->ob_item[i]` (Include/cpython/listobject.h);
/// returns a borrowed reference.
///
/// # Safety
/// `op` must point to a live list and `0 <= i < PyList_GET_SIZE(op)`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { *(*op.cast::<ffi::PyListObject>()).ob_item.offset(i) }
}

/// `PyList_SET_ITEM(op, i, v)`: stores `v` in `ob_item[i]`, stealing the reference and leaking
/// any previous item (Include/cpython/listobject.h).
///
/// # Safety
/// `op` must point to a live list and `0 <= i < allocated`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { *(*op.cast::<ffi::PyListObject>()).ob_item.offset(i) = v }
}
