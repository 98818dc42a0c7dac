//! Borrowing the Rust value of a class instance: [`PyRef`] (shared) and [`PyRefMut`]
//! (exclusive) guards over the object's borrow flag, the `borrow`/`try_borrow`/`get` methods of
//! `Bound<T>` and `Py<T>`, and the borrow errors, which become `RuntimeError` in Python.

use super::layout::PyClassObject;
use super::{boolean_struct::False, boolean_struct::True, PyClass};
use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::exceptions::PyRuntimeError;
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::types::PyAny;
use std::convert::Infallible;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// The error of [`Bound::try_borrow`]: the value is mutably borrowed.
pub struct PyBorrowError(());

/// The error of [`Bound::try_borrow_mut`]: the value is borrowed.
pub struct PyBorrowMutError(());

impl PyBorrowError {
    pub(crate) fn new() -> Self {
        PyBorrowError(())
    }
}

impl PyBorrowMutError {
    pub(crate) fn new() -> Self {
        PyBorrowMutError(())
    }
}

impl fmt::Debug for PyBorrowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyBorrowError")
    }
}

impl fmt::Display for PyBorrowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Already mutably borrowed")
    }
}

impl fmt::Debug for PyBorrowMutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyBorrowMutError")
    }
}

impl fmt::Display for PyBorrowMutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Already borrowed")
    }
}

impl std::error::Error for PyBorrowError {}
impl std::error::Error for PyBorrowMutError {}

impl From<PyBorrowError> for PyErr {
    fn from(e: PyBorrowError) -> PyErr {
        PyRuntimeError::new_err(e.to_string())
    }
}

impl From<PyBorrowMutError> for PyErr {
    fn from(e: PyBorrowMutError) -> PyErr {
        PyRuntimeError::new_err(e.to_string())
    }
}

/// The layout pointer of a live instance of `T`.
pub(super) fn layout<T: PyClass>(obj: &Bound<'_, T>) -> *mut PyClassObject<T> {
    obj.as_ptr().cast()
}

/// Panics if an `unsendable` layer of `obj` belongs to another thread.
fn assert_thread<T: PyClass>(obj: &Bound<'_, T>) {
    if let Err(e) = check_thread(obj) {
        panic!("{e}");
    }
}

/// The `RuntimeError` for using an `unsendable` instance on another thread.
pub(crate) fn check_thread<T: PyClass>(obj: &Bound<'_, T>) -> PyResult<()> {
    // SAFETY: `obj` is a live instance of `T` (its type was checked when the `Bound<T>` was
    // made), so it has `PyClassObject<T>`'s initialised layout.
    if unsafe { super::layout::PyClassBaseLayout::threads_ok(layout(obj)) } {
        Ok(())
    } else {
        Err(PyRuntimeError::new_err(format!(
            "{} is unsendable, but sent to another thread",
            <T as crate::impl_::type_object::LazyTypeInfo>::NAME
        )))
    }
}

/// A shared borrow of the value of a class instance (what `&self` methods receive).
#[repr(transparent)]
pub struct PyRef<'py, T: PyClass> {
    inner: Bound<'py, T>,
}

/// An exclusive borrow of the value of a class instance (what `&mut self` methods receive).
#[repr(transparent)]
pub struct PyRefMut<'py, T: PyClass<Frozen = False>> {
    inner: Bound<'py, T>,
}

impl<'py, T: PyClass> PyRef<'py, T> {
    /// Takes a shared borrow of `obj`.
    pub(crate) fn try_new(obj: &Bound<'py, T>) -> Result<Self, PyBorrowError> {
        assert_thread(obj);
        // SAFETY: `obj` is a live instance of `T`.
        unsafe { PyClassObject::flag(layout(obj)) }.try_borrow()?;
        Ok(PyRef { inner: obj.clone() })
    }

    /// The token of the attachment.
    pub fn py(&self) -> Python<'py> {
        self.inner.py()
    }

    /// The object, borrowed.
    pub fn as_ptr(&self) -> *mut crate::ffi::PyObject {
        self.inner.as_ptr()
    }

    /// The object (the borrow stays held as long as `self`).
    pub fn as_bound(&self) -> &Bound<'py, T> {
        &self.inner
    }

    /// The object, releasing the borrow.
    pub fn into_bound(self) -> Bound<'py, T> {
        self.inner.clone()
    }
}

