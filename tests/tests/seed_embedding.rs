//! The embedding example of PyO3 0.23's crate documentation, unchanged but for the dependency
//! rename in Cargo.toml (`pyo3 = { package = "pyroxide", ... }`).
#![allow(deprecated)] // `Python::with_gil` is kept as a deprecated alias, as in PyO3 0.26+.

use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::IntoPyDict;

fn main_of_the_seed() -> PyResult<()> {
    Python::with_gil(|py| {
        let sys = py.import("sys")?;
        let version: String = sys.getattr("version")?.extract()?;

        let locals = [("os", py.import("os")?)].into_py_dict(py)?;
        let code = c_str!("os.getenv('USER') or os.getenv('USERNAME') or 'Unknown'");
        let user: String = py.eval(code, None, Some(&locals))?.extract()?;

        println!("Hello {}, I'm Python {}", user, version);
        Ok(())
    })
}

#[test]
fn seed_embedding_example_runs() {
    main_of_the_seed().unwrap();
}

#[test]
fn seed_example_sees_the_environment() {
    // The process environment as the interpreter snapshotted it (nothing here changes it).
    let expected = std::env::var("USER")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("USERNAME").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "Unknown".into());
    Python::attach(|py| {
        let locals = [("os", py.import("os").unwrap())].into_py_dict(py).unwrap();
        let code = c_str!("os.getenv('USER') or os.getenv('USERNAME') or 'Unknown'");
        let user: String = py.eval(code, None, Some(&locals)).unwrap().extract().unwrap();
        assert_eq!(user, expected);
        let version: String =
            py.import("sys").unwrap().getattr("version").unwrap().extract().unwrap();
        assert_eq!(version, py.version());
    });
}
