//! Safe wrappers for the `dict` operations beyond item access: copying, clearing, deleting,
//! the key/value/item lists and merging.

use super::int_result;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{PyAny, PyDict, PyList};

/// `dict.copy()` (a new dict).
pub(crate) fn dict_copy<'py>(d: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    // SAFETY: attached; `d` is a live dict; a new dict reference or NULL with an exception set.
    unsafe { Ok(ffi::PyDict_Copy(d.as_ptr()).assume_owned_or_err(d.py())?.cast_into_unchecked()) }
}

/// `dict.clear()`.
pub(crate) fn dict_clear(d: &Bound<'_, PyDict>) {
    // SAFETY: attached; `d` is a live dict.
    unsafe { ffi::PyDict_Clear(d.as_ptr()) }
}

/// `del dict[key]`; `KeyError` when absent.
pub(crate) fn dict_del_item(d: &Bound<'_, PyDict>, key: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(d.py(), unsafe { ffi::PyDict_DelItem(d.as_ptr(), key.as_ptr()) }).map(drop)
}

/// What [`dict_list`] lists.
#[derive(Clone, Copy)]
pub(crate) enum DictPart {
    Keys,
    Values,
    Items,
}

/// `list(dict.keys())`, `list(dict.values())` or `list(dict.items())`.
pub(crate) fn dict_list<'py>(d: &Bound<'py, PyDict>, part: DictPart) -> Bound<'py, PyList> {
    let ptr = d.as_ptr();
    // SAFETY: attached; `d` is a live dict; each returns a new list reference (NULL only on
    // memory exhaustion, which panics).
    unsafe {
        match part {
            DictPart::Keys => ffi::PyDict_Keys(ptr),
            DictPart::Values => ffi::PyDict_Values(ptr),
            DictPart::Items => ffi::PyDict_Items(ptr),
        }
        .assume_owned(d.py())
        .cast_into_unchecked()
    }
}

/// `PyDict_Merge(dict, other, override)`: `dict.update(other)` when `override`, otherwise only
/// the keys `dict` lacks.
pub(crate) fn dict_merge(
    d: &Bound<'_, PyDict>,
    other: &Bound<'_, PyAny>,
    override_existing: bool,
) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(d.py(), unsafe {
        ffi::PyDict_Merge(d.as_ptr(), other.as_ptr(), override_existing.into())
    })
    .map(drop)
}

/// `dict.update(seq)` for a sequence of key-value pairs (`PyDict_MergeFromSeq2`, which PyPy
/// lacks).
#[cfg(not(any(PyPy, GraalPy)))]
pub(crate) fn dict_merge_from_seq2(d: &Bound<'_, PyDict>, seq: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(d.py(), unsafe { ffi::PyDict_MergeFromSeq2(d.as_ptr(), seq.as_ptr(), 1) }).map(drop)
}
