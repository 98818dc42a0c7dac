//! What `#[pyclass]` and `#[pymethods]` expand to: the safe [`PyClassImpl`] trait (class
//! options as associated consts and types), the static item tables ([`PyClassItems`]: methods,
//! getters and setters, class attributes, slots), and the helpers the generated bodies call
//! (borrowing `self` and arguments, `add_class`).
//!
//! `#[pyclass]` implements [`LazyTypeInfo`](super::type_object::LazyTypeInfo) (with
//! `Kind = ClassKind`), [`PyClassImpl`] and [`PyClass`]; `#[pymethods]` implements
//! [`PyMethods`] for [`PyClassImplCollector<T>`], which `PyClassImpl::items_iter` finds by
//! autoref specialization (a class without `#[pymethods]` gets the empty table).

pub(crate) mod gc;
mod getset;
mod native_base;
mod outputs;
mod slots;
mod slots_attr;
mod slots_basic;
#[cfg(any(not(Py_LIMITED_API), Py_3_11))]
mod slots_buffer;
mod slots_ops;

pub use crate::pyclass::freelist::FreeList;
pub use crate::pyclass::layout::{
    BorrowFlag, PyClassBaseLayout, PyClassDict, PyClassDictSlot, PyClassDummySlot, PyClassObject,
    PyClassThreadChecker, PyClassWeakRef, PyClassWeakRefSlot, SendablePyClass, ThreadCheckerImpl,
};
pub use crate::pyclass::PyNativeTypeInitializer;
pub use crate::pyclass::PyObjectInit;
pub use getset::{
    deletion_error, NoDeleter, NoSetter, PyClassAttributeDef, PyDeleterImpl, PyGetterDef,
    PyGetterImpl, PySetterDef, PySetterImpl,
};
pub use outputs::*;
pub use slots::*;
pub use slots_attr::{
    GenericGetAttr, GetAttrFallback, NoGetAttr, NoSlot, PyDelSlotImpl, PySetSlotImpl,
};
pub use slots_basic::*;
#[cfg(any(not(Py_LIMITED_API), Py_3_11))]
pub use slots_buffer::*;
pub use slots_ops::{
    count_argument, inplace_output, NeFromEq, NotImplementedOp, PyRepeatImpl, PyTernaryImpl,
    RichCompareOps,
};

use super::pyfunction::PyFunctionDef;
use super::type_object::{ClassKind, LazyTypeInfo};
use crate::err::PyResult;
use crate::ffi;
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::pyclass::{PyClass, PyClassInitializer, PyRef, PyRefMut, SelfRef, SelfRefMut};
use crate::sync::PyOnceLock;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyAnyMethods, PyModule, PyModuleMethods, PyType};
use std::ffi::CStr;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, Ordering};

