//! Reference counting: `Py_INCREF`/`Py_DECREF` and friends, per version and build variant.

#[allow(unused_imports)]
use super::*;
use crate::generated as ffi;
#[allow(unused_imports)]
use core::ffi::{c_int, c_ulong};
#[allow(unused_imports)]
use core::ptr::addr_of_mut;
#[allow(unused_imports)]
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

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
