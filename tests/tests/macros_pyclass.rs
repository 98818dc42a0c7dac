//! `#[pyclass]` and `#[pymethods]` through an embedded interpreter: constructors, methods of
//! every receiver kind, getters and setters (fields and methods), static and class methods,
//! class attributes, the special methods implemented as slots, class options (`eq`, `ord`,
//! `hash`, `str`, `frozen`, `subclass`, `extends`, `dict`, `weakref`, `get_all`/`set_all`),
//! simple enums, borrow conflicts and panics.
#![forbid(unsafe_code)]

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyType};
use std::ffi::CString;

/// Counts up.
#[pyclass(subclass, weakref, module = "macros_pyclass")]
struct Counter {
    #[pyo3(get)]
    count: i64,
    #[pyo3(get, set, name = "label")]
    name: String,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (start = 0, name = "c".to_string()))]
    fn new(start: i64, name: String) -> Self {
        Counter { count: start, name }
    }

    /// Adds `by`.
    #[pyo3(signature = (by = 1))]
    fn increment(&mut self, by: i64) -> i64 {
        self.count += by;
        self.count
    }

    fn peek(slf: PyRef<'_, Self>) -> i64 {
        slf.count
    }

    fn peek_guarded(slf: PyClassGuard<'_, Self>) -> i64 {
        slf.count
    }

    fn bump_guarded(mut slf: PyClassGuardMut<'_, Self>) -> i64 {
        slf.count += 100;
        slf.count
    }

    fn reset(mut slf: PyRefMut<'_, Self>) {
        slf.count = 0;
    }

    fn me<'py>(slf: &Bound<'py, Self>) -> Bound<'py, Self> {
        slf.clone()
    }

    #[getter]
    fn get_double(&self) -> i64 {
        2 * self.count
    }

    #[setter]
    fn set_double(&mut self, value: i64) -> PyResult<()> {
        if value % 2 != 0 {
            return Err(PyValueError::new_err("odd"));
        }
        self.count = value / 2;
        Ok(())
    }

    #[staticmethod]
    fn twice(x: i64) -> i64 {
        2 * x
    }

    #[classmethod]
    fn kind(cls: &Bound<'_, PyType>) -> PyResult<String> {
        Ok(cls.name()?.to_string())
    }

    #[classattr]
    const LIMIT: i64 = 100;

    #[classattr]
    fn zero() -> i64 {
        0
    }

    fn call_back(&self, f: &Bound<'_, PyAny>) -> PyResult<i64> {
        f.call0()?;
        Ok(self.count)
    }

    fn boom(&self) {
        panic!("boom in a method")
    }

    fn __repr__(&self) -> String {
        format!("Counter({}, {:?})", self.count, self.name)
    }

    fn __len__(&self) -> usize {
        self.count as usize
    }

    fn __richcmp__(&self, other: PyRef<'_, Counter>, op: CompareOp) -> bool {
        op.matches(self.count.cmp(&other.count))
    }

    fn __bool__(&self) -> bool {
        self.count != 0
    }

    fn __contains__(&self, x: i64) -> bool {
        (0..self.count).contains(&x)
    }

    fn __getitem__(&self, i: i64) -> PyResult<i64> {
        if i < 0 || i >= self.count {
            return Err(pyo3::exceptions::PyIndexError::new_err("out of range"));
        }
        Ok(i * 10)
    }

    fn __call__(&self, extra: i64) -> i64 {
        self.count + extra
    }
}

/// Iterates from `n` down.
#[pyclass]
struct Countdown {
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
        let n = self.n;
        self.n = n.checked_sub(1)?;
        Some(n)
    }
}

#[pyclass(frozen, eq, ord, hash, str = "Point({x}, {y})", get_all)]
#[derive(PartialEq, PartialOrd, Hash, Clone)]
struct Point {
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

#[pyclass(extends = Counter, dict)]
struct Named {
    #[pyo3(get, set)]
    title: String,
}

#[pymethods]
impl Named {
    #[new]
    fn new(title: String) -> (Self, Counter) {
        (Named { title }, Counter { count: 10, name: "base".into() })
    }

