//! Starting an embedded PyPy, which has no `Py_Initialize`/`Py_Finalize`: the start-up sequence
//! of `PyPy.h` (`rpython_startup_code`, `pypy_setup_home`, `pypy_init_threads`,
//! `pypy_execute_source`), the question "is it started" that PyPy cannot answer itself, and the
//! end of `with_embedded_python_interpreter`.
//!
//! - **Started?** Before the start every C API function crashes, `Py_IsInitialized` included
//!   (it is a cpyext function returning 1, reached through an RPython entry point that needs the
//!   runtime). What does not crash is reading libpypy's static `None` object: its type pointer is
//!   zero until cpyext starts (at the first C API call after `pypy_execute_source`, which
//!   [`start`] makes on the starting thread, or in the `pypy` executable before it loads an
//!   extension module) and never changes afterwards.
//! - **Where the standard library is**: `pypy_setup_home` searches upwards from a path for
//!   `lib-python`/`lib_pypy` (or `lib/pypy3.X`); it is given the path of the loaded
//!   `libpypy3.X-c.so` (from `dladdr`), as `PyPy.h` suggests, so the library the rpath chose
//!   finds its own standard library.
//! - **Threads**: `pypy_init_threads` creates the GIL at start-up; other threads then attach with
//!   `PyGILState_Ensure` like on CPython. The starting thread is left detached
//!   (`pypy_execute_source` takes and releases the GIL itself).
//! - **No finalization**: PyPy cannot be torn down in-process. At the end of
//!   `with_embedded_python_interpreter` the observable part of `Py_Finalize` runs instead: the
//!   `threading` shutdown (joining non-daemon threads), the `atexit` handlers (which closes the
//!   exit door of `finalize`, parking later attaches), and the flush of `sys.stdout` and
//!   `sys.stderr`. The interpreter stays loaded, and counts as initialized, until the process
//!   exits. With `Python::attach`/`auto-initialize`, nothing runs at process exit (as on CPython,
//!   where the embedded interpreter is not finalized either).

use crate::ffi;
use crate::marker::Python;
use crate::types::{PyAnyMethods, PyModule};
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// Whether `rpython_startup_code` has run (by [`start`]); it must run once per process.
static RUNTIME_STARTED: AtomicBool = AtomicBool::new(false);

/// Whether PyPy's C API is up (in this process, started by [`start`] or by the `pypy`
/// executable that loaded this code): the static `None` object has its type.
pub(crate) fn is_started() -> bool {
    // SAFETY: `_Py_NoneStruct` is a static of libpypy, zero-initialised and given its type once,
    // when cpyext starts; the type pointer is read atomically (aligned, pointer-sized) and only
    // compared with null.
    let ty = unsafe { AtomicPtr::from_ptr(std::ptr::addr_of_mut!(ffi::_Py_NoneStruct.ob_type)) };
    !ty.load(Ordering::Acquire).is_null()
}

/// Starts PyPy and leaves the calling thread detached. Must run at most once at a time (the
/// caller's `Once`), and only while [`is_started`] is false. Panics with PyPy's answer if it
/// cannot find its standard library or run Python code.
pub(crate) fn start() {
    if !RUNTIME_STARTED.swap(true, Ordering::SeqCst) {
        // SAFETY: runs once per process (the flag), before any other call into libpypy.
        unsafe { ffi::rpython_startup_code() };
    }
    let home = library_path();
    let home_ptr = home.as_ref().map_or(std::ptr::null_mut(), |h| h.as_ptr().cast_mut());
    // SAFETY: the runtime is started; `home_ptr` is NULL (PyPy's own build-time home) or a
    // NUL-terminated path that lives until the call returns (PyPy copies it, never writes it).
    let rc = unsafe { ffi::pypy_setup_home(home_ptr, 1) };
    assert!(
        rc == 0,
        "PyPy did not find its standard library searching upwards from {home:?} \
         (pypy_setup_home returned {rc}; its reasons are on stderr)"
    );
    // SAFETY: the runtime is started; creates the GIL, so that other threads can attach.
    unsafe { ffi::pypy_init_threads() };
    // SAFETY: the runtime is started and the standard library found; the source is a
    // NUL-terminated string PyPy does not write. It starts cpyext, taking and releasing the GIL.
    let rc = unsafe { ffi::pypy_execute_source(c"import sys".as_ptr().cast_mut()) };
    assert!(rc == 0, "PyPy could not run `import sys` at start-up (the traceback is on stderr)");
    // SAFETY: the runtime is up (`pypy_execute_source` succeeded); the first call of a C API
    // function starts cpyext, which gives the static objects their types.
    let initialized = unsafe { ffi::Py_IsInitialized() };
    assert!(
        initialized != 0 && is_started(),
        "PyPy started without its C API (cpyext): Py_IsInitialized() = {initialized}"
    );
}

/// The end of `with_embedded_python_interpreter` on PyPy, which has no `Py_Finalize`: the
/// `threading` shutdown, the `atexit` handlers and the flush of the standard streams, as
/// `Py_Finalize` runs them; errors are printed, as `Py_Finalize` prints them.
pub(crate) fn finish(py: Python<'_>) {
    let steps = || -> crate::PyResult<()> {
        let sys = PyModule::import(py, "sys")?;
        if let Ok(threading) = sys.getattr("modules")?.get_item("threading") {
            threading.call_method0("_shutdown")?;
        }
        PyModule::import(py, "atexit")?.call_method0("_run_exitfuncs")?;
        for stream in ["stdout", "stderr"] {
            sys.getattr(stream)?.call_method0("flush")?;
        }
        Ok(())
    };
    if let Err(e) = steps() {
        e.print(py);
    }
}

/// The path of the loaded `libpypy3.X-c.so` (where `pypy_setup_home` starts its search), or
/// `None` if the dynamic loader does not say.
#[cfg(unix)]
fn library_path() -> Option<CString> {
    /// `Dl_info` of `<dlfcn.h>` (the same four fields on glibc, musl and macOS).
    #[repr(C)]
    struct DlInfo {
        dli_fname: *const c_char,
        dli_fbase: *mut c_void,
        dli_sname: *const c_char,
        dli_saddr: *mut c_void,
    }
    extern "C" {
        fn dladdr(addr: *const c_void, info: *mut DlInfo) -> c_int;
    }
    let mut info = DlInfo {
        dli_fname: std::ptr::null(),
        dli_fbase: std::ptr::null_mut(),
        dli_sname: std::ptr::null(),
        dli_saddr: std::ptr::null_mut(),
    };
    let symbol = ffi::rpython_startup_code as unsafe extern "C" fn();
    // SAFETY: `dladdr` only reads the address (a function of libpypy) and fills `info`.
    let found = unsafe { dladdr(symbol as *const c_void, &mut info) };
    if found == 0 || info.dli_fname.is_null() {
        return None;
    }
    // SAFETY: `dli_fname` is the loader's NUL-terminated file name of the loaded object, valid
    // while it stays loaded (libpypy is linked, never unloaded); it is copied at once.
    Some(unsafe { CStr::from_ptr(info.dli_fname) }.to_owned())
}

/// Elsewhere PyPy falls back to the home it was built with.
#[cfg(not(unix))]
fn library_path() -> Option<CString> {
    None
}
