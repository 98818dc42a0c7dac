//! Shared helpers for the integration tests that embed the interpreter through the sys crates:
//! one-time interpreter start-up, a GIL guard, running source code, and the declarations of the
//! C reference helpers compiled from `c/inline_helpers.c` by the build script.
//!
//! Tests in one binary run on several threads: [`init`] starts the interpreter once and releases
//! the GIL, and every test then takes it with a [`Gil`] guard for the whole of its body.

use std::ffi::{c_int, CStr, CString};
use std::marker::PhantomData;

/// The active sys crate.
#[cfg(not(PyPy))]
pub use pyroxide_sys_cpython as ffi;
/// The active sys crate.
#[cfg(PyPy)]
pub use pyroxide_sys_pypy as ffi;

use ffi::PyObject;

/// Starts the interpreter once per process (`Py_InitializeEx(0)`: no signal handlers), then
/// releases the GIL with `PyEval_SaveThread` so that any test thread can take it with [`Gil`].
/// (PyPy, which has no `Py_InitializeEx`, is started by the other `init`.)
#[cfg(not(PyPy))]
pub fn init() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        // SAFETY: runs once, before any other use of the C API in this process; the thread state
        // returned by `PyEval_SaveThread` is never restored, so the GIL stays free for `Gil`.
        unsafe {
            ffi::Py_InitializeEx(0);
            ffi::PyEval_SaveThread();
        }
    });
}

/// Starts PyPy once per process through its embedding API (`PyPy.h`): the RPython runtime, the
/// standard library found upwards from the directory of `libpypy3.X-c.so` (the build script's
/// `PYROXIDE_TESTS_LIBDIR`), the GIL for threads, then Python code, after which the C API works
/// and the starting thread is detached, so that any test thread can take the GIL with [`Gil`].
#[cfg(PyPy)]
pub fn init() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        // Without a library directory (a configuration file naming none) PyPy uses the home
        // it was built with (NULL).
        let home = option_env!("PYROXIDE_TESTS_LIBDIR").map(|d| CString::new(d).unwrap());
        let home_ptr = home.as_ref().map_or(std::ptr::null_mut(), |h| h.as_ptr().cast_mut());
        // SAFETY: runs once, before any other use of libpypy in this process, in the order
        // `PyPy.h` prescribes; `home` and the source are NUL-terminated and outlive the calls.
        unsafe {
            ffi::rpython_startup_code();
            assert_eq!(ffi::pypy_setup_home(home_ptr, 1), 0, "{home:?}");
            ffi::pypy_init_threads();
            assert_eq!(ffi::pypy_execute_source(c"import sys".as_ptr().cast_mut()), 0);
            // The first C API call starts cpyext (the static objects get their types).
            assert_eq!(ffi::Py_IsInitialized(), 1);
        }
    });
}

/// Holds the GIL (`PyGILState_Ensure`) until dropped (`PyGILState_Release`). Not `Send`: the
/// release must happen on the thread that ensured.
pub struct Gil {
    state: ffi::PyGILState_STATE,
    _not_send: PhantomData<*mut ()>,
}

impl Gil {
    /// Initializes the interpreter if needed and takes the GIL.
    pub fn acquire() -> Gil {
        init();
        // SAFETY: the interpreter is initialized; the state is released by `Drop` on this thread.
        let state = unsafe { ffi::PyGILState_Ensure() };
        Gil { state, _not_send: PhantomData }
    }
}

impl Drop for Gil {
    fn drop(&mut self) {
        // SAFETY: `state` came from `PyGILState_Ensure` on this thread (`Gil` is not `Send`).
        unsafe { ffi::PyGILState_Release(self.state) }
    }
}

/// Prints and clears the pending Python exception, then panics with `what`.
pub fn python_error(_gil: &Gil, what: &str) -> ! {
    // SAFETY: the GIL is held; `PyErr_Print` handles the pending exception, if any.
    unsafe { ffi::PyErr_Print() };
    panic!("Python error: {what}");
}

