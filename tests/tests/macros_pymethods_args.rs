//! Parameters of `#[pyfunction]`s and `#[pymethods]` that borrow a `#[pyclass]` (`&T`,
//! `&mut T`, `Option<&T>`, `&Self` in special methods, borrow conflicts), `#[new]` with
//! `#[classmethod]`, integer counts of `__repeat__`, `#[pyo3(crate)]` on a `#[pymethods]`
//! block, user names the expansion must not capture (`A`, `out`, lifetimes), and the class's
//! Python name in argument errors.
#![forbid(unsafe_code)]

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyType};
use std::ffi::CString;

#[pyclass]
struct Tally {
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

    fn give_to(&self, other: &mut Tally) {
        other.n += self.n;
    }

    fn same(&self, other: &Self) -> bool {
        self.n == other.n
    }

    #[pyo3(signature = (other = None))]
    fn or_minus_one(&self, other: Option<&Tally>) -> i64 {
        other.map_or(-1, |t| t.n)
    }

    #[staticmethod]
    fn sum(a: &Tally, b: &Self) -> i64 {
        a.n + b.n
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.n == other.n
    }

    fn __add__(&self, other: &Self) -> Self {
        Tally { n: self.n + other.n }
    }

    fn __iadd__(&mut self, other: &Self) {
        self.n += other.n;
    }

    fn __contains__(&self, other: &Self) -> bool {
        other.n <= self.n
    }
}

#[pyclass(frozen)]
struct Version(u32);

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

#[pyfunction]
fn total(a: &Tally, b: &mut Tally) -> i64 {
    b.n += 1;
    a.n + b.n
}

#[pyfunction]
#[pyo3(signature = (t = None))]
fn reset(t: Option<&mut Tally>) -> bool {
    t.map(|t| t.n = 0).is_some()
}

/// Built by `#[new]` with `#[classmethod]`: records the class it was made for.
#[pyclass(subclass)]
struct Made {
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

/// A sequence whose repetition counts are unsigned.
#[pyclass(sequence)]
struct Items {
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

    fn __getitem__(&self, i: usize) -> PyResult<i64> {
        self.items.get(i).copied().ok_or_else(|| PyIndexError::new_err("out of range"))
    }

    fn __inplace_repeat__(&mut self, n: u8) {
        self.items = self.items.repeat(usize::from(n));
    }
}

/// `#[pyo3(crate = "pyo3")]` on the block (the crate is imported as `pyo3` here).
#[pyclass]
#[pyo3(crate = "pyo3")]
struct Crated;

#[pymethods]
#[pyo3(crate = "pyo3")]
impl Crated {
    #[new]
    fn new() -> Self {
        Crated
    }

    fn ok(&self) -> bool {
        true
    }
}

/// A class whose Python name differs from its Rust name.
#[pyclass(name = "Pt")]
struct Point {
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

    #[pyo3(name = "renamed", signature = (a, *, b))]
    fn rust_name(&self, a: i64, b: i64) -> i64 {
        a + b
    }

    #[staticmethod]
    fn stat(a: i64) -> i64 {
        a
    }

    fn __call__(&self, a: i64) -> i64 {
        a
    }
}

/// Names the expansion must not capture: a type `A`, locals and statics it might declare, and
/// the user's own lifetimes.
#[allow(non_upper_case_globals)]
mod hygiene {
    use pyo3::prelude::*;

    pub const out: i64 = 1;
    pub const result: i64 = 2;
    pub const args: i64 = 3;
    pub const slf: i64 = 4;
    pub const extra: i64 = 5;
    pub const DESCRIPTION: i64 = 6;

    #[pyclass]
    pub struct A {}

    #[pymethods]
    impl A {
        #[new]
        fn new() -> Self {
            A {}
        }

        fn m(&self) -> i64 {
            out + result
        }

        #[pyo3(signature = (x = DESCRIPTION + args))]
        fn with_default(&self, x: i64) -> i64 {
            x
        }

        fn other(&self, o: &A) -> bool {
            std::ptr::eq(self, o)
        }
    }

    #[pyfunction]
    #[pyo3(signature = (a, n = slf + extra))]
    pub fn takes_a(a: PyRef<'_, A>, n: i64) -> i64 {
        a.m() + n
    }

    #[pyfunction]
    pub fn same_object<'py>(x: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
        x.clone()
    }

    // `&str` parameters need 3.10's limited API (as in PyO3).
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    #[pyfunction]
    pub fn first<'a>(s: &'a str, _t: &'a str) -> &'a str {
        s
    }
}

