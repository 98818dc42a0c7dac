//! Options that contradict each other, or the item they are on.
use pyo3::prelude::*;

#[pyclass(eq_int)]
#[derive(PartialEq)]
enum NoEq {
    A,
}

#[pyclass(from_py_object, skip_from_py_object)]
#[derive(Clone)]
struct Both {
    x: i64,
}

#[pyclass(sequence, mapping)]
struct SeqAndMap {
    x: i64,
}

#[pyclass(subclass)]
enum Sub {
    A,
}

#[pyclass(get_all)]
struct Unit;

fn main() {}
