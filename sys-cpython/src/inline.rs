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

use core::ffi::{c_int, c_ulong};
use core::ptr::addr_of_mut;

use crate::generated as ffi;
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

#[cfg(not(target_pointer_width = "64"))]
compile_error!(
    "pyroxide-sys-cpython: the checked-in bindings and inline functions are 64-bit only"
);

/// Index of the low 32 bits in `ob_refcnt_split` (`PY_BIG_ENDIAN` in the 3.12/3.13 headers).
#[cfg(all(Py_3_12, not(Py_3_14), not(Py_LIMITED_API), not(Py_GIL_DISABLED)))]
const LOW_HALF: usize = if cfg!(target_endian = "big") { 1 } else { 0 };

/// Include/refcount.h (3.14+): `_Py_IMMORTAL_INITIAL_REFCNT` on 64-bit targets (`3ULL << 30`).
#[cfg(all(any(Py_3_14, Py_LIMITED_API), not(Py_GIL_DISABLED)))]
#[cfg_attr(Py_LIMITED_API, allow(dead_code))]
const IMMORTAL_INITIAL_REFCNT: u32 = 3 << 30;

/// `_Py_IMMORTAL_REFCNT_LOCAL` (Include/object.h 3.13, Include/refcount.h 3.14+).
#[cfg(Py_GIL_DISABLED)]
const IMMORTAL_REFCNT_LOCAL: u32 = u32::MAX;

/// `_Py_REF_SHARED_SHIFT` (same headers).
#[cfg(Py_GIL_DISABLED)]
const REF_SHARED_SHIFT: u32 = 2;

/// File name handed to `_Py_NegativeRefcount` (the C macros pass `__FILE__`).
#[cfg(all(py_sys_config = "Py_REF_DEBUG", not(Py_LIMITED_API)))]
const FILE: *const core::ffi::c_char = concat!(file!(), "\0").as_ptr().cast();

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

// ---- Reference counts ----

/// The reference-count field layouts, one module per header generation.
#[cfg(all(not(Py_3_12), not(Py_LIMITED_API)))]
mod rc {
    use super::*;

    /// Include/object.h 3.9–3.11: `ob->ob_refcnt`.
    #[inline(always)]
    pub unsafe fn refcnt(op: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live object.
        unsafe { (*op).ob_refcnt }
    }

    /// Include/object.h 3.9–3.11 `_Py_INCREF`/`Py_INCREF`.
    #[inline(always)]
    pub unsafe fn incref(op: *mut PyObject) {
        #[cfg(py_sys_config = "Py_REF_DEBUG")]
        // SAFETY: `_Py_RefTotal` is the debug build's exported counter; the GIL is held.
        unsafe {
            let total = addr_of_mut!(ffi::_Py_RefTotal);
            *total = (*total).wrapping_add(1);
        }
        // SAFETY: the caller passes a live object and holds the GIL.
        unsafe { (*op).ob_refcnt = (*op).ob_refcnt.wrapping_add(1) };
    }

    /// Include/object.h 3.9–3.11 `_Py_DECREF`/`Py_DECREF` (both the `Py_REF_DEBUG` form with
    /// `_Py_RefTotal` and `_Py_NegativeRefcount`, and the release form).
    #[inline(always)]
    pub unsafe fn decref(op: *mut PyObject) {
        #[cfg(py_sys_config = "Py_REF_DEBUG")]
        // SAFETY: as in `incref`.
        unsafe {
            let total = addr_of_mut!(ffi::_Py_RefTotal);
            *total = (*total).wrapping_sub(1);
        }
        // SAFETY: the caller passes a live object owning one reference and holds the GIL; the
        // object is deallocated exactly when its count reaches zero, as the header does.
        unsafe {
            let count = (*op).ob_refcnt.wrapping_sub(1);
            (*op).ob_refcnt = count;
            if count == 0 {
                ffi::_Py_Dealloc(op);
            } else {
                #[cfg(py_sys_config = "Py_REF_DEBUG")]
                if count < 0 {
                    ffi::_Py_NegativeRefcount(super::FILE, line!() as c_int, op);
                }
            }
        }
    }
}

