//! The singletons (`Py_None`, `Py_True`, `Py_False`) and the fast type checks via `tp_flags`.

#[allow(unused_imports)]
use super::*;
use crate::generated as ffi;
#[allow(unused_imports)]
use core::ffi::{c_int, c_ulong};
#[allow(unused_imports)]
use core::ptr::addr_of_mut;
#[allow(unused_imports)]
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

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
