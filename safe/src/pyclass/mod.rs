//! `#[pyclass]` at run time: the [`PyClass`] trait, the object layout of a class instance
//! (`layout`), borrowing ([`PyRef`], [`PyRefMut`], `Bound::borrow`, …), construction
//! ([`PyClassInitializer`], `Py::new`, `Bound::new`), the type object (`create`) and the GC
//! protocol ([`PyVisit`]).
//!
//! The macros generate only safe trait impls (see `impl_::pyclass`); every `unsafe` block that
//! relies on the layout lives in this module.

mod borrow;
mod create;
pub(crate) mod freelist;
mod gc;
mod guard;
mod init;
pub(crate) mod layout;
mod receiver;
mod sequence;

pub use crate::types::CompareOp;
pub use borrow::{PyBorrowError, PyBorrowMutError, PyRef, PyRefMut};
pub(crate) use create::{create_type_object, set_class_attributes};
pub use gc::{PyTraverseError, PyVisit};
pub use guard::{PyClassGuard, PyClassGuardMut};
pub use init::PyClassInitializer;
pub use init::{PyNativeTypeInitializer, PyObjectInit};
#[doc(hidden)]
pub use receiver::{SelfRef, SelfRefMut};

use crate::impl_::pyclass::PyClassImpl;
use crate::type_object::PyTypeInfo;

/// A Rust type exposed to Python as a class: what `#[pyclass]` implements.
///
/// Instances live inside Python objects; Rust reaches them through [`Bound::borrow`]
/// (a [`PyRef`]), [`Bound::borrow_mut`] (a [`PyRefMut`]) or, for frozen `Sync` classes,
/// [`Bound::get`].
///
/// [`Bound::borrow`]: crate::Bound::borrow
/// [`Bound::borrow_mut`]: crate::Bound::borrow_mut
/// [`Bound::get`]: crate::Bound::get
#[cfg_attr(
    pyroxide_diagnostics,
    diagnostic::on_unimplemented(
        message = "`{Self}` is not a #[pyclass]",
        label = "#[pymethods] and class references need a #[pyclass] type",
        note = "add `#[pyclass]` to the definition of `{Self}`"
    )
)]
pub trait PyClass: PyTypeInfo + PyClassImpl {
    /// Whether the class is `frozen` ([`boolean_struct::True`]): no `borrow_mut`, and `get`
    /// without a borrow for `Sync` classes.
    type Frozen: Frozen;
}

/// Type-level booleans for [`PyClass::Frozen`].
pub mod boolean_struct {
    /// Type-level `true`.
    pub struct True(());
    /// Type-level `false`.
    pub struct False(());
}

mod private {
    pub trait Boolean {}
    impl Boolean for super::boolean_struct::True {}
    impl Boolean for super::boolean_struct::False {}
}

/// [`boolean_struct::True`] or [`boolean_struct::False`], the values of [`PyClass::Frozen`].
pub trait Frozen: private::Boolean {
    /// The value as a `bool`.
    const VALUE: bool;
}

impl Frozen for boolean_struct::True {
    const VALUE: bool = true;
}

impl Frozen for boolean_struct::False {
    const VALUE: bool = false;
}

/// `Bound<T>` of a class derefs to `Bound<PyAny>`, as for native types.
impl<T: PyClass> crate::instance::DerefToPyAny for T {}
