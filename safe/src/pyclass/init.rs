//! Making class instances: [`PyClassInitializer`] (a value plus its bases' initializers, for
//! `extends` chains), the native base's allocation, `Py::new` and `Bound::new`.

use super::layout::{PyClassBaseLayout, PyClassDict, PyClassObject, PyClassWeakRef};
use super::PyClass;
use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::impl_::pyclass::{PyClassBaseType, PyClassThreadChecker};
use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::type_object::PyTypeInfo;
use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;

/// Something that can fill in a new object of layout `T` (or of a subclass of it).
///
/// # Safety
/// `into_new_object` must return a new reference to an object of `subtype` whose layers up to
/// `T` are initialised.
pub unsafe trait PyObjectInit<T>: Sized {
    /// Allocates an object of `subtype` and initialises its layers up to `T`.
    ///
    /// # Safety
    /// `subtype` must be `T`'s type object or a subtype of it.
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject>;
}

/// The initializer of a native base type: allocation only.
pub struct PyNativeTypeInitializer<T>(PhantomData<fn() -> T>);

impl<T> Default for PyNativeTypeInitializer<T> {
    fn default() -> Self {
        PyNativeTypeInitializer(PhantomData)
    }
}

// SAFETY: `object` instances come from the subtype's `tp_alloc` (zeroed memory of the
// subtype's basic size with the header set); other native bases from their own `tp_new`, which
// initialises the native struct for any subtype.
unsafe impl<T: PyTypeInfo + PyClassBaseType> PyObjectInit<T> for PyNativeTypeInitializer<T> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject> {
        let obj = if <T::LayoutAsBase as PyClassBaseLayout>::NATIVE_IS_OBJECT {
            // SAFETY: `subtype` is a live heap type (a class or its Python subclass), whose
            // slots can be read on every version.
            unsafe {
                let alloc = ffi::PyType_GetSlot(subtype, ffi::Py_tp_alloc as _);
                let alloc: ffi::allocfunc = std::mem::transmute(alloc);
                alloc.unwrap_or(ffi::PyType_GenericAlloc)(subtype, 0)
            }
        } else {
            native_new::<T>(py, subtype)
        };
        if obj.is_null() {
            Err(PyErr::fetch(py))
        } else {
            Ok(obj)
        }
    }
}

/// Allocates through the `tp_new` of a native base other than `object`, with no arguments.
#[cfg(not(Py_LIMITED_API))]
fn native_new<T: PyTypeInfo>(
    py: Python<'_>,
    subtype: *mut ffi::PyTypeObject,
) -> *mut ffi::PyObject {
    let base = T::type_object_raw(py);
    let args = crate::types::PyTuple::empty(py);
    // SAFETY: outside the limited API the type struct is readable; `base` is a live native type
    // and `subtype` a subtype of it; `args` is a live tuple for the call.
    unsafe {
        match (*base).tp_new {
            Some(new) => new(subtype, args.as_ptr(), std::ptr::null_mut()),
            None => ffi::PyType_GenericAlloc(subtype, 0),
        }
    }
}

/// Under the limited API, `object` is the only native base.
#[cfg(Py_LIMITED_API)]
#[allow(clippy::extra_unused_type_parameters)]
fn native_new<T: PyTypeInfo>(
    _py: Python<'_>,
    _subtype: *mut ffi::PyTypeObject,
) -> *mut ffi::PyObject {
    unreachable!("native bases other than object are not available under the limited API")
}

/// How to make an instance of class `T`: `T`'s value and its base's initializer, or an existing
/// object. `#[new]` may return one to build an `extends` chain:
/// `PyClassInitializer::from(Base { .. }).add_subclass(Sub { .. })`.
pub struct PyClassInitializer<T: PyClass>(Inner<T>);

enum Inner<T: PyClass> {
    Existing(Py<T>),
    New { init: T, super_init: <T::BaseType as PyClassBaseType>::Initializer },
}

impl<T: PyClass> PyClassInitializer<T> {
    /// An initializer of `init` on top of its base's initializer.
    pub fn new(init: T, super_init: <T::BaseType as PyClassBaseType>::Initializer) -> Self {
        PyClassInitializer(Inner::New { init, super_init })
    }

    /// An initializer of subclass `S` (`#[pyclass(extends = T)]`) on top of this one.
    pub fn add_subclass<S>(self, subclass_value: S) -> PyClassInitializer<S>
    where
        S: PyClass<BaseType = T>,
        T: PyClassBaseType<Initializer = Self>,
    {
        PyClassInitializer::new(subclass_value, self)
    }