#[cfg(all(Py_3_12, not(Py_3_14), not(Py_LIMITED_API), not(Py_GIL_DISABLED)))]
mod rc {
    use super::*;

    /// Include/object.h 3.12–3.13: `ob->ob_refcnt` (the full `Py_ssize_t` union member).
    #[inline(always)]
    pub unsafe fn refcnt(op: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live object; both union members are plain integers.
        unsafe { (*op).__bindgen_anon_1.ob_refcnt }
    }

    /// Include/object.h 3.12–3.13 `_Py_IsImmortal` (64-bit: the low 32 bits, signed, < 0).
    #[inline(always)]
    pub unsafe fn is_immortal(op: *mut PyObject) -> bool {
        // SAFETY: as in `refcnt`.
        (unsafe { refcnt(op) } as i32) < 0
    }

    /// Include/object.h 3.12–3.13 `Py_INCREF`: saturating add on `ob_refcnt_split[PY_BIG_ENDIAN]`.
    #[inline(always)]
    pub unsafe fn incref(op: *mut PyObject) {
        // SAFETY: the caller passes a live object and holds the GIL.
        unsafe {
            let low =
                addr_of_mut!((*op).__bindgen_anon_1.ob_refcnt_split).cast::<u32>().add(LOW_HALF);
            let new = (*low).wrapping_add(1);
            if new == 0 {
                return; // the object is immortal
            }
            *low = new;
            #[cfg(py_sys_config = "Py_REF_DEBUG")]
            ffi::_Py_INCREF_IncRefTotal();
        }
    }

    /// Include/object.h 3.12–3.13 `Py_DECREF` (release and `Py_REF_DEBUG` forms).
    #[inline(always)]
    pub unsafe fn decref(op: *mut PyObject) {
        // SAFETY: the caller passes a live object owning one reference and holds the GIL.
        unsafe {
            #[cfg(py_sys_config = "Py_REF_DEBUG")]
            if refcnt(op) <= 0 {
                ffi::_Py_NegativeRefcount(super::FILE, line!() as c_int, op);
            }
            if is_immortal(op) {
                return;
            }
            #[cfg(py_sys_config = "Py_REF_DEBUG")]
            ffi::_Py_DECREF_DecRefTotal();
            let count = addr_of_mut!((*op).__bindgen_anon_1.ob_refcnt);
            *count = (*count).wrapping_sub(1);
            if *count == 0 {
                ffi::_Py_Dealloc(op);
            }
        }
    }
}

/// 3.14+ layout; also the limited API, whose bindings come from the 3.15 headers (where 3.12+
/// calls functions for everything but `_Py_IsImmortal`).
#[cfg(all(any(Py_3_14, Py_LIMITED_API), not(Py_GIL_DISABLED)))]
#[cfg_attr(Py_LIMITED_API, allow(dead_code))]
mod rc {
    use super::*;

    /// The `uint32_t ob_refcnt` member of the anonymous struct (Include/object.h 3.14+).
    #[inline(always)]
    unsafe fn field(op: *mut PyObject) -> *mut u32 {
        // SAFETY: the caller passes a live object; no reference is created.
        unsafe { addr_of_mut!((*op).__bindgen_anon_1.__bindgen_anon_1.ob_refcnt) }
    }

    /// Include/refcount.h 3.14+ `_Py_REFCNT`: `ob->ob_refcnt`, the 32-bit field widened.
    #[inline(always)]
    pub unsafe fn refcnt(op: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live object.
        unsafe { *field(op) as Py_ssize_t }
    }

    /// Include/refcount.h 3.14+ `_Py_IsImmortal` (64-bit: `(int32_t)ob_refcnt < 0`).
    #[inline(always)]
    pub unsafe fn is_immortal(op: *mut PyObject) -> bool {
        // SAFETY: the caller passes a live object.
        (unsafe { *field(op) } as i32) < 0
    }

