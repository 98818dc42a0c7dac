//! [`PyCapsule`], Python's capsule objects (an opaque pointer passed between extension modules),
//! holding boxed Rust values; the pointer-level methods live in `ffi/capsule.rs`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use std::ffi::{c_void, CString};

pub use crate::ffi::capsule::{CapsuleName, PyCapsuleMethods};

native_type!(
    /// Python's capsule type (`types.CapsuleType`).
    PyCapsule,
    "PyCapsule",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyCapsule_Type)
);

impl PyCapsule {
    /// A capsule owning `value`, named `name` (to be found by [`PyCapsule::import`] the name
    /// should be `"module.attribute"`). The value is boxed and dropped when the capsule dies.
    pub fn new<T: 'static + Send>(
        py: Python<'_>,
        value: T,
        name: Option<CString>,
    ) -> PyResult<Bound<'_, PyCapsule>> {
        Self::new_with_destructor(py, value, name, |_, _| {})
    }

    /// As [`PyCapsule::new`], with `destructor` called once, with the value and the capsule's
    /// context pointer, when the capsule dies (on whichever thread drops the last reference).
    pub fn new_with_destructor<T, F>(
        py: Python<'_>,
        value: T,
        name: Option<CString>,
        destructor: F,
    ) -> PyResult<Bound<'_, PyCapsule>>
    where
        T: 'static + Send,
        F: 'static + FnOnce(T, *mut c_void) + Send,
    {
        ffi::capsule::new_boxed(py, value, name, destructor)
    }
}