    /// Makes the object, of `T`'s own type (for a complex enum: of its variant's class, a
    /// subclass of `T`).
    pub fn create_class_object(self, py: Python<'_>) -> PyResult<Bound<'_, T>> {
        let this = match self.0 {
            // A complex enum has a native base, whose initializer carries nothing.
            Inner::New { init, super_init } => match init.into_variant_instance(py) {
                Ok(variant) => return Ok(variant?.cast_into::<T>()?),
                Err(init) => PyClassInitializer(Inner::New { init, super_init }),
            },
            existing => PyClassInitializer(existing),
        };
        // SAFETY: `T`'s own type object.
        unsafe { this.create_class_object_of_type(py, T::type_object_raw(py)) }
    }

    /// Makes the object with type `subtype` (for `tp_new`).
    ///
    /// # Safety
    /// `subtype` must be `T`'s type object or a subtype of it.
    pub(crate) unsafe fn create_class_object_of_type(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<Bound<'_, T>> {
        if let Inner::Existing(obj) = self.0 {
            return Ok(obj.into_bound(py));
        }
        // SAFETY: forwarded; the result is a new reference to an initialised instance of `T`.
        unsafe {
            let obj = self.into_new_object(py, subtype)?;
            Ok(Bound::from_owned_ptr(py, obj).cast_into_unchecked())
        }
    }
}

// SAFETY: the base's initializer makes and initialises the object up to the base layer; `T`'s
// layer is then written in full before the object is handed out.
unsafe impl<T: PyClass> PyObjectInit<T> for PyClassInitializer<T> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject> {
        let (init, super_init) = match self.0 {
            Inner::Existing(obj) => return Ok(obj.into_ptr()),
            Inner::New { init, super_init } => (init, super_init),
        };
        // SAFETY: `subtype` is a subtype of `T`'s base too; then the object has the layout of
        // `PyClassObject<T>` (its basic size is at least that) with the base layers initialised;
        // each field of `T`'s layer is written once, without reading the uninitialised memory.
        unsafe {
            let obj = super_init.into_new_object(py, subtype)?;
            let layer = obj.cast::<PyClassObject<T>>();
            std::ptr::addr_of_mut!((*layer).borrow_flag).write(super::layout::BorrowFlag::new());
            std::ptr::addr_of_mut!((*layer).thread_checker)
                .write(<T::ThreadChecker as PyClassThreadChecker<T>>::new());
            std::ptr::addr_of_mut!((*layer).dict).write(<T::Dict as PyClassDict>::INIT);
            std::ptr::addr_of_mut!((*layer).weakref).write(<T::WeakRef as PyClassWeakRef>::INIT);
            std::ptr::addr_of_mut!((*layer).value).write(ManuallyDrop::new(UnsafeCell::new(init)));
            Ok(obj)
        }
    }
}

impl<T> From<T> for PyClassInitializer<T>
where
    T: PyClass,
    T::BaseType: PyClassBaseType<Initializer = PyNativeTypeInitializer<T::BaseType>>,
{
    fn from(value: T) -> Self {
        PyClassInitializer::new(value, PyNativeTypeInitializer::default())
    }
}

impl<S, B> From<(S, B)> for PyClassInitializer<S>
where
    S: PyClass<BaseType = B>,
    B: PyClass + PyClassBaseType<Initializer = PyClassInitializer<B>>,
    B::BaseType: PyClassBaseType<Initializer = PyNativeTypeInitializer<B::BaseType>>,
{
    fn from((sub, base): (S, B)) -> Self {
        PyClassInitializer::from(base).add_subclass(sub)
    }
}

impl<T: PyClass> From<Py<T>> for PyClassInitializer<T> {
    fn from(value: Py<T>) -> Self {
        PyClassInitializer(Inner::Existing(value))
    }
}

impl<'py, T: PyClass> From<Bound<'py, T>> for PyClassInitializer<T> {
    fn from(value: Bound<'py, T>) -> Self {
        PyClassInitializer(Inner::Existing(value.unbind()))
    }
}

impl<T: PyClass> Py<T> {
    /// A new instance of class `T` holding `value` (or built by a [`PyClassInitializer`]).
    pub fn new(py: Python<'_>, value: impl Into<PyClassInitializer<T>>) -> PyResult<Py<T>> {
        Bound::new(py, value).map(Bound::unbind)
    }
}

impl<'py, T: PyClass> Bound<'py, T> {
    /// A new instance of class `T` holding `value` (or built by a [`PyClassInitializer`]).
    pub fn new(
        py: Python<'py>,
        value: impl Into<PyClassInitializer<T>>,
    ) -> PyResult<Bound<'py, T>> {
        value.into().create_class_object(py)
    }

    /// The same object, seen as its base type (a base class or the native type it extends).
    pub fn as_super(&self) -> &Bound<'py, T::BaseType> {
        // SAFETY: an instance of `T` is an instance of its base type.
        unsafe { self.cast_unchecked() }
    }

    /// Converts into the same object seen as its base type.
    pub fn into_super(self) -> Bound<'py, T::BaseType> {
        // SAFETY: as for `as_super`.
        unsafe { self.cast_into_unchecked() }
    }
}

/// A class value converts to Python as a new instance (for classes whose base is native; an
/// `extends` chain needs a [`PyClassInitializer`] with the bases' values); a complex enum's
/// value as an instance of its variant's class.
impl<'py, T> crate::conversion::IntoPyObject<'py> for T
where
    T: PyClass,
    T::BaseType: PyClassBaseType<Initializer = PyNativeTypeInitializer<T::BaseType>>,
{
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, T>> {
        Bound::new(py, self)
    }
}
