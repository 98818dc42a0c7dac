//! `#[pyclass]`/`#[pymethods]` for `test_classes.py`: a counter with every kind of member, an
//! iterator, a frozen value type with derived comparisons and hashing, a subclass, an enum,
//! a class with `weakref` and `dict` slots, and a custom exception.

use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::PyType;

pyo3::create_exception!(classes, CounterError, pyo3::exceptions::PyException, "Raised by Counter.");

/// `#[pyclass]` types exercised by `test_classes.py`.
#[pymodule]
pub mod classes {
    use super::*;

    #[pymodule_export]
    use super::{Color, Countdown, Counter, LabeledCounter, Level, Pair, Point, Referent};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("CounterError", m.py().get_type::<CounterError>())
    }
}

// With a free list of 8 (subclasses allocate normally).
/// A counter.
#[pyclass(subclass, freelist = 8, module = "pyroxide_ext.classes")]
pub struct Counter {
    #[pyo3(get)]
    count: i64,
    #[pyo3(get, set)]
    step: i64,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (start = 0, *, step = 1))]
    fn new(start: i64, step: i64) -> Self {
        Counter { count: start, step }
    }

    /// Adds the step (or `by`) and returns the count.
    #[pyo3(signature = (by = None))]
    fn incr(&mut self, by: Option<i64>) -> i64 {
        self.count += by.unwrap_or(self.step);
        self.count
    }

    fn pair(&self) -> (i64, i64) {
        (self.count, self.step)
    }

    #[getter]
    fn negative(&self) -> i64 {
        -self.count
    }

    #[setter]
    fn set_negative(&mut self, value: i64) {
        self.count = -value;
    }

    fn fail(&self, message: String) -> PyResult<()> {
        Err(CounterError::new_err(message))
    }

    fn panic(&self) {
        panic!("counter panicked")
    }

    fn reenter(&self, f: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        f.call0().map(Bound::unbind)
    }

    #[staticmethod]
    fn parse(text: String) -> PyResult<i64> {
        text.trim()
            .parse()
            .map_err(|e: std::num::ParseIntError| CounterError::new_err(e.to_string()))
    }

    #[classmethod]
    fn named(cls: &Bound<'_, PyType>) -> PyResult<String> {
        Ok(cls.name()?.to_string())
    }

    #[classattr]
    const MAX: i64 = i64::MAX;

    fn __repr__(&self) -> String {
        format!("Counter(count={}, step={})", self.count, self.step)
    }

    fn __len__(&self) -> usize {
        self.count.max(0) as usize
    }

    fn __richcmp__(&self, other: PyRef<'_, Counter>, op: CompareOp) -> bool {
        op.matches(self.count.cmp(&other.count))
    }
}

/// A counter with a label, extending `Counter`.
#[pyclass(extends = Counter, module = "pyroxide_ext.classes")]
pub struct LabeledCounter {
    #[pyo3(get)]
    label: String,
}

#[pymethods]
impl LabeledCounter {
    #[new]
    fn new(label: String, start: i64) -> (Self, Counter) {
        (LabeledCounter { label }, Counter { count: start, step: 1 })
    }

    fn describe(slf: PyRef<'_, Self>) -> String {
        format!("{}={}", slf.label, slf.as_super().count)
    }
}

/// Counts down to 1.
#[pyclass(module = "pyroxide_ext.classes")]
pub struct Countdown {
    n: u32,
}

#[pymethods]
impl Countdown {
    #[new]
    fn new(n: u32) -> Self {
        Countdown { n }
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> Option<u32> {
        (self.n > 0).then(|| {
            self.n -= 1;
            self.n + 1
        })
    }
}

/// An immutable point (with a free list of 4).
#[pyclass(
    frozen,
    eq,
    ord,
    hash,
    str = "({x}, {y})",
    get_all,
    freelist = 4,
    module = "pyroxide_ext.classes"
)]
#[derive(PartialEq, PartialOrd, Hash)]
pub struct Point {
    x: i64,
    y: i64,
}

#[pymethods]
impl Point {
    #[new]
    fn new(x: i64, y: i64) -> Self {
        Point { x, y }
    }
}

/// A pair whose `str` formats its tuple fields by position.
#[pyclass(str = "Pair({0}, {1:>3})", module = "pyroxide_ext.classes")]
pub struct Pair(i64, i64);

#[pymethods]
impl Pair {
    #[new]
    fn new(a: i64, b: i64) -> Self {
        Pair(a, b)
    }
}

/// A colour.
#[pyclass(eq, eq_int, module = "pyroxide_ext.classes")]
#[derive(PartialEq, Clone, Copy)]
pub enum Color {
    Red,
    Green,
    Blue = 10,
}

/// Levels ordered by their `PartialOrd` (`ord`), compared with ints by value (`eq_int`).
#[pyclass(eq, eq_int, ord, hash, frozen, module = "pyroxide_ext.classes")]
#[derive(PartialEq, PartialOrd, Hash, Clone, Copy)]
pub enum Level {
    Low = -1,
    High = 5,
}

/// A class that can be weakly referenced and has an instance `__dict__`.
#[pyclass(weakref, dict, module = "pyroxide_ext.classes")]
pub struct Referent {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl Referent {
    #[new]
    fn new(value: i64) -> Self {
        Referent { value }
    }
}
