//! Must not compile: wrap plain function.
use pyo3::prelude::*;

fn plain() {}

fn main() {
    Python::attach(|py| {
        let _ = wrap_pyfunction!(plain, py);
    });
}
