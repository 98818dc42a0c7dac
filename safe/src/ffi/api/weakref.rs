//! Safe wrappers for weak references: creating `weakref.ref`s and proxies, reading their
//! referent, and recognising them (CPython's `PyWeakref_Check*` are macros, PyPy exports them).

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;

/// `weakref.ref(object, callback)`; a `TypeError` if `object` cannot be weakly referenced.
pub(crate) fn weakref_new_ref<'py>(
    object: &Bound<'py, PyAny>,
    callback: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let callback = callback.map_or(std::ptr::null_mut(), |c| c.as_ptr());
    // SAFETY: attached; `object` live, `callback` live or NULL; new reference or NULL with an
    // exception set.
    unsafe { ffi::PyWeakref_NewRef(object.as_ptr(), callback).assume_owned_or_err(object.py()) }
}

/// `weakref.proxy(object, callback)`; a `TypeError` if `object` cannot be weakly referenced.
pub(crate) fn weakref_new_proxy<'py>(
    object: &Bound<'py, PyAny>,
    callback: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let callback = callback.map_or(std::ptr::null_mut(), |c| c.as_ptr());
    // SAFETY: as for `weakref_new_ref`.
    unsafe { ffi::PyWeakref_NewProxy(object.as_ptr(), callback).assume_owned_or_err(object.py()) }
}

/// The referent of the weak reference or proxy `reference` (a new reference), `None` if it
/// died; an error if `reference` is not a weak reference.
pub(crate) fn weakref_get<'py>(
    reference: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = reference.py();
    #[cfg(all(Py_3_13, not(PyPy)))]
    {
        let mut object = std::ptr::null_mut();
        // SAFETY: attached; `reference` live; 1 with a new reference in `object`, 0 if dead,
        // -1 with an exception set.
        match unsafe { ffi::PyWeakref_GetRef(reference.as_ptr(), &mut object) } {
            // SAFETY: `object` is a new reference.
            1 => Ok(Some(unsafe { object.assume_owned(py) })),
            0 => Ok(None),
            _ => Err(crate::err::PyErr::fetch(py)),
        }
    }
    #[cfg(not(all(Py_3_13, not(PyPy))))]
    {
        use crate::types::PyAnyMethods;
        use ffi::PyWeakref_GetObject as get_object;
        // SAFETY: attached (a GIL build: these versions have no free-threaded variant, so the
        // referent cannot die before it is taken as a new reference); a borrowed reference,
        // `None` when dead, or NULL with an exception set.
        let object = unsafe { get_object(reference.as_ptr()).assume_borrowed_or_err(py)? };
        Ok((!object.is_none()).then(|| object.to_owned()))
    }
}

/// Whether `object` is a `weakref.ref` (or a subclass).
pub(crate) fn is_weakref_ref(object: &Bound<'_, PyAny>) -> bool {
    #[cfg(PyPy)]
    // SAFETY: attached; `object` live; never fails.
    return unsafe { ffi::PyWeakref_CheckRef(object.as_ptr()) != 0 };
    #[cfg(not(PyPy))]
    // SAFETY: attached; `object` live; `_PyWeakref_RefType` is a static type object.
    unsafe {
        let ty = std::ptr::addr_of_mut!(ffi::_PyWeakref_RefType);
        ffi::Py_IS_TYPE(object.as_ptr(), ty) != 0
            || ffi::PyType_IsSubtype(ffi::Py_TYPE(object.as_ptr()), ty) != 0
    }
}

/// Whether `object` is a weak proxy (`weakref.ProxyType` or `weakref.CallableProxyType`).
pub(crate) fn is_weakref_proxy(object: &Bound<'_, PyAny>) -> bool {
    #[cfg(PyPy)]
    // SAFETY: attached; `object` live; never fails.
    return unsafe { ffi::PyWeakref_CheckProxy(object.as_ptr()) != 0 };
    #[cfg(not(PyPy))]
    // SAFETY: attached; `object` live; the proxy types are static type objects.
    unsafe {
        ffi::Py_IS_TYPE(object.as_ptr(), std::ptr::addr_of_mut!(ffi::_PyWeakref_ProxyType)) != 0
            || ffi::Py_IS_TYPE(
                object.as_ptr(),
                std::ptr::addr_of_mut!(ffi::_PyWeakref_CallableProxyType),
            ) != 0
    }
}

/// `weakref.ReferenceType`, for `PyTypeInfo` (PyPy does not export the static).
pub(crate) fn weakref_ref_type(py: Python<'_>) -> *mut ffi::PyTypeObject {
    #[cfg(not(PyPy))]
    {
        let _ = py;
        std::ptr::addr_of_mut!(ffi::_PyWeakref_RefType)
    }
    #[cfg(PyPy)]
    {
        static TYPE: crate::sync::PyOnceLock<crate::Py<crate::types::PyType>> =
            crate::sync::PyOnceLock::new();
        TYPE.import(py, "weakref", "ReferenceType")
            .expect("weakref.ReferenceType is importable")
            .as_ptr()
            .cast()
    }
}