impl<'py, T: PyClass> PyRef<'py, T>
where
    T::BaseType: PyClass,
{
    /// The same borrow, seen as the base class (`extends`).
    pub fn as_super(&self) -> &PyRef<'py, T::BaseType> {
        // SAFETY: `PyRef` is a `repr(transparent)` `Bound`, whose layout does not depend on the
        // type parameter; an instance of `T` is an instance of its base; all layers share the
        // root borrow flag, which `self` holds shared.
        unsafe { &*(self as *const PyRef<'py, T>).cast::<PyRef<'py, T::BaseType>>() }
    }

    /// Converts into a borrow of the base class (`extends`), keeping the borrow.
    pub fn into_super(self) -> PyRef<'py, T::BaseType> {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: the object is an instance of the base; the shared borrow of the root flag is
        // handed over to the new guard (`self` is not dropped).
        let inner = unsafe { std::ptr::read(&this.inner).cast_into_unchecked() };
        PyRef { inner }
    }
}

impl<T: PyClass> Deref for PyRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: `self` holds a shared borrow of the object's flag, so no `&mut T` exists while
        // the returned reference (tied to `self`) lives.
        unsafe { &*PyClassObject::value(layout(&self.inner)).get() }
    }
}

impl<T: PyClass> Drop for PyRef<'_, T> {
    fn drop(&mut self) {
        // SAFETY: `self` is a live instance of `T` whose shared borrow it holds.
        unsafe { PyClassObject::flag(layout(&self.inner)) }.release_borrow();
    }
}

impl<'py, T: PyClass<Frozen = False>> PyRefMut<'py, T> {
    /// Takes the exclusive borrow of `obj`.
    pub(crate) fn try_new(obj: &Bound<'py, T>) -> Result<Self, PyBorrowMutError> {
        assert_thread(obj);
        // SAFETY: `obj` is a live instance of `T`.
        unsafe { PyClassObject::flag(layout(obj)) }.try_borrow_mut()?;
        Ok(PyRefMut { inner: obj.clone() })
    }

    /// The token of the attachment.
    pub fn py(&self) -> Python<'py> {
        self.inner.py()
    }

    /// The object, borrowed.
    pub fn as_ptr(&self) -> *mut crate::ffi::PyObject {
        self.inner.as_ptr()
    }

    /// The object (the borrow stays held as long as `self`).
    pub fn as_bound(&self) -> &Bound<'py, T> {
        &self.inner
    }

    /// The object, releasing the borrow.
    pub fn into_bound(self) -> Bound<'py, T> {
        self.inner.clone()
    }
}

impl<'py, T: PyClass<Frozen = False>> PyRefMut<'py, T>
where
    T::BaseType: PyClass<Frozen = False>,
{
    /// The same borrow, seen as the base class (`extends`).
    pub fn as_super(&mut self) -> &mut PyRefMut<'py, T::BaseType> {
        // SAFETY: as for `PyRef::as_super`; `self` holds the root flag exclusively, and the
        // returned reference borrows `self` mutably.
        unsafe { &mut *(self as *mut PyRefMut<'py, T>).cast::<PyRefMut<'py, T::BaseType>>() }
    }

    /// Converts into a borrow of the base class (`extends`), keeping the borrow.
    pub fn into_super(self) -> PyRefMut<'py, T::BaseType> {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: as for `PyRef::into_super`, with the exclusive borrow.
        let inner = unsafe { std::ptr::read(&this.inner).cast_into_unchecked() };
        PyRefMut { inner }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyRefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: `self` holds the exclusive borrow; the reference is tied to `&self`.
        unsafe { &*PyClassObject::value(layout(&self.inner)).get() }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyRefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: `self` holds the exclusive borrow; the reference is tied to `&mut self`.
        unsafe { &mut *PyClassObject::value(layout(&self.inner)).get() }
    }
}

impl<T: PyClass<Frozen = False>> Drop for PyRefMut<'_, T> {
    fn drop(&mut self) {
        // SAFETY: `self` is a live instance of `T` whose exclusive borrow it holds.
        unsafe { PyClassObject::flag(layout(&self.inner)) }.release_borrow_mut();
    }
}

