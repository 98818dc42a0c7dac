//! The memory layout of a class instance and what the layout alone decides: the borrow flag,
//! the thread check of `unsendable` classes, the `__dict__`/`__weakref__` slots, and
//! `tp_dealloc`.
//!
//! A class `T`'s instance is one `#[repr(C)]` [`PyClassObject<T>`]: the base's layout (the
//! native struct, `ffi::PyObject` for `object`, or the base class's own `PyClassObject`), then
//! `T`'s layer (borrow flag, thread checker, dict and weakref slots, the value). All layers of an
//! object share one borrow flag: the first class layer's (the root), so a borrow of a subclass
//! also covers its bases.

use crate::ffi;
use crate::impl_::pyclass::{PyClassBaseType, PyClassImpl};
use crate::pyclass::borrow::{PyBorrowError, PyBorrowMutError};
use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The borrow state of an object: 0 free, `EXCLUSIVE` mutably borrowed, otherwise the number of
/// shared borrows. Atomic, so borrows from several threads are never a data race.
///
/// The flag is only read or written by a thread attached to the interpreter (every guard carries
/// a `Python<'py>`). Where the interpreter has a GIL, attached threads run one at a time and the
/// GIL's hand-over orders their accesses, so a plain load and store suffice (no locked
/// read-modify-write: PyO3 pays one per borrow on every build). On free-threaded builds the
/// attached threads run in parallel and the flag uses compare-and-swap.
pub struct BorrowFlag(AtomicUsize);

const EXCLUSIVE: usize = usize::MAX;

impl BorrowFlag {
    pub(crate) const fn new() -> Self {
        BorrowFlag(AtomicUsize::new(0))
    }

    /// Takes a shared borrow.
    #[cfg(not(Py_GIL_DISABLED))]
    #[inline]
    pub(crate) fn try_borrow(&self) -> Result<(), PyBorrowError> {
        let current = self.0.load(Ordering::Relaxed);
        // `EXCLUSIVE - 1` shared borrows would make the next look exclusive: refuse.
        if current >= EXCLUSIVE - 1 {
            return Err(PyBorrowError::new());
        }
        self.0.store(current + 1, Ordering::Relaxed);
        Ok(())
    }

    /// Takes a shared borrow.
    #[cfg(Py_GIL_DISABLED)]
    pub(crate) fn try_borrow(&self) -> Result<(), PyBorrowError> {
        let mut current = self.0.load(Ordering::Relaxed);
        loop {
            // `EXCLUSIVE - 1` shared borrows would make the next look exclusive: refuse.
            if current >= EXCLUSIVE - 1 {
                return Err(PyBorrowError::new());
            }
            match self.0.compare_exchange_weak(
                current,
                current + 1,
                Ordering::Acquire,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Ok(()),
                Err(now) => current = now,
            }
        }
    }