    /// Include/refcount.h 3.14+ `Py_INCREF` (64-bit): no-op at or above
    /// `_Py_IMMORTAL_INITIAL_REFCNT`, then `_Py_INCREF_IncRefTotal` for mortal objects in
    /// `Py_REF_DEBUG` builds.
    #[inline(always)]
    pub unsafe fn incref(op: *mut PyObject) {
        // SAFETY: the caller passes a live object and holds the GIL.
        unsafe {
            let cur = *field(op);
            if cur >= IMMORTAL_INITIAL_REFCNT {
                return;
            }
            *field(op) = cur + 1;
            #[cfg(all(py_sys_config = "Py_REF_DEBUG", not(Py_LIMITED_API)))]
            if !is_immortal(op) {
                ffi::_Py_INCREF_IncRefTotal();
            }
        }
    }

    /// Include/refcount.h 3.14+ `Py_DECREF` (release and `Py_REF_DEBUG` forms).
    #[inline(always)]
    pub unsafe fn decref(op: *mut PyObject) {
        // SAFETY: the caller passes a live object owning one reference and holds the GIL.
        unsafe {
            #[cfg(all(py_sys_config = "Py_REF_DEBUG", not(Py_LIMITED_API)))]
            if (*op).__bindgen_anon_1.ob_refcnt_full <= 0 || *field(op) > u32::MAX - (1 << 20) {
                ffi::_Py_NegativeRefcount(super::FILE, line!() as c_int, op);
            }
            if is_immortal(op) {
                return;
            }
            #[cfg(all(py_sys_config = "Py_REF_DEBUG", not(Py_LIMITED_API)))]
            ffi::_Py_DECREF_DecRefTotal();
            let count = (*field(op)).wrapping_sub(1);
            *field(op) = count;
            if count == 0 {
                ffi::_Py_Dealloc(op);
            }
        }
    }
}

/// Free-threaded builds (3.13+): `ob_tid`, `ob_ref_local` (owner thread), `ob_ref_shared`.
#[cfg(Py_GIL_DISABLED)]
mod rc {
    use super::*;
    use core::sync::atomic::{AtomicIsize, AtomicU32, AtomicUsize, Ordering::Relaxed};

    #[inline(always)]
    unsafe fn local<'a>(op: *mut PyObject) -> &'a AtomicU32 {
        // SAFETY: the caller passes a live object; the field is aligned and only ever accessed
        // atomically by the runtime.
        unsafe { AtomicU32::from_ptr(addr_of_mut!((*op).ob_ref_local)) }
    }

    #[inline(always)]
    unsafe fn shared<'a>(op: *mut PyObject) -> &'a AtomicIsize {
        // SAFETY: as in `local`.
        unsafe { AtomicIsize::from_ptr(addr_of_mut!((*op).ob_ref_shared)) }
    }

    /// `_Py_IsOwnedByCurrentThread` (Include/object.h 3.13, Include/cpython/object.h 3.15);
    /// `ob_tid` is read atomically, as the header's `_Py_THREAD_SANITIZER` form does.
    #[inline(always)]
    pub unsafe fn owned_by_current_thread(op: *mut PyObject) -> bool {
        // SAFETY: as in `local`.
        let tid = unsafe { AtomicUsize::from_ptr(addr_of_mut!((*op).ob_tid)) };
        tid.load(Relaxed) == super::_Py_ThreadId()
    }

    /// `Py_REFCNT` of free-threaded builds: `ob_ref_local + (ob_ref_shared >> 2)`, or
    /// `_Py_IMMORTAL_REFCNT` (3.13) / `_Py_IMMORTAL_INITIAL_REFCNT` (3.14+) when immortal.
    #[inline(always)]
    pub unsafe fn refcnt(op: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live object.
        let l = unsafe { local(op) }.load(Relaxed);
        if l == IMMORTAL_REFCNT_LOCAL {
            return if cfg!(Py_3_14) { 3 << 30 } else { u32::MAX as Py_ssize_t };
        }
        // SAFETY: as above.
        let s = unsafe { shared(op) }.load(Relaxed);
        l as Py_ssize_t + (s >> REF_SHARED_SHIFT)
    }

