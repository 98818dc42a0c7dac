//! `cargo xtask demo`: the quickest end-to-end look. Sets up what it needs, builds the example
//! extension module with maturin into a venv, imports it from Python and calls it, then runs the
//! embedding example.

use crate::python::{self, Interpreter};
use crate::setup;
use crate::test::cargo_cmd;
use crate::util::{cache_dir, run, Result};
use std::process::Command;

const CALLS: &str = r#"
import sys_minimal as m
print(f"imported {m.__name__} into {m.IMPLEMENTATION} 3.{m.PY_MINOR}")
print("sys_minimal.add(2, 40) =", m.add(2, 40))
print("sys_minimal.type_name([]) =", repr(m.type_name([])))
try:
    m.add(2, "forty")
except TypeError as e:
    print("sys_minimal.add(2, 'forty') raised TypeError:", e)
"#;

pub fn run_demo() -> Result {
    setup::ensure_apt(setup::DEMO_PACKAGES)?;
    let tooling = python::ensure_tooling()?;
    let version = crate::util::output(
        Command::new(&tooling).args(["-c", "import sys; print(sys.version.split()[0])"]),
    )?;
    let interp = Interpreter {
        id: "demo".into(),
        executable: tooling.canonicalize().unwrap_or(tooling),
        version: version.trim().to_string(),
    };
    let _ = cache_dir();
    eprintln!("\n==> building the example extension module (tests/ext-sys) with maturin develop");
    let python = python::build_and_install(&interp)?;
    eprintln!("\n==> importing it from Python and calling it");
    run(Command::new(&python).args(["-c", CALLS]))?;
    eprintln!("\n==> running the embedding example (sys-cpython/examples/embed.rs)");
    run(cargo_cmd(&["run", "-q", "-p", "pyroxide-sys-cpython", "--example", "embed"])
        .env_remove("VIRTUAL_ENV"))
}