    fn base_count(slf: PyRef<'_, Self>) -> i64 {
        slf.as_super().count
    }
}

#[pyclass(eq, eq_int)]
#[derive(PartialEq, Clone, Copy)]
enum Color {
    Red,
    Green = 10,
    #[pyo3(name = "BLUE")]
    Blue,
}

#[pyclass(set_all, get_all, from_py_object)]
#[derive(Clone)]
struct Settings {
    level: u8,
}

#[pyfunction]
fn level_of(s: Settings) -> u8 {
    s.level
}

fn run<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyDict> {
    let globals = PyDict::new(py);
    globals.set_item("Counter", py.get_type::<Counter>()).unwrap();
    globals.set_item("Countdown", py.get_type::<Countdown>()).unwrap();
    globals.set_item("Point", py.get_type::<Point>()).unwrap();
    globals.set_item("Named", py.get_type::<Named>()).unwrap();
    globals.set_item("Color", py.get_type::<Color>()).unwrap();
    globals.set_item("Settings", py.get_type::<Settings>()).unwrap();
    globals.set_item("level_of", wrap_pyfunction!(level_of, py).unwrap()).unwrap();
    let code = CString::new(code).unwrap();
    py.run(&code, Some(&globals), None).unwrap_or_else(|e| {
        e.print(py);
        panic!("{e}")
    });
    globals
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: C API methods have no __text_signature__")]
fn methods_properties_and_slots() {
    Python::attach(|py| {
        run(
            py,
            r#"
c = Counter(5)
assert c.increment() == 6 and c.increment(by=4) == 10
assert c.count == 10 and c.peek() == 10 and c.me() is c
assert c.double == 20
c.double = 8
assert c.count == 4
try:
    c.double = 3
    raise AssertionError
except ValueError as e:
    assert str(e) == "odd"
c.label = "renamed"
assert c.label == "renamed"
try:
    c.count = 1
    raise AssertionError
except AttributeError:
    pass
assert Counter.twice(21) == 42, Counter.twice(21)
assert Counter.kind() == "Counter", Counter.kind()
assert c.kind() == "Counter", c.kind()
assert Counter.LIMIT == 100, Counter.LIMIT
assert Counter.zero == 0, Counter.zero
assert repr(c) == 'Counter(4, "renamed")', repr(c)
assert len(c) == 4 and bool(c) and 2 in c and 9 not in c
assert c[1] == 10
try:
    c[7]
    raise AssertionError
except IndexError:
    pass
assert c(3) == 7
assert Counter(1) < Counter(2) and Counter(2) == Counter(2) and Counter(1) != Counter(2)
assert (Counter(1) == 1) is False
c.reset()
assert not c and c.count == 0
assert c.increment.__doc__ == "Adds `by`."
assert c.increment.__text_signature__ == "($self, by=1)"
assert Counter.__doc__ == "Counts up."
assert Counter.__module__ == "macros_pyclass"
class Sub(Counter):
    pass
assert Sub(3).increment() == 4 and Sub.kind() == "Sub"
import weakref
assert weakref.ref(c)() is c
assert list(Countdown(3)) == [3, 2, 1]
"#,
        );
    });
}

#[test]
fn class_options() {
    Python::attach(|py| {
        run(
            py,
            r#"
p = Point(1, 2)
assert (p.x, p.y) == (1, 2) and str(p) == "Point(1, 2)"
assert Point(1, 2) == Point(1, 2) and Point(1, 2) < Point(1, 3) and Point(2, 0) > Point(1, 9)
assert hash(Point(1, 2)) == hash(Point(1, 2)) and len({Point(1, 2), Point(1, 2)}) == 1
try:
    p.x = 3
    raise AssertionError
except AttributeError:
    pass
n = Named("t")
assert n.title == "t" and n.count == 10 and n.base_count() == 10 and n.increment() == 11
n.title = "u"
n.anything = 5
assert n.anything == 5
assert isinstance(n, Counter)
assert Color.Red == Color.Red and Color.Red != Color.BLUE and Color.Green == 10 and Color.Red == 0
assert repr(Color.Green) == "Color.Green" and repr(Color.BLUE) == "Color.BLUE" and int(Color.BLUE) == 11
s = Settings.__new__ if False else None
"#,
        );
    });
}

/// `__dict__` needs `PyObject_GenericGetDict`, which the limited API has from 3.10.
#[test]
#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
fn dict_classes_expose_their_dict() {
    Python::attach(|py| {
        run(py, "n = Named('t')\nn.anything = 5\nassert n.__dict__ == {'anything': 5}");
    });
}

#[test]
fn extraction_by_clone_and_errors() {
    Python::attach(|py| {
        let settings = Py::new(py, Settings { level: 3 }).unwrap();
        let globals = run(py, "");
        globals.set_item("s", &settings).unwrap();
        py.run(c"s.level = 7\nout = level_of(s)", Some(&globals), None).unwrap();
        assert_eq!(globals.get_item("out").unwrap().unwrap().extract::<u8>().unwrap(), 7);
        // Fetching a PanicException in Rust resumes the panic, so catch it in Python.
        py.run(
            c"try:\n    Counter(1).boom()\nexcept BaseException as e:\n    assert type(e).__name__ == 'PanicException', e",
            Some(&globals),
            None,
        )
        .unwrap();
        // A conflicting borrow raises instead of aliasing.
        let c = Py::new(py, Counter { count: 1, name: "x".into() }).unwrap();
        let held = c.borrow_mut(py);
        globals.set_item("c", &c).unwrap();
        let err = py.run(c"c.peek()", Some(&globals), None).unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(err.value(py).to_string(), "Already mutably borrowed");
        drop(held);
        py.run(c"assert c.peek() == 1", Some(&globals), None).unwrap();
        let err = py.run(c"c.call_back(lambda: c.increment())", Some(&globals), None).unwrap_err();
        assert_eq!(err.value(py).to_string(), "Already borrowed");
        // `#[new]`'s argument errors are the extraction's, with a note naming the argument.
        let err = py.run(c"Counter('x')", Some(&globals), None).unwrap_err();
        assert_eq!(err.value(py).to_string(), "'str' object cannot be interpreted as an integer");
        let notes: Vec<String> = err.value(py).getattr("__notes__").unwrap().extract().unwrap();
        assert_eq!(notes, ["while processing 'start'"]);
        // A `set` field's conversion error is noted with the Rust field's name.
        let err = py.run(c"Counter(1).label = 5", Some(&globals), None).unwrap_err();
        assert_eq!(err.value(py).to_string(), "'int' object is not an instance of 'str'");
        let notes: Vec<String> = err.value(py).getattr("__notes__").unwrap().extract().unwrap();
        assert_eq!(notes, ["while processing 'name'"]);
        let err = py.run(c"Counter(2**70)", Some(&globals), None).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
        let notes: Vec<String> = err.value(py).getattr("__notes__").unwrap().extract().unwrap();
        assert_eq!(notes, ["while processing 'start'"]);
    });
}

/// Reads through a `PyClassGuard` argument (a borrow without a reference).
#[pyfunction]
fn guarded_count(c: PyClassGuard<'_, Counter>) -> i64 {
    c.count
}

/// Writes through a `PyClassGuardMut` argument.
#[pyfunction]
fn guarded_bump(mut c: PyClassGuardMut<'_, Counter>) -> i64 {
    c.count += 10;
    c.count
}

#[test]
fn class_guards() {
    Python::attach(|py| {
        let counter = Bound::new(py, Counter { count: 1, name: "g".into() }).unwrap();
        {
            let guard = PyClassGuard::try_from(&counter).unwrap();
            assert_eq!(guard.count, 1);
            // A shared guard excludes a mutable one, not another shared one.
            assert!(PyClassGuardMut::try_from(&counter).is_err());
            assert_eq!(counter.borrow().count, 1);
            assert_eq!(format!("{:?}", guard.count), "1");
        }
        {
            let mut guard = PyClassGuardMut::try_from(&counter).unwrap();
            guard.count = 5;
            let Err(err) = PyClassGuard::try_from(&counter) else { panic!("borrowed twice") };
            assert!(err.is_instance_of::<PyRuntimeError>(py));
            assert_eq!(err.value(py).to_string(), "Already mutably borrowed");
        }
        let any = counter.as_any();
        assert_eq!(any.extract::<PyClassGuard<'_, Counter>>().unwrap().count, 5);
        let f = wrap_pyfunction!(guarded_count, py).unwrap();
        let g = wrap_pyfunction!(guarded_bump, py).unwrap();
        assert_eq!(f.call1((&counter,)).unwrap().extract::<i64>().unwrap(), 5);
        assert_eq!(g.call1((&counter,)).unwrap().extract::<i64>().unwrap(), 15);
        assert_eq!(counter.borrow().count, 15);
        // As receivers.
        assert_eq!(any.call_method0("peek_guarded").unwrap().extract::<i64>().unwrap(), 15);
        assert_eq!(any.call_method0("bump_guarded").unwrap().extract::<i64>().unwrap(), 115);
        let err = f.call1((1,)).unwrap_err();
        assert!(
            err.value(py).to_string().ends_with("'int' object is not an instance of 'Counter'"),
            "{err}"
        );
        let _held = counter.borrow();
        let err = g.call1((&counter,)).unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
    });
}

/// A class whose constructor takes its fields (`new = "from_fields"`), with methods of its own.
#[pyclass(new = "from_fields", get_all)]
struct Made {
    a: i64,
    label: String,
}

#[pymethods]
impl Made {
    fn describe(&self) -> String {
        format!("{}={}", self.label, self.a)
    }
}

/// The same for a tuple struct.
#[pyclass(new = "from_fields")]
struct MadePair(i64, f64);

#[pymethods]
impl MadePair {
    fn total(&self) -> f64 {
        self.0 as f64 + self.1
    }
}

#[test]
fn constructor_from_fields() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals.set_item("Made", py.get_type::<Made>()).unwrap();
        globals.set_item("MadePair", py.get_type::<MadePair>()).unwrap();
        let code = CString::new(
            r#"
m = Made(1, "x")
assert (m.a, m.label, m.describe()) == (1, "x", "x=1")
assert Made(label="y", a=2).describe() == "y=2"
try:
    Made(1)
except TypeError as e:
    assert str(e) == "Made.__new__() missing 1 required positional argument: 'label'", str(e)
else:
    raise AssertionError("no error")
import sys
if sys.implementation.name == "cpython" and sys.version_info >= (3, 10):
    assert Made.__text_signature__ == "(a, label)", Made.__text_signature__
p = MadePair(1, 2.5)
assert type(p) is MadePair and p.total() == 3.5
assert MadePair(_0=2, _1=0.5).total() == 2.5
"#,
        )
        .unwrap();
        py.run(&code, Some(&globals), None).unwrap_or_else(|e| panic!("{e}"));
    });
}
