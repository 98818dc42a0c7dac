//! Hand-written Rust for the GraalPy `static inline` functions and function-like macros on hot
//! paths (reference counting, object header access, tuple/list items, fast type checks), as
//! GraalPy 25.2's headers (python-resources, `include/`) define them.
//!
//! GraalPy's objects do not all live in native memory: a `PyObject *` may be a tagged handle
//! (bit 63; `graalpy/handles.h`), even an unboxed `int` or `float` with no memory behind it at
//! all. Its headers therefore never read `ob_refcnt`/`ob_type`/`ob_size` themselves but call
//! exported functions (`GraalPy_TYPE`, `GraalPy_SIZE`, `Py_REFCNT`, `_Py_IncRef`,
//! `GraalPyTuple_GET_ITEM`, …), and so does everything here. The one field read directly is
//! `tp_flags` of a type object, as `PyType_HasFeature` in `object.h` does (type objects are
//! always native). `Py_REFCNT`, `Py_NewRef`, `Py_XNewRef`, `Py_Is` and `Py_CompileString` are
//! exported functions in GraalPy and come from the generated bindings.

use core::ffi::{c_int, c_ulong};
use core::ptr::addr_of_mut;

use crate::generated as ffi;
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

/// Generates `unsafe fn`s whose body is one expression over exported C API functions.
macro_rules! forward {
    ($($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)? = $body:expr;)*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// Pointer arguments must point to live objects of the kind the C API expects, and the
        /// caller must hold the GIL.
        #[inline(always)]
        pub unsafe fn $name($($arg: $ty),*) $(-> $ret)? {
            // SAFETY: forwarded from the caller to exported C API functions (a few bodies only
            // take a static's address, which needs no `unsafe` since Rust 1.82).
            #[allow(unused_unsafe)]
            unsafe { $body }
        }
    )*};
}

forward! {
    /// `Py_TYPE(ob)`: `GraalPy_TYPE(ob)` (object.h).
    fn Py_TYPE(ob: *mut PyObject) -> *mut PyTypeObject = ffi::GraalPy_TYPE(ob);
    /// `Py_SIZE(ob)`: `GraalPy_SIZE(ob)` (object.h).
    fn Py_SIZE(ob: *mut PyObject) -> Py_ssize_t = ffi::GraalPy_SIZE(ob);
    /// `Py_IS_TYPE(ob, tp)`: `Py_TYPE(ob) == tp` (object.h).
    fn Py_IS_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int =
        (Py_TYPE(ob) == tp) as c_int;
    /// `_Py_IsImmortal(op)`: `Py_REFCNT(op) == _Py_IMMORTAL_REFCNT` (object.h, GraalPy change).
    fn _Py_IsImmortal(op: *mut PyObject) -> c_int =
        (ffi::Py_REFCNT(op) == ffi::_Py_IMMORTAL_REFCNT as Py_ssize_t) as c_int;
    /// `Py_INCREF(op)`: `_Py_IncRef(op)` unless `op` is immortal (object.h, GraalPy change).
    fn Py_INCREF(op: *mut PyObject) = if _Py_IsImmortal(op) == 0 { ffi::_Py_IncRef(op) };
    /// `Py_DECREF(op)`: `_Py_DecRef(op)` unless `op` is immortal (object.h, GraalPy change); the
    /// object may be freed, running arbitrary code, before this returns.
    fn Py_DECREF(op: *mut PyObject) = if _Py_IsImmortal(op) == 0 { ffi::_Py_DecRef(op) };
    /// `Py_XINCREF(op)`: [`Py_INCREF`] unless `op` is NULL (object.h).
    fn Py_XINCREF(op: *mut PyObject) = if !op.is_null() { Py_INCREF(op) };
    /// `Py_XDECREF(op)`: [`Py_DECREF`] unless `op` is NULL (object.h).
    fn Py_XDECREF(op: *mut PyObject) = if !op.is_null() { Py_DECREF(op) };
    /// `Py_None`: `_Py_NoneStructReference` (object.h); the interpreter must be initialized.
    fn Py_None() -> *mut PyObject = ffi::_Py_NoneStructReference;
    /// `Py_True`: `_Py_TrueStructReference` (boolobject.h); the interpreter must be initialized.
    fn Py_True() -> *mut PyObject = ffi::_Py_TrueStructReference.cast();
    /// `Py_False`: `_Py_FalseStructReference` (boolobject.h); the interpreter must be
    /// initialized.
    fn Py_False() -> *mut PyObject = ffi::_Py_FalseStructReference.cast();
    /// `Py_Ellipsis`: `_Py_EllipsisObjectReference` (sliceobject.h); the interpreter must be
    /// initialized.
    fn Py_Ellipsis() -> *mut PyObject = ffi::_Py_EllipsisObjectReference;
    /// `Py_NotImplemented`: `_Py_NotImplementedStructReference` (object.h); the interpreter must
    /// be initialized.
    fn Py_NotImplemented() -> *mut PyObject = ffi::_Py_NotImplementedStructReference;
    /// `PyType_HasFeature(tp, f)`: `(tp->tp_flags & f) != 0` (object.h, non-limited form).
    fn PyType_HasFeature(tp: *mut PyTypeObject, f: c_ulong) -> c_int =
        ((*tp).tp_flags & f != 0) as c_int;
    /// `PyType_FastSubclass(tp, f)`: `PyType_HasFeature(tp, f)` (object.h).
    fn PyType_FastSubclass(tp: *mut PyTypeObject, f: c_ulong) -> c_int = PyType_HasFeature(tp, f);
    /// `PyTuple_GET_SIZE(op)`: `Py_SIZE(op)` (cpython/tupleobject.h).
    fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t = Py_SIZE(op);
    /// `PyTuple_GET_ITEM(op, i)`: `GraalPyTuple_GET_ITEM(op, i)`, borrowed
    /// (cpython/tupleobject.h).
    fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject =
        ffi::GraalPyTuple_GET_ITEM(op, i);
    /// `PyTuple_SET_ITEM(op, i, v)`: `GraalPyTuple_SET_ITEM(op, i, v)`, stealing `v`; only for
    /// brand-new tuples (cpython/tupleobject.h).
    fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) =
        ffi::GraalPyTuple_SET_ITEM(op, i, v);
    /// `PyList_GET_SIZE(op)`: `Py_SIZE(op)` (cpython/listobject.h).
    fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t = Py_SIZE(op);
    /// `PyList_GET_ITEM(op, i)`: `PyList_GetItem(op, i)`, borrowed (cpython/listobject.h).
    fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject =
        ffi::PyList_GetItem(op, i);
    /// `PyList_SET_ITEM(op, i, v)`: `GraalPyList_SET_ITEM(op, i, v)`, stealing `v` without
    /// releasing the previous item (cpython/listobject.h).
    fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) =
        ffi::GraalPyList_SET_ITEM(op, i, v);
    /// `PyUnicode_GET_LENGTH(op)`: `GraalPyUnicode_GET_LENGTH(op)` (cpython/unicodeobject.h).
    fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t =
        ffi::GraalPyUnicode_GET_LENGTH(op);
    /// The calling thread's thread state while it is attached, else NULL (CPython 3.13's
    /// `PyThreadState_GetUnchecked`, which GraalPy 25.2 does not export); GraalPy has one
    /// interpreter, so `PyGILState_Check` is exact. The interpreter must be initialized.
    fn PyThreadState_GetUnchecked() -> *mut ffi::PyThreadState =
        if ffi::PyGILState_Check() != 0 {
            ffi::_PyThreadState_UncheckedGet()
        } else {
            core::ptr::null_mut()
        };
}

