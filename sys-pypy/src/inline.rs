//! Hand-written Rust for the PyPy (cpyext) `static inline` functions and function-like macros on
//! hot paths: reference counting, object header access, tuple item access, fast type checks.
//!
//! PyPy's `PyObject` is `{ob_refcnt, ob_pypy_link, ob_type}` with a plain `Py_ssize_t` count and
//! no immortal objects; its headers (pypy3.9/object.h and pypy3.11/object.h) count in place and
//! call `_Py_Dealloc` (exported as `_PyPy_Dealloc`) at zero, unless built with
//! `PYPY_DEBUG_REFCOUNT`, which no packaged PyPy is. Where PyPy's macros name an exported
//! function instead (`PyList_GET_ITEM`, `PyList_SET_ITEM`, `PyList_GET_SIZE` and, on 3.11,
//! `Py_Is`), the generated binding is that function and nothing is defined here.
//!
//! `Py_NewRef`/`Py_XNewRef` are static inline in PyPy's headers (libpypy exports no such
//! symbol, so the generator leaves their declarations out) and are defined here. `lib.rs`
//! re-exports those names, and `PyUnicode_Check`/`PyUnicode_CheckExact` (which the bindings take
//! from the exported `PyPyUnicode_Check*` while C code gets the macros of unicodeobject.h), from
//! here explicitly so that the inline forms win, as the C macros do.

use core::ffi::{c_int, c_ulong};
use core::ptr::addr_of_mut;

use crate::generated as ffi;
use ffi::{PyObject, PyTypeObject, Py_ssize_t};

/// `Py_TYPE(ob)`: `ob->ob_type` (pypy3.9/object.h macro, pypy3.11/object.h static inline).
///
/// # Safety
/// `ob` must point to a live Python object.
#[inline(always)]
pub unsafe fn Py_TYPE(ob: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: the caller passes a live object.
    unsafe { (*ob).ob_type }
}

/// `Py_SIZE(ob)`: `((PyVarObject*)ob)->ob_size` (pypy3.x/object.h).
///
/// # Safety
/// `ob` must point to a live variable-size object.
#[inline(always)]
pub unsafe fn Py_SIZE(ob: *mut PyObject) -> Py_ssize_t {
    // SAFETY: the caller passes a live `PyVarObject`.
    unsafe { (*ob.cast::<ffi::PyVarObject>()).ob_size }
}

/// `Py_IS_TYPE(ob, type)`: `Py_TYPE(ob) == type` (pypy3.x/object.h).
///
/// # Safety
/// `ob` must point to a live Python object.
#[inline(always)]
pub unsafe fn Py_IS_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    // SAFETY: the caller passes a live object.
    (unsafe { Py_TYPE(ob) } == tp) as c_int
}

/// `Py_REFCNT(ob)`: `ob->ob_refcnt` (pypy3.x/object.h).
///
/// # Safety
/// `ob` must point to a live Python object.
#[inline(always)]
pub unsafe fn Py_REFCNT(ob: *mut PyObject) -> Py_ssize_t {
    // SAFETY: the caller passes a live object.
    unsafe { (*ob).ob_refcnt }
}

/// `Py_INCREF(op)`: `op->ob_refcnt++` (pypy3.9/object.h `_Py_INCREF`, pypy3.11 `Py_INCREF`).
///
/// # Safety
/// `op` must point to a live Python object and the caller must hold the GIL.
#[inline(always)]
pub unsafe fn Py_INCREF(op: *mut PyObject) {
    // SAFETY: the caller passes a live object and holds the GIL.
    unsafe { (*op).ob_refcnt = (*op).ob_refcnt.wrapping_add(1) };
}

/// `Py_DECREF(op)`: `if (--op->ob_refcnt == 0) _Py_Dealloc(op)` (pypy3.x/object.h).
///
/// # Safety
/// As [`Py_INCREF`]; the caller must own the reference it releases, and the object may be
/// freed (running arbitrary code) before this returns.
#[inline(always)]
pub unsafe fn Py_DECREF(op: *mut PyObject) {
    // SAFETY: the caller passes a live object owning one reference and holds the GIL.
    unsafe {
        let count = (*op).ob_refcnt.wrapping_sub(1);
        (*op).ob_refcnt = count;
        if count == 0 {
            ffi::_Py_Dealloc(op);
        }
    }
}

