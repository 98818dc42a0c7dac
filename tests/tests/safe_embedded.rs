//! `with_embedded_python_interpreter`, alone in its own test binary because it finalizes the
//! interpreter: nothing else in this process may use Python. (PyPy cannot be finalized: there
//! the `atexit` handlers run and the interpreter stays initialized.)

use pyo3::ffi::c_str;
use pyo3::prelude::*;

#[test]
fn embedded_interpreter_runs_then_finalizes() {
    let marker = std::env::temp_dir().join(format!("pyroxide-atexit-{}", std::process::id()));
    let _ = std::fs::remove_file(&marker);
    // SAFETY: the only test in this binary; nothing uses the interpreter afterwards.
    let result = unsafe {
        pyo3::with_embedded_python_interpreter(|py| {
            // Nested attaches work inside.
            let nested: PyResult<i32> =
                Python::attach(|py| py.eval(c_str!("2 ** 10"), None, None)?.extract());
            let atexit = py.import("atexit")?;
            // `with`: PyPy closes (and flushes) a file only when its GC frees it.
            let globals = pyo3::types::PyDict::new(py);
            py.run(
                c_str!("def write(p):\n    with open(p, 'w') as f:\n        f.write('ran')\n"),
                Some(&globals),
                None,
            )?;
            let write = globals.get_item("write")?.unwrap();
            atexit.call_method1("register", (write, marker.to_str().unwrap()))?;
            nested
        })
    };
    assert_eq!(result.map_err(|e| e.to_string()), Ok(1024_i32));
    // Finalization ran the `atexit` handlers.
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran");
    let _ = std::fs::remove_file(&marker);
    // SAFETY: `Py_IsInitialized` may be called at any time (on PyPy once it is started).
    let initialized = unsafe { pyo3::ffi::Py_IsInitialized() };
    // PyPy cannot be finalized: it stays initialized, and a second call panics.
    #[cfg(PyPy)]
    {
        assert_eq!(initialized, 1);
        // SAFETY: the closure never runs: the interpreter is initialized, so the call panics.
        let again =
            std::panic::catch_unwind(|| unsafe { pyo3::with_embedded_python_interpreter(|_| ()) });
        let message = again.unwrap_err().downcast::<&str>().unwrap();
        assert_eq!(*message, "the Python interpreter is already initialized");
    }
    #[cfg(not(PyPy))]
    assert_eq!(initialized, 0);
}
