//! A minimal extension module written against the sys crates alone: a static `PyModuleDef` with
//! multi-phase initialisation (PEP 489), one `METH_FASTCALL` function (`add`), one `METH_O`
//! function (`type_name`) and constants that record which interpreter the cfgs selected.
//!
//! Only exported C-API functions are used (no `Py_INCREF`/`Py_TYPE` macros), so the module
//! works with the bindings alone on CPython 3.9–3.13, PyPy 3.9 and GraalPy.

use core::cell::UnsafeCell;
use core::ffi::{c_int, c_void, CStr};
use core::ptr;

#[cfg(not(any(PyPy, GraalPy)))]
use pyroxide_sys_cpython as ffi;
#[cfg(GraalPy)]
use pyroxide_sys_graalpy as ffi;
#[cfg(PyPy)]
use pyroxide_sys_pypy as ffi;

use ffi::{PyMethodDef, PyModuleDef, PyModuleDef_Slot, PyObject, Py_ssize_t};

/// The integer type of `PyLong_AsLong`/`PyLong_FromLong` in the active bindings (PyPy's
/// generated declarations say `Py_ssize_t`, CPython's `long`; both are 64-bit here).
#[cfg(PyPy)]
type Long = Py_ssize_t;
#[cfg(not(PyPy))]
type Long = core::ffi::c_long;

/// A static the interpreter writes through: `PyModuleDef_Init` fills in `m_base` of the module
/// definition; the method table and slots are only read, but the C API takes `*mut` pointers.
#[repr(transparent)]
struct Static<T>(UnsafeCell<T>);

// SAFETY: Rust code never forms a reference to the contents; they are only reached through the
// raw pointers handed to the interpreter, which accesses them while holding the GIL (the module
// declares no per-interpreter GIL support, and `Py_MOD_GIL_NOT_USED` only concerns the
// functions, which keep no state).
unsafe impl<T> Sync for Static<T> {}

impl<T> Static<T> {
    const fn new(value: T) -> Self {
        Self(UnsafeCell::new(value))
    }

    const fn get(&self) -> *mut T {
        self.0.get()
    }
}

/// The version of this crate, as the module's `__version__`.
const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(s) => s,
        Err(_) => panic!("the package version contains a NUL byte"),
    };

/// The implementation the sys crate was built for (`IMPLEMENTATION` in the module).
/// GraalPy reports itself as `GraalVM` (`platform.python_implementation()`).
const IMPLEMENTATION: &CStr = if cfg!(PyPy) {
    c"PyPy"
} else if cfg!(GraalPy) {
    c"GraalVM"
} else {
    c"CPython"
};

/// The highest `Py_3_X` cfg the build script emitted (`PY_MINOR` in the module).
const PY_MINOR: Long = if cfg!(Py_3_15) {
    15
} else if cfg!(Py_3_14) {
    14
} else if cfg!(Py_3_13) {
    13
} else if cfg!(Py_3_12) {
    12
} else if cfg!(Py_3_11) {
    11
} else if cfg!(Py_3_10) {
    10
} else {
    9
};

/// Whether the module was built against the limited API (`LIMITED_API` in the module).
const LIMITED_API: Long = if cfg!(Py_LIMITED_API) { 1 } else { 0 };

/// Whether the bindings are those of a debug build (`DEBUG_BUILD` in the module).
const DEBUG_BUILD: Long = if cfg!(py_sys_config = "Py_DEBUG") { 1 } else { 0 };

/// `Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED`: importable in subinterpreters sharing the GIL.
#[cfg(Py_3_12)]
const MULTIPLE_INTERPRETERS_SUPPORTED: *mut c_void = 1 as *mut c_void;
/// `Py_MOD_GIL_NOT_USED`: the functions are safe to run without the GIL (they keep no state).
#[cfg(Py_3_13)]
const GIL_NOT_USED: *mut c_void = 1 as *mut c_void;

/// The signature of a `METH_FASTCALL` function.
type FastFn =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject;
/// The signature `PyMethodDef::ml_meth` is declared with (`PyCFunction`).
type CFn = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

