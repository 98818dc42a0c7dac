//! Must not compile: fn many errors at once.
use pyo3::prelude::*;

#[pyfunction(bogus)]
#[pyo3(signature = (a, a, /, /))]
async fn f<T>(a: T) {}

fn main() {}
