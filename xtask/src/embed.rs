//! The embedding suite per interpreter: `cargo test -p pyroxide-tests` built against each
//! CPython and PyPy the machine has, each in its own target directory so the builds stay cached; the same
//! suite under the limited API for a few (interpreter, minimum version) pairs; and a type check
//! of the suite for a free-threaded build, which the machine cannot run.

use crate::python::{Counts, Interpreter};
use crate::test::{cargo_cmd, cargo_tests};
use crate::util::{cache_dir, interp_dir, run as run_cmd, Result};
use crate::variants;

/// The limited-API runs: (interpreter id, minimum minor of `abi3-py3X`). The oldest minimum on
/// the oldest and on a newer interpreter (the stable ABI loaded forward), and a newer minimum,
/// whose bindings declare more. About 15–20 s each (mostly building the test binaries).
pub const ABI3_RUNS: &[(&str, u32)] = &[("cp39", 9), ("cp312", 9), ("cp313", 12)];

/// The free-threaded bindings the suite is type-checked against (`cargo check --tests`).
pub const FREE_THREADED_FILE: &str = "cp313t.rs";

/// Runs the embedding tests (the inline-function tests, the sys-level embedding test) with
/// `interp` as the embedded interpreter. PyPy is started through its `PyPy.h` entry points
/// (`pyroxide::ffi::pypy_start`); the tests that depend on CPython's reference counts, freeing
/// at the last `Py_DECREF` or error messages are ignored there, with their reason.
pub fn run(interp: &Interpreter) -> Result<Counts> {
    suite(interp, "embed", &[])
}

/// The embedding tests built with `--features abi3-py3<min_minor>` (the limited API's bindings
/// and code paths) and run on `interp`, in `target/interp/<id>-abi3`.
pub fn run_abi3(interp: &Interpreter, min_minor: u32) -> Result<Counts> {
    suite(interp, "abi3", &["--features", &format!("abi3-py3{min_minor}")])
}

fn suite(interp: &Interpreter, kind: &str, extra: &[&str]) -> Result<Counts> {
    let mut cmd = cargo_cmd(&["test", "-p", "pyroxide-tests", "--no-fail-fast"]);
    cmd.args(extra)
        .env("PYO3_PYTHON", &interp.executable)
        .env("CARGO_TARGET_DIR", interp_dir(&format!("{}-{kind}", interp.id)))
        .env_remove("PYO3_CONFIG_FILE")
        .env_remove("PYO3_BUILD_EXTENSION_MODULE")
        .env_remove("VIRTUAL_ENV");
    cargo_tests(cmd)
}

/// `cargo check -p pyroxide-tests --tests` against the free-threaded bindings, selected by a
/// `PYO3_CONFIG_FILE` as in the variants check: the tests compile, without an interpreter to
/// link or run them with.
pub fn check_free_threaded() -> Result {
    check_config(FREE_THREADED_FILE)
}

/// `cargo check` of the embedding tests and the extension crates against the bindings `file`
/// (e.g. `cp314t.rs`), selected by a `PYO3_CONFIG_FILE` as in the variants check.
pub fn check_config(file: &str) -> Result {
    let (text, extra) =
        variants::config_for(file).ok_or_else(|| format!("no configuration known for {file}"))?;
    let config = cache_dir().join(format!("tests-{}", file.replace(".rs", ".cfg")));
    std::fs::write(&config, text).map_err(|e| e.to_string())?;
    let stem = file.trim_end_matches(".rs");
    let mut cmd = cargo_cmd(&["check", "-q", "-p", "pyroxide-tests", "--tests"]);
    cmd.args(["-p", "pyroxide-ext", "-p", "string_sum"]);
    cmd.args(&extra)
        .env("PYO3_CONFIG_FILE", &config)
        .env("CARGO_TARGET_DIR", interp_dir(&format!("{stem}-check")))
        .env_remove("PYO3_PYTHON")
        .env_remove("VIRTUAL_ENV");
    run_cmd(&mut cmd)
}
