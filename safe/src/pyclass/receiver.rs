//! The borrow guards of method receivers (`&self`, `&mut self`) and field accessors: they hold
//! the object's borrow flag over the interpreter's own borrowed `self`, with no reference-count
//! traffic (a `PyRef`/`PyRefMut` owns a reference, which costs an incref and a decref per call).

use super::borrow::{check_thread, layout};
use super::layout::PyClassObject;
use super::{boolean_struct::False, PyClass};
use crate::err::PyResult;
use crate::instance::Borrowed;
use crate::types::PyAny;
use std::ops::{Deref, DerefMut};

/// A shared borrow of the instance a method was called on (`&self`). Lives no longer than the
/// call: the interpreter keeps `self` alive for it.
#[doc(hidden)]
pub struct SelfRef<'a, 'py, T: PyClass> {
    obj: Borrowed<'a, 'py, T>,
}

/// An exclusive borrow of the instance a method was called on (`&mut self`).
#[doc(hidden)]
pub struct SelfRefMut<'a, 'py, T: PyClass<Frozen = False>> {
    obj: Borrowed<'a, 'py, T>,
}

impl<'a, 'py, T: PyClass> SelfRef<'a, 'py, T> {
    /// Checks that `obj` is a `T` usable on this thread and takes a shared borrow.
    #[inline]
    pub(crate) fn new(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let obj = obj.cast::<T>()?;
        check_thread(&obj)?;
        // SAFETY: `obj` is a live instance of `T` (just checked).
        unsafe { PyClassObject::flag(layout(&obj)) }.try_borrow()?;
        Ok(SelfRef { obj })
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> SelfRefMut<'a, 'py, T> {
    /// Checks that `obj` is a `T` usable on this thread and takes the exclusive borrow.
    #[inline]
    pub(crate) fn new(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let obj = obj.cast::<T>()?;
        check_thread(&obj)?;
        // SAFETY: `obj` is a live instance of `T` (just checked).
        unsafe { PyClassObject::flag(layout(&obj)) }.try_borrow_mut()?;
        Ok(SelfRefMut { obj })
    }
}

impl<T: PyClass> Deref for SelfRef<'_, '_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: `self` holds a shared borrow of the object's flag, so no `&mut T` exists while
        // the returned reference (tied to `self`) lives.
        unsafe { &*PyClassObject::value(layout(&self.obj)).get() }
    }
}

impl<T: PyClass<Frozen = False>> Deref for SelfRefMut<'_, '_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: `self` holds the exclusive borrow; the reference is tied to `&self`.
        unsafe { &*PyClassObject::value(layout(&self.obj)).get() }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for SelfRefMut<'_, '_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: `self` holds the exclusive borrow; the reference is tied to `&mut self`.
        unsafe { &mut *PyClassObject::value(layout(&self.obj)).get() }
    }
}

impl<T: PyClass> Drop for SelfRef<'_, '_, T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self.obj` is a live instance of `T` whose shared borrow `self` holds.
        unsafe { PyClassObject::flag(layout(&self.obj)) }.release_borrow();
    }
}

impl<T: PyClass<Frozen = False>> Drop for SelfRefMut<'_, '_, T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self.obj` is a live instance of `T` whose exclusive borrow `self` holds.
        unsafe { PyClassObject::flag(layout(&self.obj)) }.release_borrow_mut();
    }
}