    /// Gives back a shared borrow.
    #[inline]
    pub(crate) fn release_borrow(&self) {
        if cfg!(Py_GIL_DISABLED) {
            self.0.fetch_sub(1, Ordering::Release);
        } else {
            self.0.store(self.0.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
        }
    }

    /// Takes the exclusive borrow.
    #[inline]
    pub(crate) fn try_borrow_mut(&self) -> Result<(), PyBorrowMutError> {
        if cfg!(Py_GIL_DISABLED) {
            return self
                .0
                .compare_exchange(0, EXCLUSIVE, Ordering::Acquire, Ordering::Relaxed)
                .map(drop)
                .map_err(|_| PyBorrowMutError::new());
        }
        if self.0.load(Ordering::Relaxed) != 0 {
            return Err(PyBorrowMutError::new());
        }
        self.0.store(EXCLUSIVE, Ordering::Relaxed);
        Ok(())
    }

    /// Gives back the exclusive borrow.
    #[inline]
    pub(crate) fn release_borrow_mut(&self) {
        self.0.store(0, Ordering::Release);
    }
}

mod sealed {
    pub trait Sealed {}
}

/// What a class records to refuse use from other threads: nothing for `Send + Sync` classes
/// ([`SendablePyClass`]), the creating thread for `unsendable` ones ([`ThreadCheckerImpl`]).
/// Sealed: the check is what makes `unsendable` sound.
pub trait PyClassThreadChecker<T>: sealed::Sealed + Sized {
    /// The checker of a new instance, made on the creating thread.
    fn new() -> Self;
    /// Whether the current thread may use the value.
    fn can_use(&self) -> bool;
}

/// The thread checker of ordinary classes; only exists for `Send + Sync` types, so a
/// `#[pyclass]` that is neither `unsendable` nor `Send + Sync` does not compile.
pub struct SendablePyClass<T>(PhantomData<fn() -> T>);

impl<T> sealed::Sealed for SendablePyClass<T> {}

impl<T: Send + Sync> PyClassThreadChecker<T> for SendablePyClass<T> {
    #[inline]
    fn new() -> Self {
        SendablePyClass(PhantomData)
    }
    #[inline]
    fn can_use(&self) -> bool {
        true
    }
}

/// The thread checker of `unsendable` classes: the number of the thread that made the instance
/// (`crate::sync::thread_id`, which unlike `std::thread::current()` leaves no thread-local
/// destructor for GraalPy to trip over at exit).
pub struct ThreadCheckerImpl(u64);

impl sealed::Sealed for ThreadCheckerImpl {}

impl<T> PyClassThreadChecker<T> for ThreadCheckerImpl {
    fn new() -> Self {
        ThreadCheckerImpl(crate::sync::thread_id::current())
    }
    fn can_use(&self) -> bool {
        self.0 == crate::sync::thread_id::current()
    }
}

/// An absent `__dict__` or `__weakref__` slot.
pub struct PyClassDummySlot;
/// The `__dict__` slot of a class declared with `dict`.
pub struct PyClassDictSlot(*mut ffi::PyObject);
/// The `__weakref__` slot of a class declared with `weakref` (written by the interpreter
/// through `tp_weaklistoffset`).
#[allow(dead_code)]
pub struct PyClassWeakRefSlot(*mut ffi::PyObject);

/// [`PyClassDummySlot`] or [`PyClassDictSlot`] (sealed).
pub trait PyClassDict: sealed::Sealed {
    /// Whether the slot exists.
    const PRESENT: bool;
    /// The slot of a new instance.
    const INIT: Self;
    /// Releases the dict, if any.
    ///
    /// # Safety
    /// The slot is part of a live object, and the thread attached.
    unsafe fn clear(&mut self);
}

/// [`PyClassDummySlot`] or [`PyClassWeakRefSlot`] (sealed).
pub trait PyClassWeakRef: sealed::Sealed {
    /// Whether the slot exists.
    const PRESENT: bool;
    /// The slot of a new instance.
    const INIT: Self;
}

impl sealed::Sealed for PyClassDummySlot {}
impl sealed::Sealed for PyClassDictSlot {}
impl sealed::Sealed for PyClassWeakRefSlot {}

impl PyClassDict for PyClassDummySlot {
    const PRESENT: bool = false;
    const INIT: Self = PyClassDummySlot;
    unsafe fn clear(&mut self) {}
}

impl PyClassDict for PyClassDictSlot {
    const PRESENT: bool = true;
    const INIT: Self = PyClassDictSlot(std::ptr::null_mut());
    unsafe fn clear(&mut self) {
        let dict = std::mem::replace(&mut self.0, std::ptr::null_mut());
        if !dict.is_null() {
            // SAFETY: the slot owns the dict's reference (the interpreter stores it there
            // through `tp_dictoffset`); the caller guarantees attachment.
            unsafe { ffi::Py_DECREF(dict) };
        }
    }
}

impl PyClassWeakRef for PyClassDummySlot {
    const PRESENT: bool = false;
    const INIT: Self = PyClassDummySlot;
}

impl PyClassWeakRef for PyClassWeakRefSlot {
    const PRESENT: bool = true;
    const INIT: Self = PyClassWeakRefSlot(std::ptr::null_mut());
}

/// What a subclass needs to know of its base's layout. Implemented by this crate only, for
/// `ffi::PyObject`, the native structs that may be extended, and [`PyClassObject`].
///
/// # Safety
/// The layout must be the first field of the object struct of the type it stands for, and the
/// functions must do what they say on such objects.
pub unsafe trait PyClassBaseLayout: Sized {
    /// Whether the native root type is `object` (allocation through `tp_alloc`).
    const NATIVE_IS_OBJECT: bool;
    /// The size of the native struct under the class layers (checked against the native type's
    /// `tp_basicsize` when a class is created).
    const NATIVE_SIZE: usize;
    /// Whether some class layer has a `__weakref__` slot.
    const ANY_WEAKREF: bool;
    /// The borrow flag of the first class layer, if any.
    ///
    /// # Safety
    /// `this` points to a live, initialised object of this layout.
    unsafe fn root_flag(this: *mut Self) -> Option<*const BorrowFlag>;
    /// Whether every class layer may be used from this thread.
    ///
    /// # Safety
    /// As for `root_flag`.
    unsafe fn threads_ok(this: *mut Self) -> bool;
    /// Drops the value and releases the dict of every class layer.
    ///
    /// # Safety
    /// As for `root_flag`, attached; called once, from `tp_dealloc`.
    unsafe fn drop_layers(this: *mut Self);
}

/// The object struct of class `T`.
#[repr(C)]
pub struct PyClassObject<T: PyClassImpl> {
    ob_base: <T::BaseType as PyClassBaseType>::LayoutAsBase,
    pub(crate) borrow_flag: BorrowFlag,
    pub(crate) thread_checker: T::ThreadChecker,
    pub(crate) dict: T::Dict,
    pub(crate) weakref: T::WeakRef,
    pub(crate) value: ManuallyDrop<UnsafeCell<T>>,
}

// SAFETY: `ob_base` comes first (`repr(C)`); the functions recurse into the base layers.
unsafe impl<T: PyClassImpl> PyClassBaseLayout for PyClassObject<T> {
    const NATIVE_IS_OBJECT: bool =
        <<T::BaseType as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::NATIVE_IS_OBJECT;
    const NATIVE_SIZE: usize =
        <<T::BaseType as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::NATIVE_SIZE;
    const ANY_WEAKREF: bool = <T::WeakRef as PyClassWeakRef>::PRESENT
        || <<T::BaseType as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::ANY_WEAKREF;