/// The new parameter kinds compile without the prelude (the macro output names every path).
#[no_implicit_prelude]
mod without_prelude {
    #[::pyo3::pyclass(sequence)]
    pub struct Bare {
        n: usize,
    }

    #[::pyo3::pymethods]
    impl Bare {
        #[new]
        #[classmethod]
        fn new(_cls: &::pyo3::Bound<'_, ::pyo3::types::PyType>, n: usize) -> Self {
            Bare { n }
        }

        fn take(&mut self, other: &Self, more: ::std::option::Option<&Bare>) -> usize {
            self.n += other.n + more.map_or(0, |m| m.n);
            self.n
        }

        fn __len__(&self) -> usize {
            self.n
        }

        fn __repeat__(&self, k: u32) -> Self {
            Bare { n: self.n * k as usize }
        }

        fn __add__(&self, other: &Self) -> Self {
            Bare { n: self.n + other.n }
        }

        fn __richcmp__(&self, other: &Self, op: ::pyo3::pyclass::CompareOp) -> bool {
            op.matches(::std::cmp::Ord::cmp(&self.n, &other.n))
        }
    }

    #[::pyo3::pyfunction]
    pub fn bare_len(b: &mut Bare) -> usize {
        b.n
    }
}

fn run(py: Python<'_>, code: &str) {
    let globals = PyDict::new(py);
    globals.set_item("Tally", py.get_type::<Tally>()).unwrap();
    globals.set_item("Version", py.get_type::<Version>()).unwrap();
    globals.set_item("Made", py.get_type::<Made>()).unwrap();
    globals.set_item("Items", py.get_type::<Items>()).unwrap();
    globals.set_item("Crated", py.get_type::<Crated>()).unwrap();
    globals.set_item("Pt", py.get_type::<Point>()).unwrap();
    globals.set_item("A", py.get_type::<hygiene::A>()).unwrap();
    globals.set_item("Bare", py.get_type::<without_prelude::Bare>()).unwrap();
    globals.set_item("bare_len", wrap_pyfunction!(without_prelude::bare_len, py).unwrap()).unwrap();
    globals.set_item("total", wrap_pyfunction!(total, py).unwrap()).unwrap();
    globals.set_item("reset", wrap_pyfunction!(reset, py).unwrap()).unwrap();
    globals.set_item("takes_a", wrap_pyfunction!(hygiene::takes_a, py).unwrap()).unwrap();
    globals.set_item("same_object", wrap_pyfunction!(hygiene::same_object, py).unwrap()).unwrap();
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    globals.set_item("first", wrap_pyfunction!(hygiene::first, py).unwrap()).unwrap();
    let code = CString::new(format!("import re\n{code}")).unwrap();
    py.run(&code, Some(&globals), None).unwrap_or_else(|e| {
        e.print(py);
        panic!("{e}")
    });
}

/// Asserts in Python that `stmt` raises `exc` with a message matching `pattern` at its end.
const RAISES: &str = r#"
def raises(exc, pattern, f, *a, **kw):
    try:
        f(*a, **kw)
    except exc as e:
        assert re.search(pattern + "$", str(e)), (type(e), str(e))
        return e
    raise AssertionError(f"{exc.__name__} not raised")
"#;

#[test]
fn class_references_as_parameters() {
    Python::attach(|py| {
        run(
            py,
            &format!(
                "{RAISES}{}",
                r#"
a, b = Tally(2), Tally(5)
a.add_from(b)
assert a.n == 7 and b.n == 5
a.give_to(b)
assert b.n == 12
assert a.same(Tally(7)) and not a.same(b)
assert a.or_minus_one(b) == 12 and a.or_minus_one(None) == -1 and a.or_minus_one() == -1
assert Tally.sum(a, b) == 19
assert total(a, b) == 20 and b.n == 13
assert reset(b) and b.n == 0 and not reset(None) and not reset()
raises(TypeError, "'int' object is not an instance of 'Tally'", total, 1, b)
raises(TypeError, "'str' object is not an instance of 'Tally'", a.add_from, "x")
raises(TypeError, "'int' object is not an instance of 'Tally'", a.or_minus_one, 3)
"#
            ),
        );
    });
}

#[test]
fn conflicting_borrows_raise_runtime_error() {
    Python::attach(|py| {
        run(
            py,
            &format!(
                "{RAISES}{}",
                r#"
t = Tally(1)
raises(RuntimeError, "^Already borrowed", t.give_to, t)
raises(RuntimeError, "^Already mutably borrowed", t.add_from, t)
raises(RuntimeError, "^Already borrowed", total, t, t)
assert t.n == 1
assert t.same(t) and Tally.sum(t, t) == 2
"#
            ),
        );
    });
}

