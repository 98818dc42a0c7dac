//! [`PyTypeInfo`] (a Rust type with a Python type object) and [`PyTypeCheck`] (a Rust type whose
//! instances can be recognised, e.g. by protocol).

use crate::ffi;
use crate::ffi::api;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyType};

/// A Rust type that stands for a Python type object.
///
/// # Safety
/// `type_object_raw` must return a valid type object that lives as long as the interpreter, and
/// instances of that type (and of its subclasses) must have the layout the Rust type assumes.
pub unsafe trait PyTypeInfo: Sized {
    /// The type's Python name.
    const NAME: &'static str;
    /// The module the type lives in, if any.
    const MODULE: Option<&'static str>;

    /// The type object, borrowed.
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject;

    /// The type object.
    #[inline]
    fn type_object(py: Python<'_>) -> Bound<'_, PyType> {
        api::type_object_of::<Self>(py)
    }

    /// Whether `object` is an instance of this type or of a subclass.
    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        api::is_instance_of_type::<Self>(object)
    }

    /// Whether `object`'s type is exactly this type.
    #[inline]
    fn is_exact_type_of(object: &Bound<'_, PyAny>) -> bool {
        api::is_exact_instance_of_type::<Self>(object)
    }
}

/// A Rust type whose Python instances can be recognised; what [`Bound::cast`] needs.
pub trait PyTypeCheck {
    /// The name used in cast errors.
    const NAME: &'static str;
    /// Whether `object` is an instance.
    fn type_check(object: &Bound<'_, PyAny>) -> bool;
}

impl<T: PyTypeInfo> PyTypeCheck for T {
    const NAME: &'static str = T::NAME;
    #[inline]
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        T::is_type_of(object)
    }
}
