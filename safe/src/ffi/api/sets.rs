//! Safe wrappers for `set` and `frozenset`.

use super::int_result;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyFrozenSet, PySet};

/// A new empty set.
pub(crate) fn set_new(py: Python<'_>) -> PyResult<Bound<'_, PySet>> {
    // SAFETY: attached; NULL iterable makes an empty set; new reference or NULL with an error.
    unsafe { ffi::PySet_New(std::ptr::null_mut()).assume_owned_or_err(py) }
        // SAFETY: `PySet_New` returns a set.
        .map(|s| unsafe { s.cast_into_unchecked() })
}

/// A new empty frozenset (still fillable with [`set_add`] until it is shared).
pub(crate) fn frozenset_new(py: Python<'_>) -> PyResult<Bound<'_, PyFrozenSet>> {
    // SAFETY: attached; NULL iterable makes an empty frozenset; new reference or NULL.
    unsafe { ffi::PyFrozenSet_New(std::ptr::null_mut()).assume_owned_or_err(py) }
        // SAFETY: `PyFrozenSet_New` returns a frozenset.
        .map(|s| unsafe { s.cast_into_unchecked() })
}

/// `set.add(key)`; also valid on a frozenset that is brand new (the C API allows it).
pub(crate) fn set_add(set: &Bound<'_, PyAny>, key: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error (unhashable key, or a
    // frozenset that is not new: `SystemError`).
    int_result(set.py(), unsafe { ffi::PySet_Add(set.as_ptr(), key.as_ptr()) }).map(drop)
}

/// `set.discard(key)`: whether the key was present.
pub(crate) fn set_discard(set: &Bound<'_, PySet>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
    // SAFETY: attached; both live; 1 found and removed, 0 absent, -1 with an exception set.
    int_result(set.py(), unsafe { ffi::PySet_Discard(set.as_ptr(), key.as_ptr()) }).map(|r| r == 1)
}

/// `key in set` (set or frozenset).
pub(crate) fn set_contains(set: &Bound<'_, PyAny>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
    // SAFETY: attached; both live; 1 found, 0 absent, -1 with an exception set.
    int_result(set.py(), unsafe { ffi::PySet_Contains(set.as_ptr(), key.as_ptr()) }).map(|r| r == 1)
}

/// `len(set)` (set or frozenset).
pub(crate) fn set_len(set: &Bound<'_, PyAny>) -> usize {
    // SAFETY: attached; `set` is a live set or frozenset (callers' types), so this cannot fail.
    unsafe { ffi::PySet_Size(set.as_ptr()) as usize }
}

/// `set.pop()`: `None` when empty.
pub(crate) fn set_pop<'py>(set: &Bound<'py, PySet>) -> Option<Bound<'py, PyAny>> {
    let py = set.py();
    // SAFETY: attached; `set` is a live set; a new reference, or NULL with `KeyError` set when
    // empty (cleared here).
    let item = unsafe { ffi::PySet_Pop(set.as_ptr()).assume_owned_or_opt(py) };
    if item.is_none() {
        drop(crate::err::PyErr::take(py));
    }
    item
}

/// `set.clear()`.
pub(crate) fn set_clear(set: &Bound<'_, PySet>) {
    // SAFETY: attached; `set` is a live set; cannot fail for a set.
    unsafe { ffi::PySet_Clear(set.as_ptr()) };
}
