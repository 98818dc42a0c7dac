//! Safe wrappers for `tuple`, `list` and `dict`.

use super::int_result;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyDict, PyList, PyTuple};

/// A new tuple holding `items` (which must yield exactly `len` items).
pub(crate) fn tuple_new<'py>(
    py: Python<'py>,
    len: usize,
    items: impl Iterator<Item = Bound<'py, PyAny>>,
) -> Bound<'py, PyTuple> {
    // SAFETY: attached; a new tuple reference of `len` NULL slots (NULL only on memory
    // exhaustion, which panics).
    let tuple = unsafe { ffi::PyTuple_New(len as ffi::Py_ssize_t).assume_owned(py) };
    let mut filled = 0;
    for item in items.take(len) {
        // SAFETY: `tuple` is new and not shared yet, `filled < len`; the slot's reference is
        // handed over (SET_ITEM/SetItem steal).
        unsafe {
            #[cfg(not(Py_LIMITED_API))]
            ffi::PyTuple_SET_ITEM(tuple.as_ptr(), filled as ffi::Py_ssize_t, item.into_ptr());
            #[cfg(Py_LIMITED_API)]
            ffi::PyTuple_SetItem(tuple.as_ptr(), filled as ffi::Py_ssize_t, item.into_ptr());
        }
        filled += 1;
    }
    assert_eq!(filled, len, "iterator yielded fewer items than its reported length");
    // SAFETY: a tuple was just created.
    unsafe { tuple.cast_into_unchecked() }
}

/// `len(tuple)`.
pub(crate) fn tuple_len(t: &Bound<'_, PyTuple>) -> usize {
    // SAFETY: attached; `t` is a live tuple.
    unsafe {
        #[cfg(not(Py_LIMITED_API))]
        return ffi::PyTuple_GET_SIZE(t.as_ptr()) as usize;
        #[cfg(Py_LIMITED_API)]
        return ffi::PyTuple_Size(t.as_ptr()) as usize;
    }
}

/// `tuple[index]`; `IndexError` when out of range.
pub(crate) fn tuple_get_item<'py>(
    t: &Bound<'py, PyTuple>,
    index: usize,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `t` is a live tuple; a borrowed item (kept alive by the immutable
    // tuple) or NULL with `IndexError` set, taken as a new reference at once.
    unsafe {
        ffi::PyTuple_GetItem(t.as_ptr(), index as ffi::Py_ssize_t)
            .assume_borrowed_or_err(t.py())
            .map(|b| b.to_owned())
    }
}

/// `tuple[index]` as a borrowed reference (kept alive by the tuple, whose items never change);
/// panics if `index` is out of range.
#[inline]
pub(crate) fn tuple_get_borrowed<'a, 'py>(
    t: Borrowed<'a, 'py, PyTuple>,
    index: usize,
) -> Borrowed<'a, 'py, PyAny> {
    assert!(index < tuple_len(&t), "tuple index out of range");
    // SAFETY: attached (`t` carries the token); `t` is a live tuple and `index` is in range, so
    // the item is a live object the tuple keeps alive for `'a`.
    unsafe {
        #[cfg(not(Py_LIMITED_API))]
        let item = ffi::PyTuple_GET_ITEM(t.as_ptr(), index as ffi::Py_ssize_t);
        #[cfg(Py_LIMITED_API)]
        let item = ffi::PyTuple_GetItem(t.as_ptr(), index as ffi::Py_ssize_t);
        item.assume_borrowed(t.py())
    }
}

