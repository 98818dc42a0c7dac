//! Type objects of `#[pyclass]` types: `PyType_FromSpecWithBases` and setting class attributes.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyTuple, PyType};

/// `PyType_FromSpecWithBases(spec, bases)`.
pub(crate) fn type_from_spec_with_bases<'py>(
    py: Python<'py>,
    spec: &'static mut ffi::PyType_Spec,
    bases: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyType>> {
    // SAFETY: attached (`py`); the spec and everything it points to are `'static` (the type may
    // keep pointers into them); `bases` is a live tuple of types. The result is a new reference
    // to a type, or NULL with an exception set.
    unsafe {
        ffi::PyType_FromSpecWithBases(spec, bases.as_ptr())
            .assume_owned_or_err(py)
            .map(|t| t.cast_into_unchecked())
    }
}

/// Sets a class attribute in the type's dict (bypassing `Py_TPFLAGS_IMMUTABLETYPE`, which only
/// guards Python-level assignment) and invalidates the attribute cache; `setattr` under the
/// limited API, where the dict is not reachable.
pub(crate) fn type_set_class_attribute(
    ty: &Bound<'_, PyType>,
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let key = crate::types::PyString::new(ty.py(), name);
    #[cfg(not(Py_LIMITED_API))]
    // SAFETY: attached; outside the limited API `tp_dict` is readable and is the type's live
    // dict; `key` and `value` are live; `PyType_Modified` is then required.
    unsafe {
        let raw = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let ret = ffi::PyDict_SetItem((*raw).tp_dict, key.as_ptr(), value.as_ptr());
        if ret != 0 {
            return Err(crate::PyErr::fetch(ty.py()));
        }
        ffi::PyType_Modified(raw);
        Ok(())
    }
    #[cfg(Py_LIMITED_API)]
    {
        super::setattr(ty.as_any(), key.as_any(), value)
    }
}