    /// `_Py_IsImmortal` of free-threaded builds: `ob_ref_local == _Py_IMMORTAL_REFCNT_LOCAL`.
    #[inline(always)]
    pub unsafe fn is_immortal(op: *mut PyObject) -> bool {
        // SAFETY: the caller passes a live object.
        unsafe { local(op) }.load(Relaxed) == IMMORTAL_REFCNT_LOCAL
    }

    /// Free-threaded `Py_INCREF`: the owner bumps `ob_ref_local`, other threads add
    /// `1 << _Py_REF_SHARED_SHIFT` to `ob_ref_shared` (`_Py_atomic_add_ssize`, sequentially
    /// consistent).
    #[inline(always)]
    pub unsafe fn incref(op: *mut PyObject) {
        // SAFETY: the caller passes a live object it holds a reference to.
        let l = unsafe { local(op) };
        let new = l.load(Relaxed).wrapping_add(1);
        if new == 0 {
            return; // immortal
        }
        // SAFETY: as above.
        if unsafe { owned_by_current_thread(op) } {
            l.store(new, Relaxed);
        } else {
            // SAFETY: as above.
            unsafe { shared(op) }
                .fetch_add(1 << REF_SHARED_SHIFT, core::sync::atomic::Ordering::SeqCst);
        }
        #[cfg(py_sys_config = "Py_REF_DEBUG")]
        // SAFETY: exported bookkeeping function of debug builds; 3.14+ skips immortal objects.
        unsafe {
            if !cfg!(Py_3_14) || !is_immortal(op) {
                ffi::_Py_INCREF_IncRefTotal();
            }
        }
    }

    /// Free-threaded `Py_DECREF`: the owner decrements `ob_ref_local` and calls
    /// `_Py_MergeZeroLocalRefcount` at zero; other threads call `_Py_DecRefShared` (or
    /// `_Py_DecRefSharedDebug` in `Py_REF_DEBUG` builds).
    #[inline(always)]
    pub unsafe fn decref(op: *mut PyObject) {
        // SAFETY: the caller passes a live object owning one reference.
        let l = unsafe { local(op) };
        let mut count = l.load(Relaxed);
        if count == IMMORTAL_REFCNT_LOCAL {
            return;
        }
        // SAFETY: exported functions of this build, called as the header does.
        unsafe {
            #[cfg(py_sys_config = "Py_REF_DEBUG")]
            ffi::_Py_DECREF_DecRefTotal();
            if owned_by_current_thread(op) {
                #[cfg(py_sys_config = "Py_REF_DEBUG")]
                if count == 0 {
                    ffi::_Py_NegativeRefcount(super::FILE, line!() as c_int, op);
                }
                count = count.wrapping_sub(1);
                l.store(count, Relaxed);
                if count == 0 {
                    ffi::_Py_MergeZeroLocalRefcount(op);
                }
            } else {
                #[cfg(py_sys_config = "Py_REF_DEBUG")]
                ffi::_Py_DecRefSharedDebug(op, super::FILE, line!() as c_int);
                #[cfg(not(py_sys_config = "Py_REF_DEBUG"))]
                ffi::_Py_DecRefShared(op);
            }
        }
    }
}

/// Reads the thread pointer with one instruction (`$insn`) into a `usize`.
#[cfg(Py_GIL_DISABLED)]
macro_rules! thread_pointer {
    ($insn:literal) => {{
        let tid: usize;
        // SAFETY: reads a thread-pointer register or the word the segment base points at, exactly
        // as the header's inline assembly does; nothing is written.
        unsafe { core::arch::asm!($insn, out(reg) tid, options(nostack, readonly, preserves_flags)) };
        tid
    }};
}