/// An owned reference to a dict used as module globals, `{"__builtins__": <builtins>}` at first;
/// released on drop, which the borrow of the [`Gil`] keeps inside the GIL's scope.
pub struct Globals<'py> {
    dict: *mut PyObject,
    gil: &'py Gil,
}

impl<'py> Globals<'py> {
    /// A fresh globals dict.
    pub fn new(gil: &'py Gil) -> Self {
        // SAFETY: the GIL is held; `PyEval_GetBuiltins` returns a borrowed reference that
        // `PyDict_SetItemString` increments.
        unsafe {
            let dict = ffi::PyDict_New();
            let builtins = ffi::PyEval_GetBuiltins();
            if dict.is_null()
                || ffi::PyDict_SetItemString(dict, c"__builtins__".as_ptr(), builtins) != 0
            {
                python_error(gil, "creating globals");
            }
            Globals { dict, gil }
        }
    }

    /// The dict (borrowed).
    pub fn as_ptr(&self) -> *mut PyObject {
        self.dict
    }

    /// `PyRun_String(code, start, globals, globals)`, panicking on a Python error (new reference).
    /// The limited API has no `PyRun_String`: there it is `Py_CompileString` + `PyEval_EvalCode`.
    pub fn run(&self, code: &str, start: u32) -> *mut PyObject {
        let source = CString::new(code).expect("code contains NUL");
        // SAFETY: the GIL is held and `self.dict` is a live dict, as `PyRun_String` requires.
        #[cfg(not(Py_LIMITED_API))]
        let result =
            unsafe { ffi::PyRun_String(source.as_ptr(), start as c_int, self.dict, self.dict) };
        #[cfg(Py_LIMITED_API)]
        let result = self.compile_and_eval(&source, start as c_int);
        if result.is_null() {
            python_error(self.gil, code);
        }
        result
    }

    /// `Py_CompileString` + `PyEval_EvalCode` in this dict (new reference or NULL).
    #[cfg(Py_LIMITED_API)]
    fn compile_and_eval(&self, source: &CStr, start: c_int) -> *mut PyObject {
        // SAFETY: the GIL is held; `source` and the file name are NUL-terminated; the code object
        // is a new reference released once evaluated, and `self.dict` is a live dict.
        unsafe {
            let code = ffi::Py_CompileString(source.as_ptr(), c"<string>".as_ptr(), start);
            if code.is_null() {
                return code;
            }
            let result = ffi::PyEval_EvalCode(code, self.dict, self.dict);
            ffi::Py_DECREF(code);
            result
        }
    }

    /// Runs statements (`Py_file_input`), discarding the `None` result.
    pub fn exec(&self, code: &str) {
        let none = self.run(code, ffi::Py_file_input);
        // SAFETY: the GIL is held; `none` is the new reference `PyRun_String` returned.
        unsafe { ffi::Py_DECREF(none) };
    }

    /// The global `name` (borrowed reference), panicking when it is missing.
    pub fn get(&self, name: &CStr) -> *mut PyObject {
        // SAFETY: the GIL is held and `self.dict` is a live dict.
        let item = unsafe { ffi::PyDict_GetItemString(self.dict, name.as_ptr()) };
        if item.is_null() {
            python_error(self.gil, &format!("{name:?} not found"));
        }
        item
    }
}

impl Drop for Globals<'_> {
    fn drop(&mut self) {
        // SAFETY: the GIL is held for `'py`; `dict` is our reference.
        unsafe { ffi::Py_DECREF(self.dict) }
    }
}

/// Evaluates a Python expression in fresh globals (new reference).
pub fn eval(gil: &Gil, expr: &str) -> *mut PyObject {
    Globals::new(gil).run(expr, ffi::Py_eval_input)
}

/// Converts a Python `int` to `i64`, panicking on a Python error.
///
/// # Safety
/// `obj` must point to a live object.
pub unsafe fn to_i64(gil: &Gil, obj: *mut PyObject) -> i64 {
    // SAFETY: the GIL is held and the caller passes a live object. (PyPy before 8 binds the
    // result as `isize`.)
    #[allow(clippy::unnecessary_cast)]
    let value = unsafe { ffi::PyLong_AsLongLong(obj) } as i64;
    // SAFETY: the GIL is held.
    if value == -1 && !unsafe { ffi::PyErr_Occurred() }.is_null() {
        python_error(gil, "int conversion");
    }
    value
}

