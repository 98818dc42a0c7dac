//! Safe wrappers for the `list` and `tuple` operations beyond construction and item reads:
//! item and slice assignment, insertion, sorting, reversing, slicing and conversion.

use super::int_result;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{PyAny, PyList, PyTuple};

/// Clamps a Rust index to `Py_ssize_t` (indexes beyond it behave like the end of the sequence).
fn ssize(index: usize) -> ffi::Py_ssize_t {
    index.min(ffi::Py_ssize_t::MAX as usize) as ffi::Py_ssize_t
}

/// `list[index] = item`; `IndexError` when out of range.
pub(crate) fn list_set_item(
    l: &Bound<'_, PyList>,
    index: usize,
    item: Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; `l` is a live list; `PyList_SetItem` steals the item's reference (also
    // on failure); -1 with an exception set on error.
    int_result(l.py(), unsafe { ffi::PyList_SetItem(l.as_ptr(), ssize(index), item.into_ptr()) })
        .map(drop)
}

/// `list.insert(index, item)`.
pub(crate) fn list_insert(
    l: &Bound<'_, PyList>,
    index: usize,
    item: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(l.py(), unsafe { ffi::PyList_Insert(l.as_ptr(), ssize(index), item.as_ptr()) })
        .map(drop)
}

/// `list[low:high]` (a new list).
pub(crate) fn list_get_slice<'py>(
    l: &Bound<'py, PyList>,
    low: usize,
    high: usize,
) -> Bound<'py, PyList> {
    // SAFETY: attached; `l` is a live list; out-of-range bounds are clamped by CPython; a new
    // list reference (NULL only on memory exhaustion, which panics).
    unsafe {
        ffi::PyList_GetSlice(l.as_ptr(), ssize(low), ssize(high))
            .assume_owned(l.py())
            .cast_into_unchecked()
    }
}

/// `list[low:high] = seq`.
pub(crate) fn list_set_slice(
    l: &Bound<'_, PyList>,
    low: usize,
    high: usize,
    seq: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(l.py(), unsafe {
        ffi::PyList_SetSlice(l.as_ptr(), ssize(low), ssize(high), seq.as_ptr())
    })
    .map(drop)
}

/// `list.sort()`.
pub(crate) fn list_sort(l: &Bound<'_, PyList>) -> PyResult<()> {
    // SAFETY: attached; `l` is a live list; -1 with an exception set (e.g. incomparable items).
    int_result(l.py(), unsafe { ffi::PyList_Sort(l.as_ptr()) }).map(drop)
}

/// `list.reverse()`.
pub(crate) fn list_reverse(l: &Bound<'_, PyList>) -> PyResult<()> {
    // SAFETY: attached; `l` is a live list; -1 with an exception set on error.
    int_result(l.py(), unsafe { ffi::PyList_Reverse(l.as_ptr()) }).map(drop)
}

/// `tuple(list)`.
pub(crate) fn list_as_tuple<'py>(l: &Bound<'py, PyList>) -> Bound<'py, PyTuple> {
    // SAFETY: attached; `l` is a live list; a new tuple reference (NULL only on memory
    // exhaustion, which panics).
    unsafe { ffi::PyList_AsTuple(l.as_ptr()).assume_owned(l.py()).cast_into_unchecked() }
}

/// `tuple[low:high]` (a tuple).
pub(crate) fn tuple_get_slice<'py>(
    t: &Bound<'py, PyTuple>,
    low: usize,
    high: usize,
) -> Bound<'py, PyTuple> {
    // SAFETY: attached; `t` is a live tuple; out-of-range bounds are clamped; a new tuple
    // reference (NULL only on memory exhaustion, which panics).
    unsafe {
        ffi::PyTuple_GetSlice(t.as_ptr(), ssize(low), ssize(high))
            .assume_owned(t.py())
            .cast_into_unchecked()
    }
}

/// The items of a tuple as a slice of `Bound`s borrowed from the tuple.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) fn tuple_as_slice<'a, 'py>(t: &'a Bound<'py, PyTuple>) -> &'a [Bound<'py, PyAny>] {
    let len = super::tuple_len(t);
    // SAFETY: `t` is a live tuple (full API: `PyTupleObject` layout), whose `ob_item` array holds
    // `len` live references that never change and live as long as the tuple (kept alive by
    // `t` for `'a`). `Bound<'py, PyAny>` is `repr(transparent)` over a zero-sized token and a
    // non-null object pointer, so the array reads as `len` `Bound`s; the slice is shared and
    // never dropped, so no reference count changes.
    unsafe {
        let items = (*t.as_ptr().cast::<ffi::PyTupleObject>()).ob_item.as_ptr();
        std::slice::from_raw_parts(items.cast::<Bound<'py, PyAny>>(), len)
    }
}
