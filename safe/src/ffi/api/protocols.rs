//! Safe wrappers for the abstract sequence and mapping protocols (`PySequence_*`,
//! `PyMapping_*`), used by `PySequence` and `PyMapping`. Results of sequence operations are
//! typed `PySequence` unchecked: the marker adds nothing to `PyAny`'s layout, so a wrong guess
//! could only make later protocol calls raise, never misread memory.

use super::int_result;
use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{PyAny, PySequence};

fn size_result(seq: &Bound<'_, PyAny>, n: ffi::Py_ssize_t) -> PyResult<usize> {
    if n < 0 {
        Err(PyErr::fetch(seq.py()))
    } else {
        Ok(n as usize)
    }
}

/// `seq + other` through the sequence protocol.
pub(crate) fn sequence_concat<'py>(
    seq: &Bound<'py, PyAny>,
    other: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PySequence>> {
    // SAFETY: attached; both live; new reference or NULL with an exception set.
    unsafe {
        ffi::PySequence_Concat(seq.as_ptr(), other.as_ptr())
            .assume_owned_or_err(seq.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// `seq * count` through the sequence protocol.
pub(crate) fn sequence_repeat<'py>(
    seq: &Bound<'py, PyAny>,
    count: usize,
) -> PyResult<Bound<'py, PySequence>> {
    // SAFETY: attached; `seq` live; new reference or NULL with an exception set.
    unsafe {
        ffi::PySequence_Repeat(seq.as_ptr(), count as ffi::Py_ssize_t)
            .assume_owned_or_err(seq.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// `seq += other` (in place where the sequence supports it).
pub(crate) fn sequence_in_place_concat<'py>(
    seq: &Bound<'py, PyAny>,
    other: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PySequence>> {
    // SAFETY: attached; both live; new reference or NULL with an exception set.
    unsafe {
        ffi::PySequence_InPlaceConcat(seq.as_ptr(), other.as_ptr())
            .assume_owned_or_err(seq.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// `seq *= count` (in place where the sequence supports it).
pub(crate) fn sequence_in_place_repeat<'py>(
    seq: &Bound<'py, PyAny>,
    count: usize,
) -> PyResult<Bound<'py, PySequence>> {
    // SAFETY: attached; `seq` live; new reference or NULL with an exception set.
    unsafe {
        ffi::PySequence_InPlaceRepeat(seq.as_ptr(), count as ffi::Py_ssize_t)
            .assume_owned_or_err(seq.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// `seq[begin:end]`.
pub(crate) fn sequence_get_slice<'py>(
    seq: &Bound<'py, PyAny>,
    begin: usize,
    end: usize,
) -> PyResult<Bound<'py, PySequence>> {
    let (b, e) = (begin.min(isize::MAX as usize), end.min(isize::MAX as usize));
    // SAFETY: attached; `seq` live; new reference or NULL with an exception set.
    unsafe {
        ffi::PySequence_GetSlice(seq.as_ptr(), b as ffi::Py_ssize_t, e as ffi::Py_ssize_t)
            .assume_owned_or_err(seq.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// `seq[index] = value`.
pub(crate) fn sequence_set_item(
    seq: &Bound<'_, PyAny>,
    index: usize,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(seq.py(), unsafe {
        ffi::PySequence_SetItem(seq.as_ptr(), index as ffi::Py_ssize_t, value.as_ptr())
    })
    .map(drop)
}

/// `del seq[index]`.
pub(crate) fn sequence_del_item(seq: &Bound<'_, PyAny>, index: usize) -> PyResult<()> {
    // SAFETY: attached; `seq` live; -1 with an exception set on error.
    int_result(seq.py(), unsafe { ffi::PySequence_DelItem(seq.as_ptr(), index as ffi::Py_ssize_t) })
        .map(drop)
}

/// `seq[begin:end] = value`.
pub(crate) fn sequence_set_slice(
    seq: &Bound<'_, PyAny>,
    begin: usize,
    end: usize,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let (b, e) = (begin.min(isize::MAX as usize), end.min(isize::MAX as usize));
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(seq.py(), unsafe {
        ffi::PySequence_SetSlice(seq.as_ptr(), b as _, e as _, value.as_ptr())
    })
    .map(drop)
}

/// `del seq[begin:end]`.
pub(crate) fn sequence_del_slice(seq: &Bound<'_, PyAny>, begin: usize, end: usize) -> PyResult<()> {
    let (b, e) = (begin.min(isize::MAX as usize), end.min(isize::MAX as usize));
    // SAFETY: attached; `seq` live; -1 with an exception set on error.
    int_result(seq.py(), unsafe { ffi::PySequence_DelSlice(seq.as_ptr(), b as _, e as _) })
        .map(drop)
}

/// `seq.count(value)` (PyPy lacks `PySequence_Count`).
#[cfg(not(PyPy))]
pub(crate) fn sequence_count(seq: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    size_result(seq, unsafe { ffi::PySequence_Count(seq.as_ptr(), value.as_ptr()) })
}

/// `value in seq`.
pub(crate) fn sequence_contains(
    seq: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(seq.py(), unsafe { ffi::PySequence_Contains(seq.as_ptr(), value.as_ptr()) })
        .map(|r| r == 1)
}

/// `seq.index(value)`; `ValueError` if absent.
pub(crate) fn sequence_index(seq: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    size_result(seq, unsafe { ffi::PySequence_Index(seq.as_ptr(), value.as_ptr()) })
}

/// `list(seq)`.
pub(crate) fn sequence_list<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `seq` live; new reference or NULL with an exception set.
    unsafe { ffi::PySequence_List(seq.as_ptr()).assume_owned_or_err(seq.py()) }
}

/// `tuple(seq)`.
pub(crate) fn sequence_tuple<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `seq` live; new reference or NULL with an exception set.
    unsafe { ffi::PySequence_Tuple(seq.as_ptr()).assume_owned_or_err(seq.py()) }
}

/// `len(mapping)` through the mapping protocol.
pub(crate) fn mapping_len(mapping: &Bound<'_, PyAny>) -> PyResult<usize> {
    // SAFETY: attached; `mapping` live; -1 with an exception set on error.
    size_result(mapping, unsafe { ffi::PyMapping_Size(mapping.as_ptr()) })
}

/// `list(mapping.keys())`.
pub(crate) fn mapping_keys<'py>(mapping: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `mapping` live; a new list reference or NULL with an exception set.
    unsafe { ffi::PyMapping_Keys(mapping.as_ptr()).assume_owned_or_err(mapping.py()) }
}

/// `list(mapping.values())`.
pub(crate) fn mapping_values<'py>(mapping: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `mapping` live; a new list reference or NULL with an exception set.
    unsafe { ffi::PyMapping_Values(mapping.as_ptr()).assume_owned_or_err(mapping.py()) }
}

/// `list(mapping.items())`.
pub(crate) fn mapping_items<'py>(mapping: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `mapping` live; a new list reference or NULL with an exception set.
    unsafe { ffi::PyMapping_Items(mapping.as_ptr()).assume_owned_or_err(mapping.py()) }
}

/// `types.MappingProxyType(mapping)`: a read-only view of `mapping`.
#[cfg(any(not(PyPy), Py_3_11))]
pub(crate) fn mapping_proxy_new<'py>(
    mapping: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, crate::types::PyMappingProxy>> {
    // SAFETY: attached; `mapping` live; a new mappingproxy reference or NULL with an exception
    // set (a `TypeError` for non-mappings).
    unsafe {
        ffi::PyDictProxy_New(mapping.as_ptr())
            .assume_owned_or_err(mapping.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// `memoryview(object)`; a `TypeError` if `object` does not support the buffer protocol.
pub(crate) fn memoryview_from<'py>(
    object: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, crate::types::PyMemoryView>> {
    // SAFETY: attached; `object` live; a new memoryview reference or NULL with an exception set.
    unsafe {
        ffi::PyMemoryView_FromObject(object.as_ptr())
            .assume_owned_or_err(object.py())
            .map(|r| r.cast_into_unchecked())
    }
}
