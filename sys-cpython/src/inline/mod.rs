//! Hand-written Rust for the CPython `static inline` functions and function-like macros on hot
//! paths (reference counting, object header access, tuple/list item access, fast type checks),
//! which bindgen cannot bind because they have no linkable symbol.
//!
//! Every function mirrors the header of the version the selected bindings were generated from,
//! down to the variant: classic counts (3.9–3.11), immortal objects with the split 32-bit count
//! (3.12–3.13) and the 3.14 layout (`ob_refcnt` as `uint32_t`, `_Py_IMMORTAL_INITIAL_REFCNT`),
//! the split local/shared counts of free-threaded builds, `Py_REF_DEBUG` bookkeeping, and the
//! limited API, whose bindings are always generated from the newest headers (3.15) with
//! `Py_LIMITED_API` set to the minimum version and therefore follow that header's rules.
//! Only 64-bit targets are supported: the checked-in bindings are 64-bit layouts.
//!
//! Some bindings also export functions named `Py_TYPE`, `Py_REFCNT`, `Py_SIZE`, `Py_IS_TYPE`,
//! `Py_NewRef`, `Py_XNewRef` or `Py_Is` (the stable-ABI symbols, some of which older
//! interpreters lack); `lib.rs` re-exports these names from here explicitly so that, as the C
//! macros do, the inline forms win over the exported functions.
use crate::generated as ffi;
use core::ffi::c_int;
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

mod checks;
#[cfg(not(Py_LIMITED_API))]
mod float;
#[cfg(not(Py_LIMITED_API))]
mod long;
mod refcount;
#[cfg(not(Py_LIMITED_API))]
mod seq;
#[cfg(all(not(Py_LIMITED_API), not(Py_3_13)))]
mod tstate;
#[cfg(not(Py_LIMITED_API))]
mod unicode;

pub use checks::*;
#[cfg(not(Py_LIMITED_API))]
pub use float::*;
#[cfg(not(Py_LIMITED_API))]
pub use long::*;
pub use refcount::*;
#[cfg(not(Py_LIMITED_API))]
pub use seq::*;
#[cfg(all(not(Py_LIMITED_API), not(Py_3_13)))]
pub use tstate::*;
#[cfg(not(Py_LIMITED_API))]
pub use unicode::*;

#[cfg(not(target_pointer_width = "64"))]
compile_error!(
    "pyroxide-sys-cpython: the checked-in bindings and inline functions are 64-bit only"
);

// ---- Object header ----

/// `Py_TYPE(ob)`: Include/object.h (`Py_TYPE` macro 3.9–3.10, static inline 3.11–3.13,
/// `_Py_TYPE` 3.14, `_Py_TYPE_impl` 3.15); the exported `Py_TYPE()` under limited API 3.14+.
///
/// # Safety
/// `ob` must point to a live Python object.
#[inline(always)]
pub unsafe fn Py_TYPE(ob: *mut PyObject) -> *mut PyTypeObject {
    #[cfg(all(Py_LIMITED_API, Py_3_14))]
    // SAFETY: the caller passes a live object; the stable ABI function only reads its type.
    return unsafe { ffi::Py_TYPE(ob) };
    #[cfg(not(all(Py_LIMITED_API, Py_3_14)))]
    // SAFETY: the caller passes a live object, whose header starts with `ob_type`'s struct.
    return unsafe { (*ob).ob_type };
}

/// `Py_SIZE(ob)`: Include/object.h (`_Py_SIZE_impl` in 3.15); the exported `Py_SIZE()` under
/// limited API 3.15+.
///
/// # Safety
/// `ob` must point to a live variable-size object (`PyVarObject`).
#[inline(always)]
pub unsafe fn Py_SIZE(ob: *mut PyObject) -> Py_ssize_t {
    #[cfg(all(Py_LIMITED_API, Py_3_15))]
    // SAFETY: the caller passes a live object.
    return unsafe { ffi::Py_SIZE(ob) };
    #[cfg(not(all(Py_LIMITED_API, Py_3_15)))]
    // SAFETY: the caller passes a live `PyVarObject`.
    return unsafe { (*ob.cast::<ffi::PyVarObject>()).ob_size };
}

/// `Py_IS_TYPE(ob, type)`: Include/object.h (`_Py_IS_TYPE` 3.9–3.10, static inline 3.11+,
/// `_Py_IS_TYPE_impl` 3.15); the exported `Py_IS_TYPE()` under limited API 3.15+.
///
/// # Safety
/// `ob` must point to a live Python object.
#[inline(always)]
pub unsafe fn Py_IS_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    #[cfg(all(Py_LIMITED_API, Py_3_15))]
    // SAFETY: the caller passes a live object.
    return unsafe { ffi::Py_IS_TYPE(ob, tp) };
    #[cfg(not(all(Py_LIMITED_API, Py_3_15)))]
    // SAFETY: the caller passes a live object.
    return (unsafe { Py_TYPE(ob) } == tp) as c_int;
}

/// `Py_Is(x, y)`: Include/object.h (3.10+) `#define Py_Is(x, y) ((x) == (y))`.
///
/// # Safety
/// Always safe to evaluate; `unsafe` only for uniformity with the C API it mirrors.
#[inline(always)]
pub unsafe fn Py_Is(x: *mut PyObject, y: *mut PyObject) -> c_int {
    (x == y) as c_int
}

/// `Py_CompileString(str, filename, start)`: a macro over `Py_CompileStringExFlags` in the 3.9
/// headers (Include/pythonrun.h), an exported function from 3.10 and in the limited API.
///
/// # Safety
/// The thread must be attached; `str` and `filename` must be NUL-terminated strings.
#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
#[inline]
pub unsafe fn Py_CompileString(
    str: *const core::ffi::c_char,
    filename: *const core::ffi::c_char,
    start: c_int,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; no compiler flags, default optimization level.
    unsafe { ffi::Py_CompileStringExFlags(str, filename, start, core::ptr::null_mut(), -1) }
}

// `PyWeakref_GetObject` stays in the stable ABI through 3.14, but the limited-API bindings are
// generated from the 3.15 headers, which no longer declare it (Include/weakrefobject.h of 3.14
// has it; 3.13+ code should prefer `PyWeakref_GetRef`).
#[cfg(all(Py_LIMITED_API, not(Py_3_15)))]
extern "C" {
    /// The referent of a weak reference (borrowed), `None` when dead, NULL with an exception
    /// set on error.
    pub fn PyWeakref_GetObject(reference: *mut PyObject) -> *mut PyObject;
}

// Frame functions that Python.h does not reach: `PyFrame_New` lives in
// Include/cpython/frameobject.h (3.9–3.15), which Python.h never includes; on 3.9–3.10 the same
// header also holds `PyFrame_Type` and `PyFrame_GetBack` (moved to Include/pyframe.h and
// Include/cpython/pyframe.h in 3.11). All are exported by libpython.
#[cfg(not(Py_LIMITED_API))]
extern "C" {
    /// A new frame for `code` with the given namespaces (a new reference, NULL with an
    /// exception set on error).
    pub fn PyFrame_New(
        tstate: *mut ffi::PyThreadState,
        code: *mut ffi::PyCodeObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut ffi::PyFrameObject;
}
#[cfg(all(not(Py_LIMITED_API), not(Py_3_11)))]
extern "C" {
    /// The type of frame objects.
    pub static mut PyFrame_Type: PyTypeObject;
    /// The frame's caller (a new reference), or NULL (without an exception) for the outermost.
    pub fn PyFrame_GetBack(frame: *mut ffi::PyFrameObject) -> *mut ffi::PyFrameObject;
}
