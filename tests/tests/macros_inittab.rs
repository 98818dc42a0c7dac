//! `append_to_inittab!`: a `#[pymodule]` registered before the interpreter starts is
//! importable by name from the embedded interpreter.
//!
//! Not on PyPy: it has no `PyImport_AppendInittab`, so `append_to_inittab!` is not there (as in
//! PyO3).
#![cfg(not(PyPy))]

use pyo3::prelude::*;

#[pymodule]
fn builtin_from_rust(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("greeting", "hello from Rust")
}

#[test]
fn appended_module_imports() {
    pyo3::append_to_inittab!(builtin_from_rust);
    Python::attach(|py| {
        let m = py.import("builtin_from_rust").unwrap();
        assert_eq!(m.getattr("greeting").unwrap().to_string(), "hello from Rust");
        let sys = py.import("sys").unwrap();
        let names: Vec<String> = sys.getattr("builtin_module_names").unwrap().extract().unwrap();
        assert!(names.iter().any(|n| n == "builtin_from_rust"));
        // Importing again gives the same module (it is cached in sys.modules).
        assert!(py.import("builtin_from_rust").unwrap().is(&m));
    });
    let result = std::panic::catch_unwind(|| pyo3::append_to_inittab!(builtin_from_rust));
    assert!(result.is_err(), "appending after initialization must panic");
}
