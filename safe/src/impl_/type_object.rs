//! The one place where types declared by macros get their `PyTypeInfo`: the safe
//! [`LazyTypeInfo`] trait (implemented by the output of `#[pyclass]`, and by every
//! [`ExceptionType`](super::exceptions::ExceptionType)) and the single blanket `unsafe impl
//! PyTypeInfo` over it. The type object comes from a sealed [`TypeKind`]: a class's is always the
//! one this crate builds from the class's own layout, so safe code cannot pair a class with a
//! foreign type object.

use crate::ffi;
use crate::marker::Python;
use crate::type_object::PyTypeInfo;

/// A Rust type whose Python type object is made on first use and cached.
pub trait LazyTypeInfo: Sized {
    /// The class name.
    const NAME: &'static str;
    /// The module the class lives in.
    const MODULE: Option<&'static str>;
    /// Where the type object comes from: [`ClassKind`] for `#[pyclass]` types.
    type Kind: TypeKind<Self>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::ClassKind {}
    impl Sealed for super::ExceptionKind {}
}

/// How the type object of a [`LazyTypeInfo`] type is made (sealed: [`ClassKind`] or
/// [`ExceptionKind`]).
pub trait TypeKind<T>: sealed::Sealed {
    /// The type object, made on first use.
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject;
}

/// The kind of `#[pyclass]` types: the type object is built by this crate from the class's
/// layout and items, once per process.
pub struct ClassKind;

/// The kind of exception types declared by `create_exception!`/`import_exception!`: any type
/// object will do, since instances are only ever seen as `PyAny`.
pub struct ExceptionKind;

impl<T: crate::impl_::pyclass::PyClassImpl> TypeKind<T> for ClassKind {
    #[inline]
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        T::lazy_type_object().get_or_init(py)
    }
}

impl<T: super::exceptions::ExceptionType> TypeKind<T> for ExceptionKind {
    #[inline]
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        T::type_cell()
            .get_or_init(py, || {
                T::make_type(py).unwrap_or_else(|e| {
                    panic!("failed to make the exception type {}: {e}", T::NAME)
                })
            })
            .as_ptr()
            .cast()
    }
}

// SAFETY: the type object comes from a sealed `TypeKind`. `ClassKind` is only a kind of types
// implementing `PyClassImpl`, whose type object is built by `create_type_object::<T>` with
// `PyClassObject<T>`'s size and `T::BaseType` as base, cached for the life of the process;
// `ExceptionKind` types are marker types seen as `PyAny`, whose cached `Py<PyType>` was checked
// to be a type. Both caches are `'static`, so the type objects live as long as the interpreter.
unsafe impl<T: LazyTypeInfo> PyTypeInfo for T {
    const NAME: &'static str = <T as LazyTypeInfo>::NAME;
    const MODULE: Option<&'static str> = <T as LazyTypeInfo>::MODULE;

    #[inline]
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        T::Kind::type_object_raw(py)
    }
}