/// `Py_XINCREF(op)`: [`Py_INCREF`] unless `op` is NULL (pypy3.x/object.h).
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

/// `Py_XDECREF(op)`: [`Py_DECREF`] unless `op` is NULL (pypy3.x/object.h).
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

/// `Py_NewRef(obj)`: the static inline `_Py_NewRef` of pypy3.11/object.h (also provided for 3.9).
///
/// # Safety
/// As [`Py_INCREF`].
#[inline(always)]
pub unsafe fn Py_NewRef(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_INCREF(obj) };
    obj
}

/// `Py_XNewRef(obj)`: `_Py_XNewRef` of pypy3.11/object.h, NULL passing through.
///
/// # Safety
/// As [`Py_XINCREF`].
#[inline(always)]
pub unsafe fn Py_XNewRef(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_XINCREF(obj) };
    obj
}

/// `Py_None`: `&_Py_NoneStruct`, i.e. `&_PyPy_NoneStruct` (pypy3.x/object.h, pypy_decl.h).
///
/// # Safety
/// The interpreter must be initialized.
#[inline(always)]
pub unsafe fn Py_None() -> *mut PyObject {
    // SAFETY: only the address of the exported static is taken (safe since Rust 1.82).
    #[allow(unused_unsafe)]
    unsafe {
        addr_of_mut!(ffi::_Py_NoneStruct)
    }
}

/// `Py_True`: `&_Py_TrueStruct` (pypy3.x/boolobject.h).
///
/// # Safety
/// The interpreter must be initialized.
#[inline(always)]
pub unsafe fn Py_True() -> *mut PyObject {
    // SAFETY: only the address of the exported static is taken (safe since Rust 1.82).
    #[allow(unused_unsafe)]
    unsafe {
        addr_of_mut!(ffi::_Py_TrueStruct).cast()
    }
}

/// `Py_False`: `&_Py_FalseStruct` (pypy3.x/boolobject.h).
///
/// # Safety
/// The interpreter must be initialized.
#[inline(always)]
pub unsafe fn Py_False() -> *mut PyObject {
    // SAFETY: only the address of the exported static is taken (safe since Rust 1.82).
    #[allow(unused_unsafe)]
    unsafe {
        addr_of_mut!(ffi::_Py_FalseStruct).cast()
    }
}

/// `PyType_HasFeature(t, f)`: `(t->tp_flags & f) != 0` (pypy3.x/object.h, non-limited form).
///
/// # Safety
/// `tp` must point to a live type object.
#[inline(always)]
pub unsafe fn PyType_HasFeature(tp: *mut PyTypeObject, feature: c_ulong) -> c_int {
    // SAFETY: the caller passes a live type object.
    (unsafe { (*tp).tp_flags } & feature != 0) as c_int
}

/// `PyType_FastSubclass(t, f)`: `PyType_HasFeature(t, f)` (pypy3.x/object.h).
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

        #[doc = concat!("`", stringify!($exact), "(op)`: `Py_TYPE(op) == &", stringify!($type),
            "` (", $header, ").")]
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
    PyLong_Check, PyLong_CheckExact, Py_TPFLAGS_LONG_SUBCLASS, PyLong_Type, "longobject.h";
    PyUnicode_Check, PyUnicode_CheckExact, Py_TPFLAGS_UNICODE_SUBCLASS, PyUnicode_Type,
        "unicodeobject.h";
    PyTuple_Check, PyTuple_CheckExact, Py_TPFLAGS_TUPLE_SUBCLASS, PyTuple_Type, "tupleobject.h";
    PyList_Check, PyList_CheckExact, Py_TPFLAGS_LIST_SUBCLASS, PyList_Type, "listobject.h";
    PyDict_Check, PyDict_CheckExact, Py_TPFLAGS_DICT_SUBCLASS, PyDict_Type, "dictobject.h";
    PyBytes_Check, PyBytes_CheckExact, Py_TPFLAGS_BYTES_SUBCLASS, PyBytes_Type, "bytesobject.h";
    PyType_Check, PyType_CheckExact, Py_TPFLAGS_TYPE_SUBCLASS, PyType_Type, "object.h";
}

