//! Parameters that borrow a `#[pyclass]` for `test_class_args.py`: `&T`, `&mut T`,
//! `Option<&T>` in functions and methods, `&Self` in special methods, `#[new]` with
//! `#[classmethod]`, unsigned repetition counts, `#[pyo3(crate)]` on a `#[pymethods]` block, a
//! class named `A`, and a renamed class whose argument errors use its Python name.

use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::PyType;

/// Classes and functions exercised by `test_class_args.py`.
#[pymodule]
pub mod class_args {
    #[pymodule_export]
    use super::{maybe_n, reset, total, uses_a, Items, Made, Point, Tally, Version, WithCrate, A};
}

/// A tally that other tallies are added to.
#[pyclass(module = "pyroxide_ext.class_args")]
pub struct Tally {
    #[pyo3(get)]
    n: i64,
}

#[pymethods]
impl Tally {
    #[new]
    fn new(n: i64) -> Self {
        Tally { n }
    }

    fn add_from(&mut self, other: &Tally) {
        self.n += other.n;
    }

    fn give_to(&self, other: &mut Self) {
        other.n += self.n;
    }

    #[pyo3(signature = (other = None))]
    fn or_minus_one(&self, other: Option<&Tally>) -> i64 {
        other.map_or(-1, |t| t.n)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.n == other.n
    }

    fn __add__(&self, other: &Self) -> Self {
        Tally { n: self.n + other.n }
    }

    fn __isub__(&mut self, other: &Self) {
        self.n -= other.n;
    }
}

/// An ordered version number (`__richcmp__` over `&Self`).
#[pyclass(frozen, module = "pyroxide_ext.class_args")]
pub struct Version(u32);

#[pymethods]
impl Version {
    #[new]
    fn new(v: u32) -> Self {
        Version(v)
    }

    fn __richcmp__(&self, other: &Self, op: CompareOp) -> bool {
        op.matches(self.0.cmp(&other.0))
    }
}

/// `a.n + b.n` after incrementing `b`.
#[pyfunction]
fn total(a: &Tally, b: &mut Tally) -> i64 {
    b.n += 1;
    a.n + b.n
}

/// `t.n`, or `None`.
#[pyfunction]
#[pyo3(signature = (t = None))]
fn maybe_n(t: Option<&Tally>) -> Option<i64> {
    t.map(|t| t.n)
}

/// Sets `t` to zero; whether there was one.
#[pyfunction]
#[pyo3(signature = (t = None))]
fn reset(t: Option<&mut Tally>) -> bool {
    t.map(|t| t.n = 0).is_some()
}

/// Made by a `#[new]` `#[classmethod]`: records the class it was made for.
#[pyclass(subclass, module = "pyroxide_ext.class_args")]
pub struct Made {
    #[pyo3(get)]
    by: String,
    #[pyo3(get)]
    x: i64,
}

#[pymethods]
impl Made {
    #[new]
    #[classmethod]
    #[pyo3(signature = (x = 1))]
    fn new(cls: &Bound<'_, PyType>, x: i64) -> PyResult<Self> {
        Ok(Made { by: cls.name()?.to_string(), x })
    }
}

/// A sequence repeated by unsigned counts.
#[pyclass(sequence, module = "pyroxide_ext.class_args")]
pub struct Items {
    #[pyo3(get)]
    items: Vec<i64>,
}

#[pymethods]
impl Items {
    #[new]
    fn new(items: Vec<i64>) -> Self {
        Items { items }
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    fn __repeat__(&self, n: usize) -> Self {
        Items { items: self.items.repeat(n) }
    }
}

/// `#[pyo3(crate = "pyo3")]` on the class and on its `#[pymethods]` block.
#[pyclass(module = "pyroxide_ext.class_args")]
#[pyo3(crate = "pyo3")]
pub struct WithCrate;

#[pymethods]
#[pyo3(crate = "pyo3")]
impl WithCrate {
    #[new]
    fn new() -> Self {
        WithCrate
    }

    fn ok(&self) -> bool {
        true
    }
}

/// A class named like a generic parameter.
#[pyclass(module = "pyroxide_ext.class_args")]
pub struct A {}

#[pymethods]
impl A {
    #[new]
    fn new() -> Self {
        A {}
    }

    fn m(&self) -> i64 {
        1
    }
}

/// Takes an `A`.
#[pyfunction]
fn uses_a(a: &A) -> i64 {
    a.m() + 1
}

/// A class whose Python name (`Pt`) differs from its Rust name.
#[pyclass(name = "Pt", module = "pyroxide_ext.class_args")]
pub struct Point {
    #[pyo3(get)]
    x: i64,
}

#[pymethods]
impl Point {
    #[new]
    fn new(x: i64) -> Self {
        Point { x }
    }

    fn sig(&self, a: i64) -> i64 {
        self.x + a
    }
}