/// A new empty list.
pub(crate) fn list_new(py: Python<'_>) -> Bound<'_, PyList> {
    // SAFETY: attached; new reference (NULL only on memory exhaustion, which panics).
    unsafe { ffi::PyList_New(0).assume_owned(py).cast_into_unchecked() }
}

/// A new list of the items of `items`, stopping at the first error. When the iterator states
/// an exact length (`size_hint` with equal bounds), the list is made at that size and filled in
/// place; the length is only trusted as a hint: fewer items shrink the list, more are appended.
/// A panic or error mid-way drops the partly filled list (its empty slots are NULL, which the
/// list's deallocation skips), so nothing leaks.
pub(crate) fn list_from_iter<'py>(
    py: Python<'py>,
    mut items: impl Iterator<Item = PyResult<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyList>> {
    let len = match items.size_hint() {
        (lower, Some(upper)) if lower == upper && lower > 0 => lower,
        _ => {
            let list = list_new(py);
            for item in items {
                list_append(&list, &item?)?;
            }
            return Ok(list);
        }
    };
    let n = ffi::Py_ssize_t::try_from(len).unwrap_or(ffi::Py_ssize_t::MAX);
    // SAFETY: attached; a new list of `n` NULL slots, or NULL with `MemoryError` set. Until it
    // is returned, only this function holds it.
    let list: Bound<'py, PyList> =
        unsafe { ffi::PyList_New(n).assume_owned_or_err(py)?.cast_into_unchecked() };
    let mut filled: ffi::Py_ssize_t = 0;
    while filled < n {
        let Some(item) = items.next() else {
            // Fewer items than stated: drop the empty tail (`list[filled:] = []`; the removed
            // slots are NULL, which the list skips).
            // SAFETY: attached; `list` is a live list and `filled <= n` its length.
            let r = unsafe { ffi::PyList_SetSlice(list.as_ptr(), filled, n, std::ptr::null_mut()) };
            super::int_result(py, r)?;
            return Ok(list);
        };
        let item = item?;
        // SAFETY: `list` is new and not shared, `filled < n` is inside it and the slot is
        // NULL; the item's reference is handed over (SET_ITEM/SetItem steal).
        unsafe {
            #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
            ffi::PyList_SET_ITEM(list.as_ptr(), filled, item.into_ptr());
            #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
            super::int_result(py, ffi::PyList_SetItem(list.as_ptr(), filled, item.into_ptr()))?;
        }
        filled += 1;
    }
    for item in items {
        list_append(&list, &item?)?;
    }
    Ok(list)
}

/// `list.append(item)`.
pub(crate) fn list_append(l: &Bound<'_, PyList>, item: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(l.py(), unsafe { ffi::PyList_Append(l.as_ptr(), item.as_ptr()) }).map(drop)
}

/// `len(list)`.
pub(crate) fn list_len(l: &Bound<'_, PyList>) -> usize {
    // SAFETY: attached; `l` is a live list.
    unsafe { ffi::PyList_Size(l.as_ptr()) as usize }
}

/// `list[index]` as a new reference; `IndexError` when out of range.
pub(crate) fn list_get_item<'py>(
    l: &Bound<'py, PyList>,
    index: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let py = l.py();
    #[cfg(all(Py_3_13, not(PyPy)))]
    // SAFETY: attached; `l` is a live list; new reference or NULL with `IndexError` set.
    return unsafe {
        ffi::PyList_GetItemRef(l.as_ptr(), index as ffi::Py_ssize_t).assume_owned_or_err(py)
    };
    #[cfg(not(all(Py_3_13, not(PyPy))))]
    // SAFETY: attached (on GIL builds, which these versions are, no other thread can mutate the
    // list before the borrowed item is taken as a new reference); NULL with `IndexError` set.
    unsafe {
        ffi::PyList_GetItem(l.as_ptr(), index as ffi::Py_ssize_t)
            .assume_borrowed_or_err(py)
            .map(|b| b.to_owned())
    }
}

/// `list[index]` as a new reference if `index` is inside the list as it is now, else `None`
/// (the length is read at each call, so a list that shrinks while it is walked ends early).
#[inline]
pub(crate) fn list_get_item_opt<'py>(
    l: &Bound<'py, PyList>,
    index: usize,
) -> Option<Bound<'py, PyAny>> {
    #[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED, PyPy, GraalPy)))]
    // SAFETY: attached on a GIL build (no other thread can change the list meanwhile); `l` is
    // a live list and `index` is inside it, so the slot holds a live object, taken as a new
    // reference before anything else runs.
    unsafe {
        let size = ffi::PyList_GET_SIZE(l.as_ptr());
        if (index as ffi::Py_ssize_t) < size && index <= ffi::Py_ssize_t::MAX as usize {
            let item = ffi::PyList_GET_ITEM(l.as_ptr(), index as ffi::Py_ssize_t);
            return Some(item.assume_borrowed(l.py()).to_owned());
        }
        None
    }
    #[cfg(any(Py_LIMITED_API, Py_GIL_DISABLED, PyPy, GraalPy))]
    {
        if index >= list_len(l) {
            return None;
        }
        // Another thread may shrink the list in between: the `IndexError` then ends the walk.
        list_get_item(l, index).ok()
    }
}