/// `PyTuple_GET_SIZE(op)`: `Py_SIZE(op)` (pypy3.x/tupleobject.h).
///
/// # Safety
/// `op` must point to a live tuple.
#[inline(always)]
pub unsafe fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: a tuple is a `PyVarObject`.
    unsafe { Py_SIZE(op) }
}

/// Address of `ob_item[i]` of a tuple, without creating a reference to the 1-element array.
#[inline(always)]
unsafe fn tuple_slot(op: *mut PyObject, i: Py_ssize_t) -> *mut *mut PyObject {
    // SAFETY: the caller passes a live tuple and an index inside its allocation.
    unsafe {
        addr_of_mut!((*op.cast::<ffi::PyTupleObject>()).ob_item).cast::<*mut PyObject>().offset(i)
    }
}

/// `PyTuple_GET_ITEM(op, i)`: `((PyTupleObject *)(op))->ob_item[i]` (pypy3.x/tupleobject.h);
/// returns a borrowed reference.
///
/// # Safety
/// `op` must point to a live tuple and `0 <= i < PyTuple_GET_SIZE(op)`.
#[inline(always)]
pub unsafe fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { *tuple_slot(op, i) }
}

/// `PyTuple_SET_ITEM(op, i, v)`: `((PyTupleObject *)(op))->ob_item[i] = v`, stealing `v`
/// (pypy3.x/tupleobject.h).
///
/// # Safety
/// `op` must point to a live, brand-new tuple not yet shared, and `0 <= i < Py_SIZE(op)`.
#[inline(always)]
pub unsafe fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { *tuple_slot(op, i) = v }
}

/// `PyUnicode_GET_LENGTH(op)`: `((PyASCIIObject *)(op))->length` (pypy3.9/unicodeobject.h
/// macro, pypy3.11/unicodeobject.h static inline).
///
/// # Safety
/// `op` must point to a live, ready `str` object.
#[inline(always)]
pub unsafe fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: every `str` handed to C starts with a `PyASCIIObject`.
    unsafe { (*op.cast::<ffi::PyASCIIObject>()).length }
}

/// `Py_CompileString(str, filename, start)`: a macro over `Py_CompileStringFlags` in PyPy's
/// pythonrun.h.
///
/// # Safety
/// The thread must be attached; `str` and `filename` must be NUL-terminated strings.
#[inline]
pub unsafe fn Py_CompileString(
    str: *const core::ffi::c_char,
    filename: *const core::ffi::c_char,
    start: c_int,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; no compiler flags.
    unsafe { ffi::Py_CompileStringFlags(str, filename, start, core::ptr::null_mut()) }
}

/// The calling thread's thread state while it is attached, else NULL (CPython 3.13's
/// `PyThreadState_GetUnchecked`, which PyPy lacks; PyPy has one interpreter, so its
/// `PyGILState_Check` is exact).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn PyThreadState_GetUnchecked() -> *mut ffi::PyThreadState {
    // SAFETY: both functions may be called from any thread once the interpreter is
    // initialized (the caller's contract).
    unsafe {
        if ffi::PyGILState_Check() != 0 {
            ffi::_PyThreadState_UncheckedGet()
        } else {
            core::ptr::null_mut()
        }
    }
}

/// Whether the interpreter is finalizing (CPython 3.13's `Py_IsFinalizing`; PyPy exports the
/// older `_Py_IsFinalizing`).
///
/// # Safety
/// Always safe to call; `unsafe` only for uniformity with the C API it mirrors.
#[inline]
pub unsafe fn Py_IsFinalizing() -> c_int {
    // SAFETY: `_Py_IsFinalizing` may be called from any thread at any time.
    unsafe { ffi::_Py_IsFinalizing() }
}