#[test]
fn self_in_special_methods() {
    Python::attach(|py| {
        run(
            py,
            &format!(
                "{RAISES}{}",
                r#"
assert Tally(3) == Tally(3) and Tally(3) != Tally(4)
assert (Tally(3) == 3) is False and (Tally(3) != "x") is True
assert (Tally(2) + Tally(3)).n == 5
raises(TypeError, r"unsupported operand type\(s\) for \+: '(builtins\.)?Tally' and 'int'", lambda: Tally(1) + 1)
t = Tally(1)
t += Tally(4)
assert t.n == 5
u = Tally(1)
v = u
u += u
# A conflicting borrow answers NotImplemented: Python falls back to `__add__`.
assert v.n == 1 and u.n == 2
assert Tally(1) in Tally(2) and Tally(3) not in Tally(2)
raises(TypeError, "'int' object is not an instance of 'Tally'", lambda: 1 in Tally(2))
assert Version(1) < Version(2) and Version(2) >= Version(2) and Version(1) != Version(2)
assert (Version(1) == 1) is False
raises(TypeError, r"'<' not supported between instances of '(builtins\.)?Version' and 'int'", lambda: Version(1) < 1)
"#
            ),
        );
    });
}

#[test]
fn new_with_classmethod_receives_the_class() {
    Python::attach(|py| {
        run(
            py,
            r#"
m = Made(5)
assert (m.by, m.x) == ("Made", 5) and Made().x == 1
class Sub(Made):
    pass
s = Sub(x=2)
assert type(s) is Sub and (s.by, s.x) == ("Sub", 2)
"#,
        );
    });
}

#[test]
fn repeat_counts_extract_as_any_integer() {
    Python::attach(|py| {
        run(
            py,
            &format!(
                "{RAISES}{}",
                r#"
s = Items([1, 2])
assert (s * 2).items == [1, 2, 1, 2] and (2 * s).items == [1, 2, 1, 2] and (s * 0).items == []
raises(OverflowError, "(can't|cannot) convert negative int(eger)? to unsigned( int)?", lambda: s * -1)
alias = s
s *= 2
assert alias.items == [1, 2, 1, 2]
def irepeat(n):
    t = Items([1])
    t *= n
raises(OverflowError, "", irepeat, 300)
raises(OverflowError, "", irepeat, -1)
# Indexes reach `__getitem__` as the `int` given (also through `sq_item`, for iteration).
s = Items([1, 2])
assert s[1] == 2 and list(Items([4, 5])) == [4, 5]
raises(OverflowError, "(can't|cannot) convert negative int(eger)? to unsigned( int)?", lambda: s[-1])
"#
            ),
        );
    });
}

#[test]
fn hygiene_and_crate_option() {
    Python::attach(|py| {
        run(
            py,
            r#"
a = A()
assert a.m() == 3 and a.with_default() == 9 and a.other(a) is True and a.other(A()) is False
assert takes_a(a) == 12 and takes_a(a, 0) == 3
o = object()
assert same_object(o) is o and ("first" not in globals() or first("x", "y") == "x")
assert Crated().ok()
b = Bare(2)
assert b.take(Bare(3), None) == 5 and b.take(Bare(1), Bare(1)) == 7 and len(b * 2) == 14
assert (b + Bare(1)).take(Bare(0), None) == 8 and Bare(1) < Bare(2) and bare_len(b) == 7
"#,
        );
    });
}

#[test]
fn argument_errors_name_the_python_class() {
    Python::attach(|py| {
        run(
            py,
            &format!(
                "{RAISES}{}",
                r#"
raises(TypeError, r"^Pt.__new__\(\) got an unexpected keyword argument 'z'", Pt, 1, z=2)
raises(TypeError, r"^Pt.__new__\(\) missing 1 required positional argument: 'x'", Pt)
raises(TypeError, r"^Pt.__new__\(\) takes 1 positional argument but 2 were given", Pt, 1, 2)
p = Pt(1)
raises(TypeError, r"^Pt.sig\(\) missing 1 required positional argument: 'a'", p.sig)
raises(TypeError, r"^Pt.sig\(\) got multiple values for argument 'a'", p.sig, 1, a=2)
raises(TypeError, r"^Pt.renamed\(\) missing 1 required keyword argument: 'b'", p.renamed, 1)
raises(TypeError, r"^Pt.stat\(\) takes 1 positional argument but 2 were given", Pt.stat, 1, 2)
raises(TypeError, r"^Pt.__call__\(\) got an unexpected keyword argument 'b'", p, b=1)
"#
            ),
        );
    });
}