/// The class options and items of a `#[pyclass]`, as associated items (all safe to implement:
/// the layout-related ones are types this crate provides and seals).
pub trait PyClassImpl: LazyTypeInfo<Kind = ClassKind> + Sized + 'static {
    /// The docstring, with the text signature of `#[pyclass(text_signature = ...)]` in front if
    /// any (`"Counter(start)\n--\n\nA counter."`); empty for none. Without one, the type's
    /// docstring gets the text signature of `#[new]` in front.
    const DOC: &'static CStr;
    /// `#[pyclass(subclass)]`: Python and Rust classes may extend this one.
    const IS_BASETYPE: bool = false;
    /// `#[pyclass(immutable_type)]`: the type's attributes cannot be set (3.10+).
    const IS_IMMUTABLE_TYPE: bool = false;
    /// `#[pyclass(mapping)]`.
    const IS_MAPPING: bool = false;
    /// `#[pyclass(sequence)]`.
    const IS_SEQUENCE: bool = false;
    /// `__qualname__` when it differs from the name (a complex enum's variant classes).
    const QUALNAME: Option<&'static str> = None;
    /// The base: `PyAny`, another `#[pyclass]`, or a native type such as `PyException`.
    type BaseType: PyTypeInfo + PyClassBaseType;
    /// [`SendablePyClass<Self>`] (requires `Self: Send + Sync`), or [`ThreadCheckerImpl`] for
    /// `unsendable`.
    type ThreadChecker: PyClassThreadChecker<Self>;
    /// [`PyClassDictSlot`] for `dict`, else [`PyClassDummySlot`].
    type Dict: PyClassDict;
    /// [`PyClassWeakRefSlot`] for `weakref`, else [`PyClassDummySlot`].
    type WeakRef: PyClassWeakRef;
    /// The class's item tables: the `#[pyclass]`'s own and the `#[pymethods]`'.
    fn items_iter() -> PyClassItemsIter;
    /// The cache of the type object (a `static` in the generated impl).
    fn lazy_type_object() -> &'static LazyTypeObject<Self>;
    /// `#[pyclass(freelist = N)]`: the class's list of kept instances (a `static`).
    fn freelist() -> Option<&'static FreeList> {
        None
    }
    /// For complex enums: a new instance of the class of `self`'s variant (a subclass of
    /// `Self`), which is what converting the value to Python makes; every other class gives the
    /// value back.
    fn into_variant_instance(self, py: Python<'_>) -> Result<PyResult<Bound<'_, PyAny>>, Self> {
        let _ = py;
        Err(self)
    }
}

/// A type a class may extend. Implemented by this crate only: for every class, `PyAny` and the
/// native types whose object struct is known.
///
/// # Safety
/// `LayoutAsBase` must be the first part of every instance of the type.
pub unsafe trait PyClassBaseType: Sized {
    /// The layout a subclass embeds first.
    type LayoutAsBase: PyClassBaseLayout;
    /// The nearest native ancestor.
    type BaseNativeType: PyTypeInfo;
    /// What initialises this part of a new instance.
    type Initializer: PyObjectInit<Self>;
}

// SAFETY: a class's instances start with `PyClassObject<T>`, made by its initializer.
unsafe impl<T: PyClass> PyClassBaseType for T {
    type LayoutAsBase = PyClassObject<T>;
    type BaseNativeType = <T::BaseType as PyClassBaseType>::BaseNativeType;
    type Initializer = PyClassInitializer<T>;
}

/// The cached type object of class `T`, built on first use by this crate from `T`'s layout
/// and items (the only way to make one).
pub struct LazyTypeObject<T> {
    cell: PyOnceLock<Py<PyType>>,
    attributes_set: AtomicBool,
    _class: PhantomData<fn() -> T>,
}

impl<T> LazyTypeObject<T> {
    /// An empty cache, for the `static` in `PyClassImpl::lazy_type_object`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        LazyTypeObject {
            cell: PyOnceLock::new(),
            attributes_set: AtomicBool::new(false),
            _class: PhantomData,
        }
    }
}

impl<T: PyClassImpl> LazyTypeObject<T> {
    /// The type object, made on first use; panics if it cannot be made. Class attributes are
    /// set just after the type is stored, so that computing one may use the class itself.
    pub(crate) fn get_or_init(&self, py: Python<'_>) -> *mut ffi::PyTypeObject {
        if let Some(ty) = self.cell.get(py) {
            return ty.as_ptr().cast();
        }
        // The base first, with its class attributes, outside this cell's initialisation: a
        // complex enum's class attributes are its variant classes, which extend it.
        T::BaseType::type_object_raw(py);
        let ty = self.cell.get_or_init(py, || {
            crate::pyclass::create_type_object::<T>(py).unwrap_or_else(|e| {
                e.clone_ref(py).restore(py);
                panic!("An error occurred while initializing class {}: {e}", T::NAME)
            })
        });
        if !self.attributes_set.swap(true, Ordering::AcqRel) {
            if let Err(e) = crate::pyclass::set_class_attributes::<T>(ty.bind(py)) {
                panic!("An error occurred while initializing class {}: {e}", T::NAME);
            }
        }
        ty.as_ptr().cast()
    }
}

