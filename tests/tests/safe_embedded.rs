//! `with_embedded_python_interpreter`, alone in its own test binary because it finalizes the
//! interpreter: nothing else in this process may use Python.
#![cfg(not(PyPy))]

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
            let write = py.eval(c_str!("lambda p: open(p, 'w').write('ran')"), None, None)?;
            atexit.call_method1("register", (write, marker.to_str().unwrap()))?;
            nested
        })
    };
    assert_eq!(result.map_err(|e| e.to_string()), Ok(1024_i32));
    // Finalization ran the `atexit` handlers.
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran");
    let _ = std::fs::remove_file(&marker);
    // SAFETY: `Py_IsInitialized` may be called at any time.
    assert_eq!(unsafe { pyo3::ffi::Py_IsInitialized() }, 0);
}
