//! The unsafe side of [`PyCapsule`]: boxing a Rust value behind a capsule with a destructor
//! that drops it exactly once, reading the capsule's pointer, name and context, and
//! `PyCapsule_Import`. The safe constructors live in `types/capsule.rs`.

use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyCapsule;
use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr::NonNull;

/// What a capsule made by [`PyCapsule::new_with_destructor`] points to: the value first (so the
/// capsule's pointer is the value's address), then the destructor and the name the capsule's
/// name pointer borrows from.
#[repr(C)]
struct CapsuleContents<T, D> {
    value: T,
    destructor: D,
    name: Option<CString>,
}

/// The `PyCapsule_Destructor` of capsules holding a `CapsuleContents<T, D>`: takes the box
/// back and hands the value and the context pointer to the Rust destructor. Runs once, when the
/// capsule is deallocated (attached, as every deallocation is).
unsafe extern "C" fn capsule_destructor<
    T: 'static + Send,
    D: 'static + FnOnce(T, *mut c_void) + Send,
>(
    capsule: *mut ffi::PyObject,
) {
    // SAFETY: called by the interpreter with the capsule being destroyed, whose name pointer
    // and pointer were set by `new_boxed` and never changed by this crate.
    let (pointer, context) = unsafe {
        let name = ffi::PyCapsule_GetName(capsule);
        (ffi::PyCapsule_GetPointer(capsule, name), ffi::PyCapsule_GetContext(capsule))
    };
    if pointer.is_null() {
        // Someone replaced the name or pointer through the C API: leak rather than guess.
        // SAFETY: clears the exception the failed lookup set (attached).
        unsafe { ffi::PyErr_Clear() };
        return;
    }
    // SAFETY: the pointer came from `Box::into_raw` of this very type in `new_boxed`, and this
    // destructor runs once per capsule, so the box is reclaimed exactly once.
    let contents = unsafe { Box::from_raw(pointer.cast::<CapsuleContents<T, D>>()) };
    let CapsuleContents { value, destructor, name } = *contents;
    // A panic must not unwind into C; report it and carry on.
    if let Err(payload) =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| destructor(value, context)))
    {
        crate::impl_::trampoline::drop_payload(payload);
        eprintln!("pyroxide: a PyCapsule destructor panicked; the panic was discarded");
    }
    drop(name);
}

/// A new capsule owning `value` (boxed), with `destructor` run on it once when the capsule dies.
pub(crate) fn new_boxed<'py, T, D>(
    py: Python<'py>,
    value: T,
    name: Option<CString>,
    destructor: D,
) -> PyResult<Bound<'py, PyCapsule>>
where
    T: 'static + Send,
    D: 'static + FnOnce(T, *mut c_void) + Send,
{
    let name_ptr = name.as_ref().map_or(std::ptr::null(), |n| n.as_ptr());
    let contents = Box::into_raw(Box::new(CapsuleContents { value, destructor, name }));
    // SAFETY: attached; `contents` is non-NULL and stays valid until the destructor reclaims it;
    // `name_ptr` is NULL or points into the `CString` owned by `contents` (its heap buffer does
    // not move), which outlives the capsule's use of it. New reference or NULL with an error.
    let capsule = unsafe {
        ffi::PyCapsule_New(contents.cast(), name_ptr, Some(capsule_destructor::<T, D>))
            .assume_owned_or_err(py)
    };
    match capsule {
        // SAFETY: `PyCapsule_New` returns a capsule.
        Ok(c) => Ok(unsafe { c.cast_into_unchecked() }),
        Err(e) => {
            // SAFETY: the capsule was not created, so the box is still ours.
            drop(unsafe { Box::from_raw(contents) });
            Err(e)
        }
    }
}

fn name_ptr(name: Option<&CStr>) -> *const c_char {
    name.map_or(std::ptr::null(), CStr::as_ptr)
}

impl PyCapsule {
    /// The value of the capsule stored at the dotted path `name` (`module.attribute`), importing
    /// the module if needed (`PyCapsule_Import`); the capsule's name must equal `name`.
    ///
    /// # Safety
    /// The capsule must hold a `T`, and it must stay alive (and unchanged) for `'py`.
    pub unsafe fn import<'py, T>(py: Python<'py>, name: &CStr) -> PyResult<&'py T> {
        // SAFETY: attached; `name` NUL-terminated; the pointer or NULL with an exception set.
        let pointer = unsafe { ffi::PyCapsule_Import(name.as_ptr(), 0) };
        if pointer.is_null() {
            Err(PyErr::fetch(py))
        } else {
            // SAFETY: the caller guarantees the pointee is a live `T` for `'py`.
            Ok(unsafe { &*pointer.cast::<T>() })
        }
    }
}

/// A capsule's name: a non-NULL C string pointer owned by whoever made the capsule (PyO3's
/// `types::capsule::CapsuleName`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapsuleName {
    ptr: NonNull<c_char>,
}