/// One table of class items (`static` in the macro output).
pub struct PyClassItems {
    /// Methods, getters, setters and class attributes.
    pub methods: &'static [PyMethodDefType],
    /// Type slots (`__new__`, `__repr__`, …).
    pub slots: &'static [PyClassSlot],
    /// The text signature of `#[new]` (`"(start=0, *, step=1)"`), which becomes the class's
    /// `__text_signature__` unless `#[pyclass(text_signature = ...)]` gives one.
    pub text_signature: Option<&'static str>,
}

/// An empty table.
pub static EMPTY_ITEMS: PyClassItems =
    PyClassItems { methods: &[], slots: &[], text_signature: None };

/// One method-like item.
pub enum PyMethodDefType {
    /// An instance method (receives the instance as `slf`).
    Method(&'static PyFunctionDef),
    /// A `#[classmethod]` (receives the class as `slf`).
    ClassMethod(&'static PyFunctionDef),
    /// A `#[staticmethod]` (no `slf`).
    StaticMethod(&'static PyFunctionDef),
    /// A `#[classattr]`, computed once when the type is made.
    ClassAttribute(PyClassAttributeDef),
    /// A `#[getter]`.
    Getter(PyGetterDef),
    /// A `#[setter]`.
    Setter(PySetterDef),
}

/// The item tables of a class, in order: the `#[pyclass]`'s own, then the `#[pymethods]`'.
pub struct PyClassItemsIter {
    tables: [&'static PyClassItems; 2],
    next: usize,
}

impl PyClassItemsIter {
    /// Both tables of a class.
    pub fn new(pyclass: &'static PyClassItems, pymethods: &'static PyClassItems) -> Self {
        PyClassItemsIter { tables: [pyclass, pymethods], next: 0 }
    }
}

impl Iterator for PyClassItemsIter {
    type Item = &'static PyClassItems;
    fn next(&mut self) -> Option<&'static PyClassItems> {
        let item = self.tables.get(self.next).copied();
        self.next += 1;
        item
    }
}

/// The receiver of the `#[pymethods]` table lookup (autoref specialization).
pub struct PyClassImplCollector<T>(PhantomData<fn() -> T>);

impl<T> PyClassImplCollector<T> {
    /// The collector for class `T`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        PyClassImplCollector(PhantomData)
    }
}

impl<T> Clone for PyClassImplCollector<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PyClassImplCollector<T> {}

/// The `#[pymethods]` table of `T`: implemented for `PyClassImplCollector<T>` by
/// `#[pymethods]`, and for `&PyClassImplCollector<T>` (the empty table) here.
pub trait PyMethods<T> {
    /// The table.
    fn py_methods(self) -> &'static PyClassItems;
}

impl<T> PyMethods<T> for &'_ PyClassImplCollector<T> {
    fn py_methods(self) -> &'static PyClassItems {
        &EMPTY_ITEMS
    }
}

/// Adds class `T` to `module` under its name.
pub fn add_class<T: PyClass>(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let ty = T::type_object(module.py());
    module.add(<T as PyTypeInfo>::NAME, ty)
}

/// The Python name of class `T` (`#[pyclass(name = ...)]`), which argument errors of its
/// methods show (`Pt.__new__() got an unexpected keyword argument 'z'`).
pub const fn class_name<T: PyClass>() -> &'static str {
    <T as PyTypeInfo>::NAME
}

/// The instance `slf` of an instance method, borrowed shared (`&self`, field getters): a guard
/// over the interpreter's borrowed reference.
#[inline]
pub fn borrow_self<'a, 'py, T: PyClass>(
    slf: Option<Borrowed<'a, 'py, PyAny>>,
) -> PyResult<SelfRef<'a, 'py, T>> {
    SelfRef::new(slf_or_error(slf)?)
}

