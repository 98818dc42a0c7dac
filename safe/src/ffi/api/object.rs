//! Safe wrappers of the abstract object protocol (attributes, calls, comparison, truth, length,
//! hashing, items, iteration).

use super::int_result;
use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyDict, PyIterator, PyTuple, PyType};

/// `getattr(obj, name)`.
pub(crate) fn getattr<'py>(
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; both live; new reference or NULL with an exception set.
    unsafe { ffi::PyObject_GetAttr(obj.as_ptr(), name.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `setattr(obj, name, value)`.
pub(crate) fn setattr(
    obj: &Bound<'_, PyAny>,
    name: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; all live; -1 with an exception set on error.
    int_result(obj.py(), unsafe {
        ffi::PyObject_SetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr())
    })
    .map(drop)
}

/// `delattr(obj, name)`.
pub(crate) fn delattr(obj: &Bound<'_, PyAny>, name: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; both live; a NULL value deletes (`PyObject_DelAttr` is a macro for this
    // before 3.13).
    int_result(obj.py(), unsafe {
        ffi::PyObject_SetAttr(obj.as_ptr(), name.as_ptr(), std::ptr::null_mut())
    })
    .map(drop)
}

/// `obj(*args, **kwargs)`.
pub(crate) fn call<'py>(
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = kwargs.map_or(std::ptr::null_mut(), |k| k.as_ptr());
    // SAFETY: attached; `obj` and `args` live, `kwargs` live or NULL; new reference or NULL.
    unsafe { ffi::PyObject_Call(obj.as_ptr(), args.as_ptr(), kwargs).assume_owned_or_err(obj.py()) }
}

/// `obj()`.
pub(crate) fn call0<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe { ffi::PyObject_CallNoArgs(obj.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `repr(obj)`.
pub(crate) fn repr<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe { ffi::PyObject_Repr(obj.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `str(obj)`.
pub(crate) fn str<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe { ffi::PyObject_Str(obj.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `PyObject_RichCompare(a, b, op)`.
pub(crate) fn rich_compare<'py>(
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: std::ffi::c_int,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; both live; `op` is one of the `Py_LT`… constants (checked by the
    // callers' enum); new reference or NULL with an exception set.
    unsafe { ffi::PyObject_RichCompare(a.as_ptr(), b.as_ptr(), op).assume_owned_or_err(a.py()) }
}

/// `bool(obj)`.
pub(crate) fn is_truthy(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    // SAFETY: attached; `obj` live; -1 with an exception set on error.
    int_result(obj.py(), unsafe { ffi::PyObject_IsTrue(obj.as_ptr()) }).map(|v| v != 0)
}

/// `len(obj)`.
pub(crate) fn len(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    // SAFETY: attached; `obj` live; -1 with an exception set on error.
    let n = unsafe { ffi::PyObject_Size(obj.as_ptr()) };
    if n < 0 {
        Err(PyErr::fetch(obj.py()))
    } else {
        Ok(n as usize)
    }
}

/// `hash(obj)`.
pub(crate) fn hash(obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    // SAFETY: attached; `obj` live; -1 with an exception set on error (a real hash is never -1).
    let h = unsafe { ffi::PyObject_Hash(obj.as_ptr()) };
    if h == -1 {
        Err(PyErr::fetch(obj.py()))
    } else {
        Ok(h)
    }
}

/// `obj[key]`.
pub(crate) fn get_item<'py>(
    obj: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; both live; new reference or NULL with an exception set.
    unsafe { ffi::PyObject_GetItem(obj.as_ptr(), key.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `obj[key] = value`.
pub(crate) fn set_item(
    obj: &Bound<'_, PyAny>,
    key: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: attached; all live; -1 with an exception set on error.
    int_result(obj.py(), unsafe {
        ffi::PyObject_SetItem(obj.as_ptr(), key.as_ptr(), value.as_ptr())
    })
    .map(drop)
}

/// `del obj[key]`.
pub(crate) fn del_item(obj: &Bound<'_, PyAny>, key: &Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(obj.py(), unsafe { ffi::PyObject_DelItem(obj.as_ptr(), key.as_ptr()) }).map(drop)
}

/// `iter(obj)`.
pub(crate) fn get_iter<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    let it = unsafe { ffi::PyObject_GetIter(obj.as_ptr()).assume_owned_or_err(obj.py())? };
    // `iter()` checks that `__iter__` returned an iterator; the cast re-checks it.
    Ok(super::cast_bound(it))
}

/// `next(iterator)`: `None` at the end, an error if the iterator raised.
pub(crate) fn iter_next<'py>(
    iterator: &Bound<'py, PyIterator>,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    let py = iterator.py();
    // SAFETY: attached; `iterator` is a live iterator (`PyIter_Check` held); NULL means
    // exhausted, or an error if one is set.
    match unsafe { ffi::PyIter_Next(iterator.as_ptr()).assume_owned_or_opt(py) } {
        Some(item) => Some(Ok(item)),
        None => PyErr::take(py).map(Err),
    }
}

/// `operator.length_hint(obj, 0)`, with errors ignored (a hint of 0).
pub(crate) fn length_hint(obj: &Bound<'_, PyAny>) -> usize {
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    {
        // SAFETY: attached; `obj` live; -1 with an exception set on error.
        let n = unsafe { ffi::PyObject_LengthHint(obj.as_ptr(), 0) };
        if n < 0 {
            drop(PyErr::take(obj.py()));
            return 0;
        }
        n as usize
    }
    #[cfg(any(Py_LIMITED_API, PyPy))]
    {
        let _ = obj;
        0
    }
}

/// `isinstance(obj, cls)`.
pub(crate) fn is_instance(obj: &Bound<'_, PyAny>, cls: &Bound<'_, PyAny>) -> PyResult<bool> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(obj.py(), unsafe { ffi::PyObject_IsInstance(obj.as_ptr(), cls.as_ptr()) })
        .map(|v| v == 1)
}

/// `callable(obj)`.
pub(crate) fn is_callable(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; `obj` live; never fails.
    unsafe { ffi::PyCallable_Check(obj.as_ptr()) != 0 }
}

/// `dir(obj)`.
pub(crate) fn dir<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe { ffi::PyObject_Dir(obj.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `type(obj)`.
pub(crate) fn get_type<'py>(obj: &Bound<'py, PyAny>) -> Bound<'py, PyType> {
    // SAFETY: attached; `obj` live, so its type is live; taken as a new reference.
    unsafe {
        ffi::Py_TYPE(obj.as_ptr())
            .cast::<ffi::PyObject>()
            .assume_borrowed(obj.py())
            .to_owned()
            .cast_into_unchecked()
    }
}

/// `PyImport_Import(name)`.
pub(crate) fn import<'py>(name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `name` live; new reference or NULL with an exception set.
    unsafe { ffi::PyImport_Import(name.as_ptr()).assume_owned_or_err(name.py()) }
}

/// `object.__getattribute__(obj, name)`: the generic attribute lookup (type, then `__dict__`).
pub(crate) fn generic_getattr<'py>(
    obj: Borrowed<'_, 'py, PyAny>,
    name: Borrowed<'_, 'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; both live; new reference or NULL with an exception set.
    unsafe {
        ffi::PyObject_GenericGetAttr(obj.as_ptr(), name.as_ptr()).assume_owned_or_err(obj.py())
    }
}