impl<'py, T: PyClass> Bound<'py, T> {
    /// A shared borrow of the value; panics if it is mutably borrowed (see
    /// [`try_borrow`](Self::try_borrow)) or if an `unsendable` value is used on another thread.
    pub fn borrow(&self) -> PyRef<'py, T> {
        self.try_borrow().expect("Already mutably borrowed")
    }

    /// A shared borrow of the value, or [`PyBorrowError`] if it is mutably borrowed.
    pub fn try_borrow(&self) -> Result<PyRef<'py, T>, PyBorrowError> {
        PyRef::try_new(self)
    }

    /// An exclusive borrow of the value; panics if it is borrowed.
    pub fn borrow_mut(&self) -> PyRefMut<'py, T>
    where
        T: PyClass<Frozen = False>,
    {
        self.try_borrow_mut().expect("Already borrowed")
    }

    /// An exclusive borrow of the value, or [`PyBorrowMutError`] if it is borrowed.
    pub fn try_borrow_mut(&self) -> Result<PyRefMut<'py, T>, PyBorrowMutError>
    where
        T: PyClass<Frozen = False>,
    {
        PyRefMut::try_new(self)
    }

    /// The value of a `frozen`, `Sync` class, without a borrow.
    pub fn get(&self) -> &T
    where
        T: PyClass<Frozen = True> + Sync,
    {
        self.as_unbound().get()
    }
}

impl<T: PyClass> Py<T> {
    /// A shared borrow of the value, as [`Bound::borrow`].
    pub fn borrow<'py>(&'py self, py: Python<'py>) -> PyRef<'py, T> {
        self.bind(py).borrow()
    }

    /// A shared borrow of the value, as [`Bound::try_borrow`].
    pub fn try_borrow<'py>(&'py self, py: Python<'py>) -> Result<PyRef<'py, T>, PyBorrowError> {
        self.bind(py).try_borrow()
    }

    /// An exclusive borrow of the value, as [`Bound::borrow_mut`].
    pub fn borrow_mut<'py>(&'py self, py: Python<'py>) -> PyRefMut<'py, T>
    where
        T: PyClass<Frozen = False>,
    {
        self.bind(py).borrow_mut()
    }

    /// An exclusive borrow of the value, as [`Bound::try_borrow_mut`].
    pub fn try_borrow_mut<'py>(
        &'py self,
        py: Python<'py>,
    ) -> Result<PyRefMut<'py, T>, PyBorrowMutError>
    where
        T: PyClass<Frozen = False>,
    {
        self.bind(py).try_borrow_mut()
    }

    /// The value of a `frozen`, `Sync` class, without a borrow or attachment.
    pub fn get(&self) -> &T
    where
        T: PyClass<Frozen = True> + Sync,
    {
        // SAFETY: `self` keeps the instance (of `T`) alive for the returned lifetime; a frozen
        // class never hands out `&mut T` (`PyRefMut` needs `Frozen = False`), and `T: Sync`
        // makes the shared reference usable from any thread.
        unsafe { &*PyClassObject::value(self.as_ptr().cast::<PyClassObject<T>>()).get() }
    }
}

impl<'a, 'py, T: PyClass> FromPyObject<'a, 'py> for PyRef<'py, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let obj = obj.cast::<T>()?;
        check_thread(&obj)?;
        Ok(obj.try_borrow()?)
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> FromPyObject<'a, 'py> for PyRefMut<'py, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let obj = obj.cast::<T>()?;
        check_thread(&obj)?;
        Ok(obj.try_borrow_mut()?)
    }
}

impl<'py, T: PyClass> IntoPyObject<'py> for PyRef<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = Infallible;
    fn into_pyobject(self, _py: Python<'py>) -> Result<Bound<'py, T>, Infallible> {
        Ok(self.into_bound())
    }
}

impl<'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for PyRefMut<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = Infallible;
    fn into_pyobject(self, _py: Python<'py>) -> Result<Bound<'py, T>, Infallible> {
        Ok(self.into_bound())
    }
}

impl<T: PyClass + fmt::Debug> fmt::Debug for PyRef<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: PyClass<Frozen = False> + fmt::Debug> fmt::Debug for PyRefMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