impl CapsuleName {
    /// The name as a `&CStr`.
    ///
    /// # Safety
    /// Nothing ties the name's lifetime to the capsule's: the caller must know the name stays
    /// valid for `'a` (it may be changed through the C API, or freed with the capsule).
    pub unsafe fn as_cstr<'a>(self) -> &'a CStr {
        // SAFETY: non-NULL and NUL-terminated; valid for `'a` per the caller.
        unsafe { CStr::from_ptr(self.ptr.as_ptr()) }
    }

    /// The raw name pointer.
    pub fn as_ptr(self) -> *const c_char {
        self.ptr.as_ptr()
    }
}

/// Methods of capsules.
pub trait PyCapsuleMethods<'py> {
    /// Sets the capsule's context pointer; an error if the capsule is invalid.
    fn set_context(&self, context: *mut c_void) -> PyResult<()>;
    /// The capsule's context pointer (NULL if none was set); an error if the capsule is invalid.
    fn context(&self) -> PyResult<*mut c_void>;
    /// The capsule's value as a `&T`.
    ///
    /// # Safety
    /// The capsule must hold a `T` (e.g. made by [`PyCapsule::new`] with a `T`), and nothing may
    /// replace its pointer while the reference lives.
    unsafe fn reference<T>(&self) -> &'py T;
    /// The capsule's pointer, looked up under the capsule's own name (NULL, with the error
    /// cleared, if the capsule is invalid).
    fn pointer(&self) -> *mut c_void;
    /// The capsule's pointer if its name equals `name` (`None`: no name), else a `ValueError`.
    fn pointer_checked(&self, name: Option<&CStr>) -> PyResult<NonNull<c_void>>;
    /// Whether the capsule is valid under its own name.
    fn is_valid(&self) -> bool;
    /// Whether the capsule is valid and named `name` (`None`: no name).
    fn is_valid_checked(&self, name: Option<&CStr>) -> bool;
    /// The capsule's name, `None` if it has none; an error if the capsule is invalid.
    fn name(&self) -> PyResult<Option<CapsuleName>>;
}

impl<'py> PyCapsuleMethods<'py> for Bound<'py, PyCapsule> {
    // The context pointer is only stored, never dereferenced.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    fn set_context(&self, context: *mut c_void) -> PyResult<()> {
        // SAFETY: attached; `self` a live capsule; nonzero with an exception set on error.
        let r = unsafe { ffi::PyCapsule_SetContext(self.as_ptr(), context) };
        if r != 0 {
            return Err(PyErr::fetch(self.py()));
        }
        Ok(())
    }

    fn context(&self) -> PyResult<*mut c_void> {
        // SAFETY: attached; `self` a live capsule; NULL is ambiguous, so check for an error.
        let ctx = unsafe { ffi::PyCapsule_GetContext(self.as_ptr()) };
        if ctx.is_null() && crate::ffi::api::occurred(self.py()) {
            return Err(PyErr::fetch(self.py()));
        }
        Ok(ctx)
    }

    unsafe fn reference<T>(&self) -> &'py T {
        // SAFETY: the caller guarantees the pointer is a live `T` for `'py`.
        unsafe { &*self.pointer().cast::<T>() }
    }

    fn pointer(&self) -> *mut c_void {
        // SAFETY: attached; `self` a live capsule; the name is read and used at once.
        let p = unsafe {
            ffi::PyCapsule_GetPointer(self.as_ptr(), ffi::PyCapsule_GetName(self.as_ptr()))
        };
        if p.is_null() {
            // SAFETY: attached; clears the `ValueError` of an invalid capsule.
            unsafe { ffi::PyErr_Clear() };
        }
        p
    }

    fn pointer_checked(&self, name: Option<&CStr>) -> PyResult<NonNull<c_void>> {
        // SAFETY: attached; `self` live; `name` NULL or NUL-terminated; NULL with an exception.
        let p = unsafe { ffi::PyCapsule_GetPointer(self.as_ptr(), name_ptr(name)) };
        NonNull::new(p).ok_or_else(|| PyErr::fetch(self.py()))
    }

    fn is_valid(&self) -> bool {
        // SAFETY: attached; `self` live; never fails.
        unsafe { ffi::PyCapsule_IsValid(self.as_ptr(), ffi::PyCapsule_GetName(self.as_ptr())) != 0 }
    }

    fn is_valid_checked(&self, name: Option<&CStr>) -> bool {
        // SAFETY: attached; `self` live; `name` NULL or NUL-terminated; never fails.
        unsafe { ffi::PyCapsule_IsValid(self.as_ptr(), name_ptr(name)) != 0 }
    }

    fn name(&self) -> PyResult<Option<CapsuleName>> {
        // SAFETY: attached; `self` live; NULL for no name or, with an exception, an error.
        let n = unsafe { ffi::PyCapsule_GetName(self.as_ptr()) };
        match NonNull::new(n.cast_mut()) {
            Some(ptr) => Ok(Some(CapsuleName { ptr })),
            None if crate::ffi::api::occurred(self.py()) => Err(PyErr::fetch(self.py())),
            None => Ok(None),
        }
    }
}
