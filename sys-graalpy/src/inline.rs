//! Hand-written Rust for the GraalPy forms of the hot `static inline` functions and macros
//! (reference counting, object header access, tuple/list items, fast type checks).
//!
//! UNVERIFIED until GraalPy headers and generated bindings exist: nothing here has been compiled
//! (this module is behind `cfg(pyroxide_active)`, which is never set for GraalPy yet) or checked
//! against GraalPy's headers. It is deliberately conservative: GraalPy's objects are not
//! guaranteed to have CPython's header layout in native memory, so nothing reads `PyObject`
//! fields; everything goes through exported functions (`Py_IncRef`, `Py_DecRef`, the getters
//! `_Py_TYPE`/`_Py_REFCNT`/`_Py_SIZE` that GraalPy is believed to export, the `*_GetItem`/
//! `*_SetItem` API), at the cost of a call per operation. Revisit against the real headers.

use core::ffi::{c_int, c_ulong};
use core::ptr::addr_of_mut;

use crate::generated as ffi;
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

extern "C" {
    /// Out-of-line `Py_TYPE` (name to be confirmed against GraalPy's object.h).
    #[link_name = "_Py_TYPE"]
    fn graalpy_type(ob: *mut PyObject) -> *mut PyTypeObject;
    /// Out-of-line `Py_REFCNT` (name to be confirmed).
    #[link_name = "_Py_REFCNT"]
    fn graalpy_refcnt(ob: *mut PyObject) -> Py_ssize_t;
    /// Out-of-line `Py_SIZE` (name to be confirmed).
    #[link_name = "_Py_SIZE"]
    fn graalpy_size(ob: *mut PyObject) -> Py_ssize_t;
}

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
            // SAFETY: forwarded from the caller to exported C API functions (a few bodies only take
            // a static's address, which needs no `unsafe` since Rust 1.82).
            #[allow(unused_unsafe)]
            unsafe { $body }
        }
    )*};
}

forward! {
    /// `Py_TYPE(ob)` through the exported getter.
    fn Py_TYPE(ob: *mut PyObject) -> *mut PyTypeObject = graalpy_type(ob);
    /// `Py_REFCNT(ob)` through the exported getter.
    fn Py_REFCNT(ob: *mut PyObject) -> Py_ssize_t = graalpy_refcnt(ob);
    /// `Py_SIZE(ob)` through the exported getter.
    fn Py_SIZE(ob: *mut PyObject) -> Py_ssize_t = graalpy_size(ob);
    /// `Py_IS_TYPE(ob, tp)`.
    fn Py_IS_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int = (Py_TYPE(ob) == tp) as c_int;
    /// `Py_INCREF(op)` as `Py_IncRef`.
    fn Py_INCREF(op: *mut PyObject) = ffi::Py_IncRef(op);
    /// `Py_DECREF(op)` as `Py_DecRef`.
    fn Py_DECREF(op: *mut PyObject) = ffi::Py_DecRef(op);
    /// `Py_XINCREF(op)`: `Py_IncRef` accepts NULL.
    fn Py_XINCREF(op: *mut PyObject) = ffi::Py_IncRef(op);
    /// `Py_XDECREF(op)`: `Py_DecRef` accepts NULL.
    fn Py_XDECREF(op: *mut PyObject) = ffi::Py_DecRef(op);
    /// `Py_NewRef(obj)`.
    fn Py_NewRef(obj: *mut PyObject) -> *mut PyObject = { ffi::Py_IncRef(obj); obj };
    /// `Py_XNewRef(obj)`.
    fn Py_XNewRef(obj: *mut PyObject) -> *mut PyObject = { ffi::Py_IncRef(obj); obj };
    /// `Py_None`.
    fn Py_None() -> *mut PyObject = addr_of_mut!(ffi::_Py_NoneStruct);
    /// `Py_True`.
    fn Py_True() -> *mut PyObject = addr_of_mut!(ffi::_Py_TrueStruct).cast();
    /// `Py_False`.
    fn Py_False() -> *mut PyObject = addr_of_mut!(ffi::_Py_FalseStruct).cast();
    /// `PyType_HasFeature(tp, f)` through `PyType_GetFlags`, as the limited API does.
    fn PyType_HasFeature(tp: *mut PyTypeObject, f: c_ulong) -> c_int =
        (ffi::PyType_GetFlags(tp) as c_ulong & f != 0) as c_int;
    /// `PyTuple_GET_SIZE(op)` as `PyTuple_Size`.
    fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t = ffi::PyTuple_Size(op);
    /// `PyTuple_GET_ITEM(op, i)` as `PyTuple_GetItem` (borrowed, bounds-checked).
    fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject =
        ffi::PyTuple_GetItem(op, i);
    /// `PyTuple_SET_ITEM(op, i, v)` as `PyTuple_SetItem`: steals `v`; only for new tuples,
    /// whose previous item is NULL.
    fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) = {
        ffi::PyTuple_SetItem(op, i, v);
    };
    /// `PyList_GET_SIZE(op)` as `PyList_Size`.
    fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t = ffi::PyList_Size(op);
    /// `PyList_GET_ITEM(op, i)` as `PyList_GetItem` (borrowed, bounds-checked).
    fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject =
        ffi::PyList_GetItem(op, i);
    /// `PyList_SET_ITEM(op, i, v)` as `PyList_SetItem`: steals `v`; unlike the macro it releases
    /// a previous item, so use it only on slots that are NULL (fresh lists).
    fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) = {
        ffi::PyList_SetItem(op, i, v);
    };
    /// `PyUnicode_GET_LENGTH(op)` as `PyUnicode_GetLength`.
    fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t = ffi::PyUnicode_GetLength(op);
}

macro_rules! type_checks {
    ($($check:ident, $exact:ident, $flag:ident, $type:ident;)*) => {
        forward! {$(
            #[doc = concat!("`", stringify!($check), "(op)`.")]
            fn $check(op: *mut PyObject) -> c_int =
                PyType_HasFeature(Py_TYPE(op), ffi::$flag as c_ulong);
            #[doc = concat!("`", stringify!($exact), "(op)`.")]
            fn $exact(op: *mut PyObject) -> c_int = Py_IS_TYPE(op, addr_of_mut!(ffi::$type));
        )*}
    };
}

type_checks! {
    PyLong_Check, PyLong_CheckExact, Py_TPFLAGS_LONG_SUBCLASS, PyLong_Type;
    PyUnicode_Check, PyUnicode_CheckExact, Py_TPFLAGS_UNICODE_SUBCLASS, PyUnicode_Type;
    PyTuple_Check, PyTuple_CheckExact, Py_TPFLAGS_TUPLE_SUBCLASS, PyTuple_Type;
    PyList_Check, PyList_CheckExact, Py_TPFLAGS_LIST_SUBCLASS, PyList_Type;
    PyDict_Check, PyDict_CheckExact, Py_TPFLAGS_DICT_SUBCLASS, PyDict_Type;
    PyBytes_Check, PyBytes_CheckExact, Py_TPFLAGS_BYTES_SUBCLASS, PyBytes_Type;
    PyType_Check, PyType_CheckExact, Py_TPFLAGS_TYPE_SUBCLASS, PyType_Type;
}
