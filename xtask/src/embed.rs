//! The embedding suite per interpreter: `cargo test -p pyroxide-tests` built against each
//! CPython the machine has, each in its own target directory so the builds stay cached.

use crate::python::{Counts, Interpreter};
use crate::test::{cargo_cmd, cargo_tests};
use crate::util::{project_root, Result};

/// Runs the embedding tests (the inline-function tests, the sys-level embedding test) with
/// `interp` as the embedded interpreter. PyPy is skipped with its reason.
pub fn run(interp: &Interpreter) -> Result<Counts> {
    if interp.id.starts_with("pp") {
        eprintln!(
            "skipped: embedding PyPy needs rpython_startup_code/pypy_setup_home rather than \
             Py_InitializeEx; that start-up path belongs to the cross-interpreter matrix work"
        );
        return Ok(Counts { skipped: 1, ..Counts::default() });
    }
    let mut cmd = cargo_cmd(&["test", "-p", "pyroxide-tests", "--no-fail-fast"]);
    cmd.env("PYO3_PYTHON", &interp.executable)
        .env(
            "CARGO_TARGET_DIR",
            project_root().join("target/interp").join(format!("{}-embed", interp.id)),
        )
        .env_remove("PYO3_CONFIG_FILE")
        .env_remove("PYO3_BUILD_EXTENSION_MODULE")
        .env_remove("VIRTUAL_ENV");
    cargo_tests(cmd)
}