/// A new empty dict.
pub(crate) fn dict_new(py: Python<'_>) -> Bound<'_, PyDict> {
    // SAFETY: attached; new reference (NULL only on memory exhaustion, which panics).
    unsafe { ffi::PyDict_New().assume_owned(py).cast_into_unchecked() }
}

/// `dict[key] = value`.
pub(crate) fn dict_set_item(
    d: &Bound<'_, PyDict>,
    key: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; all live; -1 with an exception set on error (e.g. unhashable key).
    int_result(d.py(), unsafe { ffi::PyDict_SetItem(d.as_ptr(), key.as_ptr(), value.as_ptr()) })
        .map(drop)
}

/// `dict.get(key)`: `Ok(None)` when absent, an error if hashing or comparing raised.
pub(crate) fn dict_get_item<'py>(
    d: &Bound<'py, PyDict>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = d.py();
    #[cfg(all(Py_3_13, not(PyPy)))]
    {
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; both live; 1 with a new reference in `result`, 0 if absent, -1 with
        // an exception set.
        let found = int_result(py, unsafe {
            ffi::PyDict_GetItemRef(d.as_ptr(), key.as_ptr(), &mut result)
        })?;
        // SAFETY: `result` is a new reference when found, NULL otherwise.
        Ok(if found == 1 { unsafe { result.assume_owned_or_opt(py) } } else { None })
    }
    #[cfg(not(all(Py_3_13, not(PyPy))))]
    {
        // SAFETY: attached (GIL builds: no concurrent mutation before the borrowed value is taken
        // as a new reference); NULL when absent or, with an exception set, on error.
        match unsafe {
            ffi::PyDict_GetItemWithError(d.as_ptr(), key.as_ptr()).assume_borrowed_or_opt(py)
        } {
            Some(v) => Ok(Some(v.to_owned())),
            None if super::occurred(py) => Err(crate::err::PyErr::fetch(py)),
            None => Ok(None),
        }
    }
}

/// `key in dict`.
pub(crate) fn dict_contains(d: &Bound<'_, PyDict>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(d.py(), unsafe { ffi::PyDict_Contains(d.as_ptr(), key.as_ptr()) }).map(|v| v == 1)
}

/// `len(dict)`.
pub(crate) fn dict_len(d: &Bound<'_, PyDict>) -> usize {
    // SAFETY: attached; `d` is a live dict.
    unsafe { ffi::PyDict_Size(d.as_ptr()) as usize }
}

/// A `PyDict_Next` position (opaque to the rest of the crate).
pub(crate) type DictPos = ffi::Py_ssize_t;

/// The next `(key, value)` of `dict` from position `pos` (`PyDict_Next`), as new references;
/// `None` at the end. On free-threaded builds the step runs in a critical section on the dict,
/// so the borrowed entries cannot be freed by another thread before they are taken.
pub(crate) fn dict_next<'py>(
    d: &Bound<'py, PyDict>,
    pos: &mut DictPos,
) -> Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let py = d.py();
    let mut key = std::ptr::null_mut();
    let mut value = std::ptr::null_mut();
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: zeroed is the state `PyCriticalSection_Begin` expects to initialise.
    let mut cs: ffi::PyCriticalSection = unsafe { std::mem::zeroed() };
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: attached; `d` is live; ended below on every path.
    unsafe {
        ffi::PyCriticalSection_Begin(&mut cs, d.as_ptr())
    };
    // SAFETY: attached; `d` is a live dict and `pos` a position obtained from earlier calls (or
    // 0); on success `key`/`value` are borrowed references kept alive by the dict, which cannot
    // change before they are taken as new references (the GIL, or the critical section).
    let entry = unsafe {
        if ffi::PyDict_Next(d.as_ptr(), pos, &mut key, &mut value) != 0 {
            Some((key.assume_borrowed(py).to_owned(), value.assume_borrowed(py).to_owned()))
        } else {
            None
        }
    };
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: ends the critical section begun above.
    unsafe {
        ffi::PyCriticalSection_End(&mut cs)
    };
    entry
}
