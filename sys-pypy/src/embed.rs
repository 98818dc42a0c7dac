//! The embedding entry points of `libpypy3.X-c.so`, declared by hand after PyPy's `PyPy.h`
//! (`include/PyPy.h` in the PyPy sources; not among the headers the Debian `-dev` packages
//! install, so bindgen never sees them). PyPy has no `Py_Initialize`: a program that embeds it
//! calls [`rpython_startup_code`] once, then [`pypy_setup_home`] (which finds the standard
//! library), [`pypy_init_threads`] if threads are involved, and runs Python with
//! [`pypy_execute_source`]; after that the ordinary C API works (`PyGILState_Ensure` from any
//! thread). The first C API call starts cpyext (the static objects such as `_Py_NoneStruct` get
//! their types then): make it on the starting thread (e.g. `Py_IsInitialized`); made first from
//! another thread, `PyDict_New` crashed (PyPy 7.3.11). Every function here is exported under this name by the three libpypy builds the
//! bindings are generated from (7.3.11 for 3.9, 7.3.19 and 8.0.1 for 3.11).

use core::ffi::{c_char, c_int, c_void};

extern "C" {
    /// Initializes the RPython runtime (the GC, the JIT, the object space). Call it once,
    /// before anything else; it cannot fail. Until the first [`pypy_execute_source`], no other
    /// C API function may be called (even `Py_IsInitialized` crashes).
    pub fn rpython_startup_code();

    /// Creates the GIL, so that more than one thread may run Python code.
    pub fn pypy_init_threads();

    /// Finds the standard library (`lib-python`, `lib_pypy`, or `lib/pypy3.X`) by searching
    /// upwards from `home`, e.g. the path of `libpypy3.X-c.so` itself, and sets `sys.path`.
    /// Returns 0 on success, 1 on failure (with a message on stderr if `verbose` is non-zero).
    /// May be called again, e.g. with another `home`, until it succeeds.
    pub fn pypy_setup_home(home: *mut c_char, verbose: c_int) -> c_int;

    /// Registers the calling thread with PyPy: for threads other than the one that called
    /// [`rpython_startup_code`], before they run Python code through this API (never in the
    /// starting thread).
    pub fn pypy_thread_attach();

    /// Runs the NUL-terminated `source` in a fresh `__main__` dictionary, taking and releasing
    /// the GIL. Returns 0, or 1 after printing an uncaught exception to stderr.
    pub fn pypy_execute_source(source: *mut c_char) -> c_int;

    /// Like [`pypy_execute_source`], with `ptr` available to the code as `c_argument` (a cffi
    /// pointer).
    pub fn pypy_execute_source_ptr(source: *mut c_char, ptr: *mut c_void) -> c_int;
}