    unsafe fn root_flag(this: *mut Self) -> Option<*const BorrowFlag> {
        // SAFETY: forwarded; `ob_base` is the base's layout within the same object.
        unsafe {
            let base = std::ptr::addr_of_mut!((*this).ob_base);
            PyClassBaseLayout::root_flag(base)
                .or_else(|| Some(std::ptr::addr_of!((*this).borrow_flag)))
        }
    }

    unsafe fn threads_ok(this: *mut Self) -> bool {
        // SAFETY: forwarded; the checker was initialised with the object.
        unsafe {
            PyClassThreadChecker::<T>::can_use(&(*this).thread_checker)
                && PyClassBaseLayout::threads_ok(std::ptr::addr_of_mut!((*this).ob_base))
        }
    }

    unsafe fn drop_layers(this: *mut Self) {
        // SAFETY: called once from `tp_dealloc` on an initialised object nobody else can reach
        // any more (its reference count is zero): the value is dropped exactly once.
        unsafe {
            let value = std::ptr::addr_of_mut!((*this).value);
            ManuallyDrop::drop(&mut *value);
            (*this).dict.clear();
            PyClassBaseLayout::drop_layers(std::ptr::addr_of_mut!((*this).ob_base));
        }
    }
}

impl<T: PyClassImpl> PyClassObject<T> {
    /// The offset of the `__dict__` slot.
    pub(crate) const fn dict_offset() -> usize {
        std::mem::offset_of!(PyClassObject<T>, dict)
    }

    /// The offset of the `__weakref__` slot.
    pub(crate) const fn weakref_offset() -> usize {
        std::mem::offset_of!(PyClassObject<T>, weakref)
    }

    /// The borrow flag governing this object (the root class layer's).
    ///
    /// # Safety
    /// `this` points to a live, initialised instance of `T` (or of a subclass).
    pub(crate) unsafe fn flag<'a>(this: *mut Self) -> &'a BorrowFlag {
        // SAFETY: a class layout always has a class layer, so `root_flag` is `Some`; the flag
        // lives as long as the object.
        unsafe { &*PyClassBaseLayout::root_flag(this).unwrap_or_else(|| unreachable!()) }
    }