/// `_Py_ThreadId()` (Include/object.h 3.13–3.14, Include/cpython/object.h 3.15): the thread
/// pointer, which free-threaded builds store in `ob_tid` of the objects a thread owns.
#[cfg(Py_GIL_DISABLED)]
#[inline(always)]
pub fn _Py_ThreadId() -> usize {
    #[cfg(all(target_arch = "x86_64", windows))]
    return thread_pointer!("mov {}, qword ptr gs:[48]"); // __readgsqword(48)
    #[cfg(all(target_arch = "x86_64", target_vendor = "apple"))]
    return thread_pointer!("mov {}, qword ptr gs:[0]"); // movq %gs:0
    #[cfg(all(target_arch = "x86_64", not(windows), not(target_vendor = "apple")))]
    return thread_pointer!("mov {}, qword ptr fs:[0]"); // movq %fs:0
    #[cfg(all(target_arch = "aarch64", windows))]
    return thread_pointer!("mov {}, x18"); // __getReg(18)
    #[cfg(all(target_arch = "aarch64", target_vendor = "apple"))]
    return thread_pointer!("mrs {}, tpidrro_el0");
    #[cfg(all(target_arch = "aarch64", not(windows), not(target_vendor = "apple")))]
    return thread_pointer!("mrs {}, tpidr_el0");
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    // SAFETY: the header's portable fallback, an exported function without preconditions.
    return unsafe { ffi::_Py_GetThreadLocal_Addr() };
}

/// `_Py_IsOwnedByCurrentThread(ob)` of free-threaded builds (see [`_Py_ThreadId`]).
///
/// # Safety
/// `ob` must point to a live Python object.
#[cfg(Py_GIL_DISABLED)]
#[inline(always)]
pub unsafe fn _Py_IsOwnedByCurrentThread(ob: *mut PyObject) -> c_int {
    // SAFETY: the caller passes a live object.
    unsafe { rc::owned_by_current_thread(ob) as c_int }
}

/// `_Py_IsImmortal(op)`: Include/object.h 3.12–3.13, Include/refcount.h 3.14+.
///
/// # Safety
/// `op` must point to a live Python object.
#[cfg(any(Py_3_12, Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn _Py_IsImmortal(op: *mut PyObject) -> c_int {
    // SAFETY: the caller passes a live object.
    unsafe { rc::is_immortal(op) as c_int }
}

/// `Py_REFCNT(ob)`: Include/object.h (3.9–3.13), Include/refcount.h `_Py_REFCNT` (3.14+); the
/// exported `Py_REFCNT()` under limited API 3.14+.
///
/// # Safety
/// `ob` must point to a live Python object.
#[inline(always)]
pub unsafe fn Py_REFCNT(ob: *mut PyObject) -> Py_ssize_t {
    #[cfg(all(Py_LIMITED_API, Py_3_14))]
    // SAFETY: the caller passes a live object.
    return unsafe { ffi::Py_REFCNT(ob) };
    #[cfg(not(all(Py_LIMITED_API, Py_3_14)))]
    // SAFETY: the caller passes a live object.
    return unsafe { rc::refcnt(ob) };
}

/// `Py_INCREF(op)`: Include/object.h (3.9–3.13), Include/refcount.h (3.14+). Under the limited
/// API for 3.12+ (or in `Py_REF_DEBUG` builds) it calls `_Py_IncRef` (`Py_IncRef` when the
/// minimum is below 3.11, as `Py_LIMITED_API+0 >= 0x030a00A7` decides in the header).
///
/// # Safety
/// `op` must point to a live Python object and the caller must be attached to the interpreter
/// (hold the GIL, or an attached thread state on free-threaded builds).
#[inline(always)]
pub unsafe fn Py_INCREF(op: *mut PyObject) {
    #[cfg(all(Py_LIMITED_API, any(Py_3_12, py_sys_config = "Py_REF_DEBUG")))]
    // SAFETY: the caller's guarantees are those of the stable ABI function.
    unsafe {
        #[cfg(Py_3_11)]
        ffi::_Py_IncRef(op);
        #[cfg(not(Py_3_11))]
        ffi::Py_IncRef(op);
    }
    #[cfg(not(all(Py_LIMITED_API, any(Py_3_12, py_sys_config = "Py_REF_DEBUG"))))]
    // SAFETY: forwarded from the caller.
    unsafe {
        rc::incref(op)
    }
}

