//! The `tp_traverse` entry points of classes with `__traverse__` or a `__dict__`. It is the one C entry point
//! that does not go through the trampoline: the collector calls it in the middle of a
//! collection, where no Python code may run and no reference may be released, so it neither
//! drains the reference pool nor raises a `PanicException`. A panic is caught here, reported on
//! stderr and the traversal ended early (answered with 0), since unwinding into the collector is
//! undefined.

use super::slots_basic::PyTraverseImpl;
use super::{PyClassBaseType, PyClassDict, PyClassImpl};
use crate::ffi;
use crate::pyclass::layout::{PyClassBaseLayout, PyClassObject};
use crate::pyclass::PyVisit;
use std::ffi::c_void;
use std::os::raw::c_int;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// `traverseproc` entry point: visits the instance's (heap) type, the user's references (unless
/// the value is mutably borrowed or belongs to another thread: then they cannot be read and
/// are skipped, as the collector allows), the class's `__dict__`, and the native base's.
///
/// # Safety
/// Called by the collector with a live instance of `F::Class` (or of a subclass).
pub(crate) unsafe extern "C" fn tp_traverse<F: PyTraverseImpl>(
    slf: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    let layout = slf.cast::<PyClassObject<F::Class>>();
    // SAFETY: `visit` and `arg` are the collector's for this call; the visitor stays local.
    let visitor = unsafe { PyVisit::new(visit, arg) };
    // SAFETY: heap types' instances own a reference to their type, which they must report.
    let ret = unsafe { visitor.visit_raw(ffi::Py_TYPE(slf).cast()) };
    if ret != 0 {
        return ret;
    }
    // SAFETY: `slf` is a live, initialised instance.
    let (flag, usable) =
        unsafe { (PyClassObject::flag(layout), PyClassBaseLayout::threads_ok(layout)) };
    if usable && flag.try_borrow().is_ok() {
        // SAFETY: the shared borrow just taken excludes `&mut` access for the call.
        let value = unsafe { &*PyClassObject::value(layout).get() };
        // SAFETY: as above, a visitor for this traversal only.
        let visitor = unsafe { PyVisit::new(visit, arg) };
        let result = catch_unwind(AssertUnwindSafe(|| F::traverse(value, visitor)));
        flag.release_borrow();
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return e.0,
            Err(payload) => {
                crate::impl_::trampoline::drop_payload(payload);
                eprintln!(
                    "a panic in __traverse__ of {} was caught; the traversal is aborted",
                    <F::Class as crate::impl_::type_object::LazyTypeInfo>::NAME
                );
                // Not -1: callers such as `gc.get_referents` read a non-zero answer as an error
                // with an exception set (a fatal error on debug builds), and the collector
                // ignores the answer. References not visited only make objects look reachable.
                return 0;
            }
        }
    }
    if <<F::Class as PyClassImpl>::Dict as PyClassDict>::PRESENT {
        // SAFETY: the class has a `__dict__` slot at this offset, NULL or a live dict.
        let ret = unsafe {
            let dict = slf.cast::<u8>().add(PyClassObject::<F::Class>::dict_offset());
            visitor.visit_raw(*dict.cast::<*mut ffi::PyObject>())
        };
        if ret != 0 {
            return ret;
        }
    }
    // SAFETY: forwarded: the same object, seen by its native base.
    unsafe { native_traverse::<F::Class>(slf, visit, arg) }
}

/// `traverseproc` of a class with a `__dict__` but no `__traverse__`: visits the type, the
/// `__dict__` and the native base's references, so that a cycle through the instance's
/// attributes (`obj.me = obj`) is collected (the dict, also in the cycle, clears it).
///
/// # Safety
/// Called by the collector with a live instance of `C` (or of a subclass).
pub(crate) unsafe extern "C" fn dict_traverse<C: PyClassImpl>(
    slf: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    // SAFETY: `visit` and `arg` are the collector's for this call; the visitor stays local.
    let visitor = unsafe { PyVisit::new(visit, arg) };
    // SAFETY: heap types' instances own a reference to their type; the class has a `__dict__`
    // slot at this offset (it is only installed for such classes), NULL or a live dict.
    let ret = unsafe {
        match visitor.visit_raw(ffi::Py_TYPE(slf).cast()) {
            0 => {
                let dict = slf.cast::<u8>().add(PyClassObject::<C>::dict_offset());
                visitor.visit_raw(*dict.cast::<*mut ffi::PyObject>())
            }
            ret => ret,
        }
    };
    if ret != 0 {
        return ret;
    }
    // SAFETY: forwarded: the same object, seen by its native base.
    unsafe { native_traverse::<C>(slf, visit, arg) }
}

/// Calls the `tp_traverse` of a native base other than `object` (exceptions report their
/// `args`, `__traceback__`, …).
///
/// # Safety
/// As for [`tp_traverse`].
unsafe fn native_traverse<C: PyClassImpl>(
    slf: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    type Base<C> = <C as PyClassImpl>::BaseType;
    if <<Base<C> as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::NATIVE_IS_OBJECT {
        return 0;
    }
    #[cfg(not(Py_LIMITED_API))]
    // SAFETY: outside the limited API the type struct is readable; the native base type is a
    // live static type whose traverse accepts instances of its subtypes.
    unsafe {
        let py = crate::Python::assume_attached();
        let base =
            <<Base<C> as PyClassBaseType>::BaseNativeType as crate::PyTypeInfo>::type_object_raw(
                py,
            );
        if let Some(traverse) = (*base).tp_traverse {
            return traverse(slf, visit, arg);
        }
    }
    let _ = (slf, visit, arg);
    0
}