    /// The value's cell.
    ///
    /// # Safety
    /// As for `flag`.
    pub(crate) unsafe fn value<'a>(this: *mut Self) -> &'a UnsafeCell<T> {
        // SAFETY: initialised with the object and dropped only in `tp_dealloc`.
        unsafe { &(*this).value }
    }
}

/// The `tp_dealloc` of class `T`: clears weak references, drops every class layer's value and
/// dict (a panic or error there is reported as unraisable), then frees the object through its
/// native base, and releases the reference the instance held on its (heap) type.
///
/// # Safety
/// Called by the interpreter with an instance of `T` (or of a Python subclass) whose reference
/// count reached zero, attached.
pub(crate) unsafe extern "C" fn tp_dealloc<T: PyClassImpl>(obj: *mut ffi::PyObject) {
    // SAFETY: per the contract above; every pointer used is `obj`'s or its type's.
    unsafe {
        let ty = ffi::Py_TYPE(obj);
        #[cfg(not(PyPy))]
        if ffi::PyType_GetFlags(ty) & ffi::Py_TPFLAGS_HAVE_GC as std::os::raw::c_ulong != 0 {
            ffi::PyObject_GC_UnTrack(obj.cast());
        }
        // PyPy keeps weak references on its own side of an object, and clears them before the
        // C object's count can reach zero; its `PyObject_ClearWeakRefs` would recreate that side
        // of the dying object, which cpyext refuses with an abort.
        #[cfg(not(PyPy))]
        if <PyClassObject<T> as PyClassBaseLayout>::ANY_WEAKREF {
            ffi::PyObject_ClearWeakRefs(obj);
        }
        let layout = obj.cast::<PyClassObject<T>>();
        // The context is the type, never `obj`: its repr would run on a dropped value.
        crate::impl_::trampoline::trampoline_unraisable(
            |_py| {
                if PyClassBaseLayout::threads_ok(layout) {
                    PyClassBaseLayout::drop_layers(layout);
                    Ok(())
                } else {
                    Err(crate::exceptions::PyRuntimeError::new_err(format!(
                        "{} is unsendable, but is being dropped on another thread; its value \
                         is leaked",
                        <T as crate::impl_::type_object::LazyTypeInfo>::NAME
                    )))
                }
            },
            ty.cast(),
        );
        free_native::<T>(obj, ty);
        // The instance's reference to its heap type: CPython's native deallocs leave it to the
        // subtype (as `subtype_dealloc` does); PyPy's generic dealloc, which its builtin bases
        // have, gives it back itself, so a second release would count the type down.
        let native_object =
            <<T::BaseType as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::NATIVE_IS_OBJECT;
        if !cfg!(PyPy) || native_object {
            ffi::Py_DECREF(ty.cast());
        }
    }
}

/// Frees `obj` through its native base: `tp_free` for `object`, the base's own `tp_dealloc`
/// otherwise (re-tracked first if the base is a GC type, as `subtype_dealloc` does).
///
/// # Safety
/// As for [`tp_dealloc`]; `ty` is `obj`'s type.
unsafe fn free_native<T: PyClassImpl>(obj: *mut ffi::PyObject, ty: *mut ffi::PyTypeObject) {
    let native_object =
        <<T::BaseType as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::NATIVE_IS_OBJECT;
    if native_object {
        // SAFETY: `ty` is a heap type (ours or a Python subclass), whose slots can be read on
        // every version; `tp_free` is always set after `PyType_Ready`.
        unsafe {
            let free = ffi::PyType_GetSlot(ty, ffi::Py_tp_free as _);
            let free: ffi::freefunc = std::mem::transmute(free);
            match free {
                Some(free) => free(obj.cast()),
                None => ffi::PyObject_Free(obj.cast()),
            }
        }
    } else {
        // SAFETY: forwarded.
        unsafe { native_dealloc::<T>(obj) }
    }
}

/// Frees `obj` with the `tp_dealloc` of its native base (not `object`).
///
/// # Safety
/// As for [`tp_dealloc`].
#[cfg_attr(Py_LIMITED_API, allow(clippy::extra_unused_type_parameters))]
unsafe fn native_dealloc<T: PyClassImpl>(obj: *mut ffi::PyObject) {
    #[cfg(not(Py_LIMITED_API))]
    // SAFETY: non-object native bases are only declared outside the limited API, where the type
    // struct is readable; the base's dealloc frees the object with `Py_TYPE(obj)->tp_free`.
    unsafe {
        let base = <<T::BaseType as PyClassBaseType>::BaseNativeType as crate::PyTypeInfo>::type_object_raw(
            crate::Python::assume_attached(),
        );
        #[cfg(not(PyPy))]
        if (*base).tp_flags & ffi::Py_TPFLAGS_HAVE_GC as std::os::raw::c_ulong != 0 {
            ffi::PyObject_GC_Track(obj.cast());
        }
        if let Some(dealloc) = (*base).tp_dealloc {
            dealloc(obj);
        }
    }
    #[cfg(Py_LIMITED_API)]
    let _ = obj; // `object` is the only native base under the limited API.
}
