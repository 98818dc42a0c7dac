//! `cargo xtask demo`: the quickest end-to-end look. Sets up what it needs, builds the example
//! extension module (`examples/demo`: a function, a class, an exception) with maturin into a
//! venv, imports it from Python and uses it, then runs the embedding example of PyO3's
//! documentation (`examples/embed`) against Pyroxide.

use crate::python::{self, Interpreter};
use crate::setup;
use crate::test::cargo_cmd;
use crate::util::{cache_dir, output, run, Result};
use std::process::Command;

const CALLS: &str = r#"
import pyroxide_demo as demo
print("imported", demo.__name__, "-", demo.__doc__)
print("word_count('the cat and the hat') =", demo.word_count("the cat and the hat"))
t = demo.Tally("poem")
t.feed("one two two three three three")
print("Tally.top(2) =", t.top(2), "| len =", len(t), "|", repr(t))
try:
    demo.word_count("   ")
except demo.EmptyText as e:
    print("word_count('   ') raised", type(e).__name__, "(a ValueError):", e)
try:
    demo.word_count(42)
except TypeError as e:
    print("word_count(42) raised TypeError:", e)
"#;

pub fn run_demo() -> Result {
    setup::ensure_apt(setup::DEMO_PACKAGES)?;
    let tooling = python::ensure_tooling()?;
    let version =
        output(Command::new(&tooling).args(["-c", "import sys; print(sys.version.split()[0])"]))?;
    let interp = Interpreter {
        id: "demo".into(),
        executable: tooling.canonicalize().unwrap_or(tooling),
        version: version.trim().to_string(),
    };
    let _ = cache_dir();
    eprintln!("\n==> building the example extension module (examples/demo) with maturin develop");
    let (venv, maturin, path) = python::venv_and_maturin(&interp)?;
    python::maturin_develop(&maturin, &venv, &path, &interp, "examples/demo")?;
    eprintln!("\n==> importing it from Python and using it");
    run(Command::new(venv.join("bin").join("python")).args(["-c", CALLS]))?;
    eprintln!("\n==> running the embedding example of PyO3's documentation (examples/embed)");
    // An embedding program loads libpython by soname: point the loader at the detected
    // interpreter's library directory, as a user of a non-system Python would.
    let libdir = output(
        Command::new(&interp.executable)
            .args(["-c", "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))"]),
    )?;
    run(cargo_cmd(&["run", "-q", "-p", "pyroxide-embed-example"])
        .env("PYO3_PYTHON", &interp.executable)
        .env("LD_LIBRARY_PATH", libdir.trim())
        .env_remove("VIRTUAL_ENV"))
}
