//! `str` accessors that read the object directly (not in the limited API): the length, whether
//! the string is compact ASCII, and where its characters are.

use crate::generated as ffi;
use core::ffi::{c_int, c_void};
use ffi::{PyObject, Py_ssize_t};

/// `PyUnicode_GET_LENGTH(op)`: `((PyASCIIObject*)op)->length`, the length in code points
/// (Include/cpython/unicodeobject.h; a macro before 3.12, which also asserts readiness).
///
/// # Safety
/// `op` must point to a live, ready `str` object.
#[inline(always)]
pub unsafe fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: every `str` starts with a `PyASCIIObject`.
    unsafe { (*op.cast::<ffi::PyASCIIObject>()).length }
}

/// `PyUnicode_IS_COMPACT(op)`: the characters follow the object header (every `str` made by
/// the interpreter's constructors; not instances of `str` subclasses, nor legacy strings before
/// 3.12). The `compact` bit is fixed when the object is made.
///
/// # Safety
/// `op` must point to a live `str` object.
#[inline(always)]
pub unsafe fn PyUnicode_IS_COMPACT(op: *mut PyObject) -> c_int {
    // SAFETY: every `str` starts with a `PyASCIIObject`, whose `state` holds the bit.
    unsafe { (*op.cast::<ffi::PyASCIIObject>()).state.compact() as c_int }
}

/// `PyUnicode_IS_COMPACT_ASCII(op)`: compact, and every character below 128, so the characters
/// right after the `PyASCIIObject` header are also the string's UTF-8 text. Both bits are fixed
/// when the object is made.
///
/// # Safety
/// `op` must point to a live `str` object.
#[inline(always)]
pub unsafe fn PyUnicode_IS_COMPACT_ASCII(op: *mut PyObject) -> c_int {
    // SAFETY: every `str` starts with a `PyASCIIObject`, whose `state` holds both bits.
    let state = unsafe { (*op.cast::<ffi::PyASCIIObject>()).state };
    (state.ascii() != 0 && state.compact() != 0) as c_int
}

/// `PyUnicode_DATA(op)`: the first character. For a compact string it follows the header
/// (`PyASCIIObject` when ASCII, `PyCompactUnicodeObject` otherwise: `_PyUnicode_COMPACT_DATA`);
/// otherwise it is the separate buffer `((PyUnicodeObject*)op)->data.any`.
///
/// # Safety
/// `op` must point to a live, ready `str` object.
#[inline(always)]
pub unsafe fn PyUnicode_DATA(op: *mut PyObject) -> *mut c_void {
    // SAFETY: the caller passes a live `str`: the compact kinds have the characters right after
    // their header struct, and the others are `PyUnicodeObject`s with a data pointer.
    unsafe {
        if PyUnicode_IS_COMPACT_ASCII(op) != 0 {
            op.cast::<ffi::PyASCIIObject>().add(1).cast()
        } else if PyUnicode_IS_COMPACT(op) != 0 {
            op.cast::<ffi::PyCompactUnicodeObject>().add(1).cast()
        } else {
            (*op.cast::<ffi::PyUnicodeObject>()).data.any
        }
    }
}