static METHODS: Static<[PyMethodDef; 3]> = Static::new([
    PyMethodDef {
        ml_name: c"add".as_ptr(),
        // SAFETY: the interpreter calls `ml_meth` with the signature `ml_flags` selects;
        // METH_FASTCALL is `(module, args, nargs)`, which `add` has. Only the pointer's type
        // changes, as the `(PyCFunction)` cast does in C.
        ml_meth: Some(unsafe { core::mem::transmute::<FastFn, CFn>(add) }),
        ml_flags: ffi::METH_FASTCALL as c_int,
        ml_doc: c"add(a, b, /)\n--\n\nThe sum of two ints that fit in a C long.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"type_name".as_ptr(),
        ml_meth: Some(type_name),
        ml_flags: ffi::METH_O as c_int,
        ml_doc: c"type_name(obj, /)\n--\n\nThe `tp_name` of the type of `obj`.".as_ptr(),
    },
    PyMethodDef { ml_name: ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: ptr::null() },
]);

/// The `Py_mod_*` slots; the entries after the last declared one stay `{0, NULL}`, which ends
/// the table.
static SLOTS: Static<[PyModuleDef_Slot; 4]> = Static::new(slots());

const fn slots() -> [PyModuleDef_Slot; 4] {
    let end = PyModuleDef_Slot { slot: 0, value: ptr::null_mut() };
    let mut slots = [end; 4];
    let exec_fn: unsafe extern "C" fn(*mut PyObject) -> c_int = exec;
    slots[0] = PyModuleDef_Slot { slot: ffi::Py_mod_exec as c_int, value: exec_fn as *mut c_void };
    #[cfg(Py_3_12)]
    {
        slots[1] = PyModuleDef_Slot {
            slot: ffi::Py_mod_multiple_interpreters as c_int,
            value: MULTIPLE_INTERPRETERS_SUPPORTED,
        };
    }
    #[cfg(Py_3_13)]
    {
        slots[2] = PyModuleDef_Slot { slot: ffi::Py_mod_gil as c_int, value: GIL_NOT_USED };
    }
    slots
}

static DEF: Static<PyModuleDef> = Static::new(PyModuleDef {
    // `PyModuleDef_HEAD_INIT`: `PyModuleDef_Init` sets the reference count, the type and the
    // index on first use (CPython 3.9+ and PyPy's C copy of it), so all zero is what it expects.
    // SAFETY: every field of `PyModuleDef_Base` (integers, raw pointers, `Option<fn>`) is valid
    // when all-zero.
    m_base: unsafe { core::mem::zeroed() },
    m_name: c"sys_minimal".as_ptr(),
    m_doc: c"A minimal extension module written against Pyroxide's sys crates alone.".as_ptr(),
    m_size: 0,
    m_methods: METHODS.get().cast(),
    m_slots: SLOTS.get().cast(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
});

/// The module's entry point: returns the definition for multi-phase initialisation.
///
/// # Safety
///
/// Only the interpreter may call this, with the GIL held, while importing `sys_minimal`.
#[no_mangle]
pub unsafe extern "C" fn PyInit_sys_minimal() -> *mut PyObject {
    // SAFETY: the caller (the import machinery) holds the GIL; `DEF` is a static definition
    // that lives as long as the module and is only accessed through this pointer.
    unsafe { ffi::PyModuleDef_Init(DEF.get()) }
}

/// `Py_mod_exec`: adds the constants to the freshly created module.
unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    let strings = [(c"__version__", VERSION), (c"IMPLEMENTATION", IMPLEMENTATION)];
    for (name, value) in strings {
        // SAFETY: called by the interpreter with the GIL held and a valid module; both strings
        // are NUL-terminated and outlive the call (the value is copied into a `str`).
        if unsafe { ffi::PyModule_AddStringConstant(module, name.as_ptr(), value.as_ptr()) } < 0 {
            return -1;
        }
    }
    let ints = [
        (c"PY_MINOR", PY_MINOR),
        (c"DEBUG_BUILD", DEBUG_BUILD),
        (c"LONG_MAX", Long::MAX),
        (c"LIMITED_API", LIMITED_API),
    ];
    for (name, value) in ints {
        // SAFETY: as above; the value is passed by value.
        if unsafe { ffi::PyModule_AddIntConstant(module, name.as_ptr(), value as _) } < 0 {
            return -1;
        }
    }
    0
}