macro_rules! type_checks {
    ($($check:ident, $exact:ident, $flag:ident, $type:ident, $header:literal;)*) => {
        forward! {$(
            #[doc = concat!("`", stringify!($check), "(op)`: `PyType_FastSubclass(Py_TYPE(op), ",
                stringify!($flag), ")` (", $header, ").")]
            fn $check(op: *mut PyObject) -> c_int =
                PyType_FastSubclass(Py_TYPE(op), ffi::$flag as c_ulong);
            #[doc = concat!("`", stringify!($exact), "(op)`: `Py_IS_TYPE(op, &",
                stringify!($type), ")` (", $header, ").")]
            fn $exact(op: *mut PyObject) -> c_int = Py_IS_TYPE(op, addr_of_mut!(ffi::$type));
        )*}
    };
}

type_checks! {
    PyLong_Check, PyLong_CheckExact, Py_TPFLAGS_LONG_SUBCLASS, PyLong_Type, "longobject.h";
    PyUnicode_Check, PyUnicode_CheckExact, Py_TPFLAGS_UNICODE_SUBCLASS, PyUnicode_Type,
        "unicodeobject.h";
    PyTuple_Check, PyTuple_CheckExact, Py_TPFLAGS_TUPLE_SUBCLASS, PyTuple_Type, "tupleobject.h";
    PyList_Check, PyList_CheckExact, Py_TPFLAGS_LIST_SUBCLASS, PyList_Type, "listobject.h";
    PyDict_Check, PyDict_CheckExact, Py_TPFLAGS_DICT_SUBCLASS, PyDict_Type, "dictobject.h";
    PyBytes_Check, PyBytes_CheckExact, Py_TPFLAGS_BYTES_SUBCLASS, PyBytes_Type, "bytesobject.h";
    PyType_Check, PyType_CheckExact, Py_TPFLAGS_TYPE_SUBCLASS, PyType_Type, "object.h";
}

/// Whether the interpreter is finalizing (CPython 3.13's `Py_IsFinalizing`; GraalPy 3.12
/// exports the older `_Py_IsFinalizing`).
///
/// # Safety
/// Always safe to call; `unsafe` only for uniformity with the C API it mirrors.
#[inline]
pub unsafe fn Py_IsFinalizing() -> c_int {
    // SAFETY: `_Py_IsFinalizing` may be called from any thread at any time.
    unsafe { ffi::_Py_IsFinalizing() }
}
