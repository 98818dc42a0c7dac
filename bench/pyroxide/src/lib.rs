//! `bench_pyroxide`: the benchmark functions and class of `bench/common/` built with Pyroxide.
#![forbid(unsafe_code)]

use pyo3::prelude::*;

#[path = "../../common/counter.rs"]
mod counter;
#[path = "../../common/extra.rs"]
mod extra;
#[path = "../../common/functions.rs"]
mod functions;

/// The benchmark module.
#[pymodule]
fn bench_pyroxide(m: &Bound<'_, PyModule>) -> PyResult<()> {
    functions::register(m)?;
    extra::register(m)?;
    m.add_class::<counter::Counter>()
}