/// `add(a, b)`: the sum of two ints, or `TypeError`/`OverflowError`.
unsafe extern "C" fn add(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs != 2 {
        // SAFETY: called by the interpreter with the GIL held; `%zd` matches a `Py_ssize_t`.
        unsafe {
            ffi::PyErr_Format(
                ffi::PyExc_TypeError,
                c"add() takes exactly 2 arguments (%zd given)".as_ptr(),
                nargs,
            )
        };
        return ptr::null_mut();
    }
    // SAFETY: METH_FASTCALL passes `nargs` (checked to be 2) valid borrowed references.
    let (a, b) = unsafe { (*args, *args.add(1)) };
    // SAFETY: GIL held; `a` and `b` are valid objects.
    let Some(a) = (unsafe { long_arg(c"add", c"a", a) }) else { return ptr::null_mut() };
    // SAFETY: as above.
    let Some(b) = (unsafe { long_arg(c"add", c"b", b) }) else { return ptr::null_mut() };
    match a.checked_add(b) {
        // SAFETY: GIL held.
        Some(sum) => unsafe { ffi::PyLong_FromLong(sum) },
        None => {
            // SAFETY: GIL held; the message is a NUL-terminated string.
            unsafe {
                ffi::PyErr_SetString(
                    ffi::PyExc_OverflowError,
                    c"add() result does not fit in a C long".as_ptr(),
                )
            };
            ptr::null_mut()
        }
    }
}

/// The value of argument `arg` of `func`, or `None` with `TypeError` set if it is not an `int`
/// (`PyLong_AsLong` alone would accept anything with `__index__`), or with `OverflowError` set
/// if it does not fit in a C long.
///
/// # Safety
///
/// The GIL must be held and `obj` must be a valid object.
unsafe fn long_arg(func: &CStr, arg: &CStr, obj: *mut PyObject) -> Option<Long> {
    // SAFETY: the caller holds the GIL and `obj` is valid; `PyObject_Type` returns a new
    // reference to a type object, released below.
    let ty = unsafe { ffi::PyObject_Type(obj) }.cast::<ffi::PyTypeObject>();
    // SAFETY: `ty` is a valid type object and `PyLong_Type` a static one (only its address is
    // taken).
    let is_int = unsafe { ffi::PyType_IsSubtype(ty, ptr::addr_of_mut!(ffi::PyLong_Type)) } != 0;
    if !is_int {
        // SAFETY: GIL held; `ty` is a live type, released after its name has been taken.
        let name = unsafe {
            let name = name_of(ty);
            ffi::Py_DecRef(ty.cast());
            name
        };
        if name.is_null() {
            return None;
        }
        // SAFETY: GIL held; the two `%s` match NUL-terminated strings and `%U` a `str`, which is
        // released after the message has been formatted.
        unsafe {
            ffi::PyErr_Format(
                ffi::PyExc_TypeError,
                c"%s() argument '%s' must be int, not %U".as_ptr(),
                func.as_ptr(),
                arg.as_ptr(),
                name,
            );
            ffi::Py_DecRef(name);
        }
        return None;
    }
    // SAFETY: GIL held; `ty` is our reference from `PyObject_Type`; `obj` is an int.
    let value = unsafe {
        ffi::Py_DecRef(ty.cast());
        ffi::PyLong_AsLong(obj)
    };
    // SAFETY: GIL held.
    if value == -1 && !unsafe { ffi::PyErr_Occurred() }.is_null() {
        return None;
    }
    Some(value)
}

/// `type_name(obj)`: the name of `type(obj)`, as a `str`.
unsafe extern "C" fn type_name(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by the interpreter with the GIL held and a valid `obj`; `PyObject_Type`
    // returns a new reference to its type, released after its name has been taken.
    unsafe {
        let ty = ffi::PyObject_Type(obj).cast::<ffi::PyTypeObject>();
        let name = name_of(ty);
        ffi::Py_DecRef(ty.cast());
        name
    }
}

/// The name of the type `ty` as a new `str` reference (NULL with an exception set on failure):
/// its C-level `tp_name`, or under the limited API, where the type object is opaque, its
/// `__name__` (the same string for the types these tests use).
///
/// # Safety
/// The GIL must be held and `ty` must be a live type object.
unsafe fn name_of(ty: *mut ffi::PyTypeObject) -> *mut PyObject {
    #[cfg(not(Py_LIMITED_API))]
    // SAFETY: the caller passes a live type, whose `tp_name` is a NUL-terminated string that lives
    // as long as the type.
    return unsafe { ffi::PyUnicode_FromString((*ty).tp_name) };
    #[cfg(Py_LIMITED_API)]
    // SAFETY: the caller holds the GIL and passes a live object.
    return unsafe { ffi::PyObject_GetAttrString(ty.cast(), c"__name__".as_ptr()) };
}