/// `Py_DECREF(op)`: Include/object.h (3.9–3.13), Include/refcount.h (3.14+); calls `_Py_Dealloc`
/// (or, free-threaded, `_Py_MergeZeroLocalRefcount`) when the count reaches zero. Limited API:
/// as [`Py_INCREF`] with `_Py_DecRef`/`Py_DecRef`.
///
/// # Safety
/// As [`Py_INCREF`]; in addition the caller must own the reference it releases, and the object
/// may be freed (running arbitrary code) before this returns.
#[inline(always)]
pub unsafe fn Py_DECREF(op: *mut PyObject) {
    #[cfg(all(Py_LIMITED_API, any(Py_3_12, py_sys_config = "Py_REF_DEBUG")))]
    // SAFETY: the caller's guarantees are those of the stable ABI function.
    unsafe {
        #[cfg(Py_3_11)]
        ffi::_Py_DecRef(op);
        #[cfg(not(Py_3_11))]
        ffi::Py_DecRef(op);
    }
    #[cfg(not(all(Py_LIMITED_API, any(Py_3_12, py_sys_config = "Py_REF_DEBUG"))))]
    // SAFETY: forwarded from the caller.
    unsafe {
        rc::decref(op)
    }
}

/// `Py_XINCREF(op)`: [`Py_INCREF`] unless `op` is NULL (Include/object.h, Include/refcount.h).
///
/// # Safety
/// As [`Py_INCREF`], except that `op` may be NULL.
#[inline(always)]
pub unsafe fn Py_XINCREF(op: *mut PyObject) {
    if !op.is_null() {
        // SAFETY: non-NULL, so the caller's guarantees are those of `Py_INCREF`.
        unsafe { Py_INCREF(op) }
    }
}

/// `Py_XDECREF(op)`: [`Py_DECREF`] unless `op` is NULL (Include/object.h, Include/refcount.h).
///
/// # Safety
/// As [`Py_DECREF`], except that `op` may be NULL.
#[inline(always)]
pub unsafe fn Py_XDECREF(op: *mut PyObject) {
    if !op.is_null() {
        // SAFETY: non-NULL, so the caller's guarantees are those of `Py_DECREF`.
        unsafe { Py_DECREF(op) }
    }
}

/// `Py_NewRef(obj)`: the static inline `_Py_NewRef` of Include/object.h (3.10–3.13) and
/// Include/refcount.h (3.14+), which the `Py_NewRef` macro selects; provided for 3.9 as well.
///
/// # Safety
/// As [`Py_INCREF`].
#[inline(always)]
pub unsafe fn Py_NewRef(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_INCREF(obj) };
    obj
}

/// `Py_XNewRef(obj)`: `_Py_XNewRef`, as [`Py_NewRef`] but NULL passes through.
///
/// # Safety
/// As [`Py_XINCREF`].
#[inline(always)]
pub unsafe fn Py_XNewRef(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_XINCREF(obj) };
    obj
}

// ---- Singletons ----

macro_rules! singletons {
    ($($name:ident, $static:ident, $constant:ident, $header:literal;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: `&", stringify!($static), "` (", $header,
            "), or `Py_GetConstantBorrowed(", stringify!($constant), ")` under limited API 3.13+.")]
        ///
        /// # Safety
        /// The interpreter must be initialized (the limited API form is a function call).
        #[inline(always)]
        pub unsafe fn $name() -> *mut PyObject {
            #[cfg(all(Py_LIMITED_API, Py_3_13))]
            // SAFETY: the interpreter is initialized; the constant id is valid.
            return unsafe { ffi::Py_GetConstantBorrowed(ffi::$constant as core::ffi::c_uint) };
            #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
            // SAFETY: only the address of the exported static is taken (safe since Rust 1.82).
            #[allow(unused_unsafe)]
            return unsafe { addr_of_mut!(ffi::$static).cast() };
        }
    )*};
}