/// The C reference helpers of `c/inline_helpers.c`, built against the same interpreter headers.
/// Each `c_<NAME>` evaluates the C macro or static inline function `<NAME>`.
#[cfg(not(any(PyPy, Py_LIMITED_API)))]
#[allow(non_snake_case, missing_docs)]
pub mod c {
    use super::ffi::{PyObject, PyTypeObject, Py_ssize_t};
    use std::ffi::{c_int, c_ulong};

    extern "C" {
        pub fn c_Py_REFCNT(o: *mut PyObject) -> Py_ssize_t;
        pub fn c_Py_TYPE(o: *mut PyObject) -> *mut PyTypeObject;
        pub fn c_Py_SIZE(o: *mut PyObject) -> Py_ssize_t;
        pub fn c_Py_IS_TYPE(o: *mut PyObject, t: *mut PyTypeObject) -> c_int;
        pub fn c_Py_Is(x: *mut PyObject, y: *mut PyObject) -> c_int;
        pub fn c_Py_NewRef(o: *mut PyObject) -> *mut PyObject;
        pub fn c_Py_XNewRef(o: *mut PyObject) -> *mut PyObject;
        pub fn c_Py_INCREF(o: *mut PyObject);
        pub fn c_Py_DECREF(o: *mut PyObject);
        pub fn c_Py_XINCREF(o: *mut PyObject);
        pub fn c_Py_XDECREF(o: *mut PyObject);
        /// 1 and the global total in `*total` on `Py_REF_DEBUG` builds, else 0.
        pub fn c_ref_total(total: *mut Py_ssize_t) -> c_int;
        /// `_Py_IsImmortal`, or -1 before 3.12.
        pub fn c__Py_IsImmortal(o: *mut PyObject) -> c_int;
        #[cfg(Py_GIL_DISABLED)]
        pub fn c__Py_ThreadId() -> usize;
        #[cfg(Py_GIL_DISABLED)]
        pub fn c__Py_IsOwnedByCurrentThread(o: *mut PyObject) -> c_int;
        pub fn c_Py_None() -> *mut PyObject;
        pub fn c_Py_True() -> *mut PyObject;
        pub fn c_Py_False() -> *mut PyObject;
        pub fn c_PyType_HasFeature(t: *mut PyTypeObject, f: c_ulong) -> c_int;
        pub fn c_PyLong_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyLong_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyUnicode_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyUnicode_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyTuple_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyTuple_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyList_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyList_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyDict_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyDict_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyBytes_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyBytes_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyType_Check(o: *mut PyObject) -> c_int;
        pub fn c_PyType_CheckExact(o: *mut PyObject) -> c_int;
        pub fn c_PyTuple_GET_SIZE(o: *mut PyObject) -> Py_ssize_t;
        pub fn c_PyTuple_GET_ITEM(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
        pub fn c_PyTuple_SET_ITEM(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject);
        pub fn c_PyList_GET_SIZE(o: *mut PyObject) -> Py_ssize_t;
        pub fn c_PyList_GET_ITEM(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
        pub fn c_PyList_SET_ITEM(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject);
        pub fn c_PyUnicode_GET_LENGTH(o: *mut PyObject) -> Py_ssize_t;
        pub fn c_PyUnicode_IS_COMPACT(o: *mut PyObject) -> c_int;
        pub fn c_PyUnicode_IS_COMPACT_ASCII(o: *mut PyObject) -> c_int;
        pub fn c_PyUnicode_DATA(o: *mut PyObject) -> *mut std::ffi::c_void;
        pub fn c_PyFloat_AS_DOUBLE(o: *mut PyObject) -> f64;
        pub fn c__PyLong_IsCompact(o: *mut PyObject) -> c_int;
        pub fn c__PyLong_CompactValue(o: *mut PyObject) -> Py_ssize_t;
    }
}