/// The instance `slf` of an instance method, borrowed exclusively (`&mut self`, field setters).
#[inline]
pub fn borrow_self_mut<'a, 'py, T: PyClass<Frozen = crate::pyclass::boolean_struct::False>>(
    slf: Option<Borrowed<'a, 'py, PyAny>>,
) -> PyResult<SelfRefMut<'a, 'py, T>> {
    SelfRefMut::new(slf_or_error(slf)?)
}

/// The instance `slf` as an owned shared borrow (`self: PyRef<Self>`).
pub fn pyref_self<'py, T: PyClass>(
    slf: Option<Borrowed<'_, 'py, PyAny>>,
) -> PyResult<PyRef<'py, T>> {
    slf_or_error(slf)?.extract()
}

/// The instance `slf` as an owned exclusive borrow (`self: PyRefMut<Self>`).
pub fn pyref_self_mut<'py, T: PyClass<Frozen = crate::pyclass::boolean_struct::False>>(
    slf: Option<Borrowed<'_, 'py, PyAny>>,
) -> PyResult<PyRefMut<'py, T>> {
    slf_or_error(slf)?.extract()
}

/// The instance `slf` as `&Bound<T>` (`self: &Bound<Self>`), checked.
pub fn cast_self<'a, 'py, T: PyClass>(
    slf: Option<Borrowed<'a, 'py, PyAny>>,
) -> PyResult<Borrowed<'a, 'py, T>> {
    Ok(slf_or_error(slf)?.cast::<T>()?)
}

/// The instance `slf` as a borrow guard without a reference (`self: PyClassGuard<Self>`).
pub fn guard_self<'a, T: PyClass>(
    slf: Option<Borrowed<'a, '_, PyAny>>,
) -> PyResult<crate::pyclass::PyClassGuard<'a, T>> {
    crate::FromPyObject::extract(slf_or_error(slf)?)
}

/// The instance `slf` as an exclusive borrow guard (`self: PyClassGuardMut<Self>`).
pub fn guard_self_mut<'a, T: PyClass<Frozen = crate::pyclass::boolean_struct::False>>(
    slf: Option<Borrowed<'a, '_, PyAny>>,
) -> PyResult<crate::pyclass::PyClassGuardMut<'a, T>> {
    crate::FromPyObject::extract(slf_or_error(slf)?)
}

/// The class `slf` of a `#[classmethod]`.
pub fn class_of<'a, 'py>(
    slf: Option<Borrowed<'a, 'py, PyAny>>,
) -> PyResult<Borrowed<'a, 'py, PyType>> {
    Ok(slf_or_error(slf)?.cast::<PyType>()?)
}

fn slf_or_error<'a, 'py>(
    slf: Option<Borrowed<'a, 'py, PyAny>>,
) -> PyResult<Borrowed<'a, 'py, PyAny>> {
    slf.ok_or_else(|| crate::exceptions::PyTypeError::new_err("method called without self"))
}

/// `#[pyclass(generic)]`: the value of the class attribute `__class_getitem__`,
/// `classmethod(types.GenericAlias)`, so that `Class[int]` is `types.GenericAlias(Class, int)`
/// (as `list[int]` is).
pub fn generic_class_getitem(py: Python<'_>) -> PyResult<Py<PyAny>> {
    let alias = py.import("types")?.getattr("GenericAlias")?;
    let classmethod = py.import("builtins")?.getattr("classmethod")?;
    Ok(classmethod.call1((alias,))?.unbind())
}

/// `FromPyObject` by clone, for classes that are `Clone`: what the generated impl calls.
pub fn extract_cloned<T: PyClass + Clone>(obj: Borrowed<'_, '_, PyAny>) -> PyResult<T> {
    let r: PyRef<'_, T> = obj.extract()?;
    Ok((*r).clone())
}