singletons! {
    Py_None, _Py_NoneStruct, Py_CONSTANT_NONE, "Include/object.h";
    Py_True, _Py_TrueStruct, Py_CONSTANT_TRUE, "Include/boolobject.h";
    Py_False, _Py_FalseStruct, Py_CONSTANT_FALSE, "Include/boolobject.h";
}

// ---- Type checks ----

/// `PyType_HasFeature(type, feature)` (Include/object.h): `PyType_GetFlags(type)` under the
/// limited API (the type object is opaque), a relaxed atomic load of `tp_flags` on free-threaded
/// 3.13–3.14, `type->tp_flags` otherwise.
///
/// # Safety
/// `tp` must point to a live type object.
#[inline(always)]
pub unsafe fn PyType_HasFeature(tp: *mut PyTypeObject, feature: c_ulong) -> c_int {
    #[cfg(Py_LIMITED_API)]
    // SAFETY: the caller passes a live type object.
    let flags = unsafe { ffi::PyType_GetFlags(tp) };
    #[cfg(all(not(Py_LIMITED_API), Py_GIL_DISABLED, not(Py_3_15)))]
    // SAFETY: the caller passes a live type object; `c_ulong` is pointer-sized off Windows and
    // 32-bit on it, matching the atomic type chosen.
    let flags = unsafe {
        #[cfg(not(windows))]
        let atomic = core::sync::atomic::AtomicUsize::from_ptr(addr_of_mut!((*tp).tp_flags).cast());
        #[cfg(windows)]
        let atomic = core::sync::atomic::AtomicU32::from_ptr(addr_of_mut!((*tp).tp_flags).cast());
        atomic.load(core::sync::atomic::Ordering::Relaxed) as c_ulong
    };
    #[cfg(all(not(Py_LIMITED_API), not(all(Py_GIL_DISABLED, not(Py_3_15)))))]
    // SAFETY: the caller passes a live type object.
    let flags = unsafe { (*tp).tp_flags };
    (flags & feature != 0) as c_int
}

/// `PyType_FastSubclass(type, flag)`: `PyType_HasFeature` (Include/object.h).
///
/// # Safety
/// As [`PyType_HasFeature`].
#[inline(always)]
pub unsafe fn PyType_FastSubclass(tp: *mut PyTypeObject, flag: c_ulong) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_HasFeature(tp, flag) }
}

macro_rules! type_checks {
    ($($check:ident, $exact:ident, $flag:ident, $type:ident, $header:literal;)*) => {$(
        #[doc = concat!("`", stringify!($check), "(op)`: `PyType_FastSubclass(Py_TYPE(op), ",
            stringify!($flag), ")` (", $header, ").")]
        ///
        /// # Safety
        /// `op` must point to a live Python object.
        #[inline(always)]
        pub unsafe fn $check(op: *mut PyObject) -> c_int {
            // SAFETY: the caller passes a live object, whose type is live as well.
            unsafe { PyType_FastSubclass(Py_TYPE(op), ffi::$flag as c_ulong) }
        }

        #[doc = concat!("`", stringify!($exact), "(op)`: `Py_IS_TYPE(op, &", stringify!($type),
            ")` (", $header, ").")]
        ///
        /// # Safety
        /// `op` must point to a live Python object.
        #[inline(always)]
        pub unsafe fn $exact(op: *mut PyObject) -> c_int {
            // SAFETY: the caller passes a live object; only the static's address is taken.
            unsafe { Py_IS_TYPE(op, addr_of_mut!(ffi::$type)) }
        }
    )*};
}

type_checks! {
    PyLong_Check, PyLong_CheckExact, Py_TPFLAGS_LONG_SUBCLASS, PyLong_Type, "Include/longobject.h";
    PyUnicode_Check, PyUnicode_CheckExact, Py_TPFLAGS_UNICODE_SUBCLASS, PyUnicode_Type,
        "Include/unicodeobject.h";
    PyTuple_Check, PyTuple_CheckExact, Py_TPFLAGS_TUPLE_SUBCLASS, PyTuple_Type,
        "Include/tupleobject.h";
    PyList_Check, PyList_CheckExact, Py_TPFLAGS_LIST_SUBCLASS, PyList_Type, "Include/listobject.h";
    PyDict_Check, PyDict_CheckExact, Py_TPFLAGS_DICT_SUBCLASS, PyDict_Type, "Include/dictobject.h";
    PyBytes_Check, PyBytes_CheckExact, Py_TPFLAGS_BYTES_SUBCLASS, PyBytes_Type,
        "Include/bytesobject.h";
    PyType_Check, PyType_CheckExact, Py_TPFLAGS_TYPE_SUBCLASS, PyType_Type, "Include/object.h";
}

// ---- Tuples, lists, str (not part of the limited API) ----

/// `PyTuple_GET_SIZE(op)`: `Py_SIZE` of the tuple (Include/cpython/tupleobject.h).
///
/// # Safety
/// `op` must point to a live tuple.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: a tuple is a `PyVarObject`.
    unsafe { Py_SIZE(op) }
}

/// Address of `ob_item[i]` of a tuple, without creating a reference to the 1-element array.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
unsafe fn tuple_slot(op: *mut PyObject, i: Py_ssize_t) -> *mut *mut PyObject {
    // SAFETY: the caller passes a live tuple and an index inside its allocation.
    unsafe {
        addr_of_mut!((*op.cast::<ffi::PyTupleObject>()).ob_item).cast::<*mut PyObject>().offset(i)
    }
}

/// `PyTuple_GET_ITEM(op, i)`: `_PyTuple_CAST(op)->ob_item[i]` (Include/cpython/tupleobject.h);
/// returns a borrowed reference.
///
/// # Safety
/// `op` must point to a live tuple and `0 <= i < PyTuple_GET_SIZE(op)`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { *tuple_slot(op, i) }
}

/// `PyTuple_SET_ITEM(op, i, v)`: stores `v` in `ob_item[i]` without touching the previous item,
/// stealing the reference to `v` (Include/cpython/tupleobject.h).
///
/// # Safety
/// `op` must point to a live, brand-new tuple not yet shared, and `0 <= i < Py_SIZE(op)`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { *tuple_slot(op, i) = v }
}

/// `PyList_GET_SIZE(op)` (Include/cpython/listobject.h): `Py_SIZE`, or a relaxed atomic load of
/// `ob_size` on free-threaded builds.
///
/// # Safety
/// `op` must point to a live list.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: a list is a `PyVarObject`; the runtime updates `ob_size` atomically.
    return unsafe {
        let size = addr_of_mut!((*op.cast::<ffi::PyVarObject>()).ob_size);
        core::sync::atomic::AtomicIsize::from_ptr(size).load(core::sync::atomic::Ordering::Relaxed)
    };
    #[cfg(not(Py_GIL_DISABLED))]
    // SAFETY: a list is a `PyVarObject`.
    return unsafe { Py_SIZE(op) };
}

/// `PyList_GET_ITEM(op, i)`: `_PyList_CAST(op)->ob_item[i]` (Include/cpython/listobject.h);
/// returns a borrowed reference.
///
/// # Safety
/// `op` must point to a live list and `0 <= i < PyList_GET_SIZE(op)`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { *(*op.cast::<ffi::PyListObject>()).ob_item.offset(i) }
}

/// `PyList_SET_ITEM(op, i, v)`: stores `v` in `ob_item[i]`, stealing the reference and leaking
/// any previous item (Include/cpython/listobject.h).
///
/// # Safety
/// `op` must point to a live list and `0 <= i < allocated`.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { *(*op.cast::<ffi::PyListObject>()).ob_item.offset(i) = v }
}

/// `PyUnicode_GET_LENGTH(op)`: `((PyASCIIObject*)op)->length`, the length in code points
/// (Include/cpython/unicodeobject.h; a macro before 3.12, which also asserts readiness).
///
/// # Safety
/// `op` must point to a live, ready `str` object.
#[cfg(not(Py_LIMITED_API))]
#[inline(always)]
pub unsafe fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: every `str` starts with a `PyASCIIObject`.
    unsafe { (*op.cast::<ffi::PyASCIIObject>()).length }
}
