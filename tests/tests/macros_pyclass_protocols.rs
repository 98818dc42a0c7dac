//! The class protocols of `#[pymethods]` through an embedded interpreter: numeric operators
//! with their reflected and in-place forms (`NotImplemented` when an operand does not extract),
//! ternary `pow`, unary operators and `__float__`, individual comparisons, sequence
//! concatenation and repetition, item assignment and deletion, attribute hooks, descriptors,
//! awaitables and async iterators, `__init__`, and `#[deleter]`.
#![forbid(unsafe_code)]

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::collections::HashMap;
use std::ffi::CString;

/// A number with every operator.
#[pyclass(module = "protocols")]
#[derive(Clone)]
struct Num {
    #[pyo3(get)]
    v: i64,
}

#[pymethods]
impl Num {
    #[new]
    fn new(v: i64) -> Self {
        Num { v }
    }
    fn __repr__(&self) -> String {
        format!("Num({})", self.v)
    }
    fn __add__(&self, other: i64) -> Num {
        Num { v: self.v + other }
    }
    fn __radd__(&self, other: i64) -> String {
        format!("radd {other}")
    }
    fn __sub__(&self, other: PyRef<'_, Num>) -> i64 {
        self.v - other.v
    }
    fn __rsub__(&self, other: i64) -> i64 {
        other - self.v
    }
    fn __mul__(&self, other: i64) -> i64 {
        self.v * other
    }
    fn __matmul__(&self, other: i64) -> String {
        format!("matmul {other}")
    }
    fn __rmatmul__(&self, other: i64) -> String {
        format!("rmatmul {other}")
    }
    fn __truediv__(&self, other: f64) -> f64 {
        self.v as f64 / other
    }
    fn __floordiv__(&self, other: i64) -> i64 {
        self.v.div_euclid(other)
    }
    fn __mod__(&self, other: i64) -> i64 {
        self.v.rem_euclid(other)
    }
    fn __divmod__(&self, other: i64) -> (i64, i64) {
        (self.v.div_euclid(other), self.v.rem_euclid(other))
    }
    fn __rdivmod__(&self, other: i64) -> (i64, i64) {
        (other.div_euclid(self.v), other.rem_euclid(self.v))
    }
    fn __lshift__(&self, other: u32) -> i64 {
        self.v << other
    }
    fn __rshift__(&self, other: u32) -> i64 {
        self.v >> other
    }
    fn __rlshift__(&self, other: i64) -> i64 {
        other << self.v
    }
    fn __and__(&self, other: i64) -> i64 {
        self.v & other
    }
    fn __or__(&self, other: i64) -> i64 {
        self.v | other
    }
    fn __xor__(&self, other: i64) -> i64 {
        self.v ^ other
    }
    fn __rxor__(&self, other: i64) -> String {
        format!("rxor {other}")
    }
    fn __pow__(&self, other: u32, modulo: Option<i64>) -> i64 {
        let p = self.v.pow(other);
        modulo.map_or(p, |m| p % m)
    }
    fn __rpow__(&self, other: i64, _modulo: Option<i64>) -> String {
        format!("rpow {other}")
    }
    fn __iadd__(&mut self, other: i64) {
        self.v += other;
    }
    fn __isub__(&mut self, other: i64) -> PyResult<()> {
        if other < 0 {
            return Err(PyValueError::new_err("negative"));
        }
        self.v -= other;
        Ok(())
    }
    fn __imul__(&mut self, other: i64) {
        self.v *= other;
    }
    fn __ipow__(&mut self, other: u32, _modulo: Option<i64>) {
        self.v = self.v.pow(other);
    }
    fn __ior__(&mut self, other: i64) {
        self.v |= other;
    }
    fn __neg__(&self) -> Num {
        Num { v: -self.v }
    }
    fn __pos__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __abs__(&self) -> i64 {
        self.v.abs()
    }
    fn __invert__(&self) -> i64 {
        !self.v
    }
    fn __float__(&self) -> f64 {
        self.v as f64 + 0.5
    }
    fn __lt__(&self, other: PyRef<'_, Num>) -> bool {
        self.v < other.v
    }
    fn __eq__(&self, other: i64) -> bool {
        self.v == other
    }
    fn __ge__(&self, other: PyRef<'_, Num>) -> bool {
        self.v >= other.v
    }
}

/// A mapping with item assignment and deletion, concatenation and repetition.
#[pyclass(mapping)]
#[derive(Default)]
struct Store {
    items: HashMap<String, i64>,
    log: Vec<String>,
}

#[pymethods]
impl Store {
    #[new]
    fn new() -> Self {
        Store::default()
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, key: String) -> PyResult<i64> {
        self.items.get(&key).copied().ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }
    fn __setitem__(&mut self, key: String, value: i64) {
        self.items.insert(key, value);
    }
    fn __delitem__(&mut self, key: String) -> PyResult<()> {
        self.items.remove(&key).map(drop).ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }
    fn __concat__(&self, other: Vec<String>) -> Vec<String> {
        let mut keys: Vec<String> = self.items.keys().cloned().collect();
        keys.sort();
        keys.extend(other);
        keys
    }
    fn __repeat__(&self, count: isize) -> String {
        "s".repeat(count.max(0) as usize)
    }
    fn __getattr__(&self, name: String) -> PyResult<String> {
        if name.starts_with("dyn_") {
            Ok(name.to_uppercase())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(format!("no {name}")))
        }
    }
    fn __setattr__(&mut self, name: String, value: i64) {
        self.log.push(format!("set {name}={value}"));
    }
    fn __delattr__(&mut self, name: String) {
        self.log.push(format!("del {name}"));
    }
    fn log(&self) -> Vec<String> {
        self.log.clone()
    }
}

/// Only `__setitem__`: deletion is refused.
#[pyclass]
struct WriteOnly;

#[pymethods]
impl WriteOnly {
    #[new]
    fn new() -> Self {
        WriteOnly
    }
    fn __setitem__(&self, _key: i64, _value: i64) {}
    fn __getattribute__(&self, name: String) -> String {
        format!("always {name}")
    }
}

/// A descriptor recording what it is given.
#[pyclass]
struct Field {
    value: Option<i64>,
}

#[pymethods]
impl Field {
    #[new]
    fn new() -> Self {
        Field { value: None }
    }
    fn __get__(
        slf: PyRef<'_, Self>,
        instance: Option<Bound<'_, PyAny>>,
        _owner: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        match instance {
            None => Ok(slf.into_pyobject(py)?.into_any().unbind()),
            Some(_) => Ok(slf.value.into_pyobject(py)?.unbind()),
        }
    }
    fn __set__(&mut self, _instance: Bound<'_, PyAny>, value: i64) {
        self.value = Some(value);
    }
    fn __delete__(&mut self, _instance: Bound<'_, PyAny>) {
        self.value = None;
    }
}

/// An async iterator counting down, and an awaitable.
#[pyclass]
struct Ticker {
    left: u32,
}

#[pymethods]
impl Ticker {
    #[new]
    fn new(left: u32) -> Self {
        Ticker { left }
    }
    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __anext__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        // A finished future: awaiting it gives the value.
        let fut = py.import("asyncio")?.call_method0("Future")?;
        fut.call_method1("set_result", (self.left,))?;
        Ok(Some(fut.unbind()))
    }
    fn __await__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        // A generator that yields nothing and returns the value.
        let gen = py.eval(c"(lambda v: (yield from ()) or v)", None, None)?;
        Ok(gen.call1((self.left * 10,))?.unbind())
    }
}

/// `__init__` after `#[new]`, and a property with a deleter.
#[pyclass(subclass)]
struct Person {
    name: Option<String>,
    inits: u32,
}

#[pymethods]
impl Person {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(_args: Bound<'_, pyo3::types::PyTuple>, _kwargs: Option<Bound<'_, PyDict>>) -> Self {
        Person { name: None, inits: 0 }
    }
    #[pyo3(signature = (name, suffix = None))]
    fn __init__(&mut self, name: String, suffix: Option<String>) {
        self.name = Some(name + suffix.as_deref().unwrap_or(""));
        self.inits += 1;
    }
    #[getter]
    fn name(&self) -> Option<String> {
        self.name.clone()
    }
    #[setter]
    fn set_name(&mut self, value: String) {
        self.name = Some(value);
    }
    #[deleter]
    fn delete_name(&mut self) {
        self.name = None;
    }
    #[getter]
    fn inits(&self) -> u32 {
        self.inits
    }
    #[deleter]
    fn delete_inits(&mut self) {
        self.inits = 0;
    }
}

fn run(py: Python<'_>, code: &str) {
    let globals = PyDict::new(py);
    globals.set_item("Num", py.get_type::<Num>()).unwrap();
    globals.set_item("Store", py.get_type::<Store>()).unwrap();
    globals.set_item("WriteOnly", py.get_type::<WriteOnly>()).unwrap();
    globals.set_item("Field", py.get_type::<Field>()).unwrap();
    globals.set_item("Ticker", py.get_type::<Ticker>()).unwrap();
    globals.set_item("Person", py.get_type::<Person>()).unwrap();
    let code = CString::new(code).unwrap();
    py.run(&code, Some(&globals), None).unwrap_or_else(|e| {
        e.print(py);
        panic!("{e}")
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn binary_operators_and_reflection() {
    Python::attach(|py| {
        run(
            py,
            r#"
n = Num(7)
assert repr(n + 3) == "Num(10)"
assert 3 + n == "radd 3"
assert n - Num(2) == 5 and 10 - n == 3
assert n * 3 == 21
assert n @ 2 == "matmul 2" and 2 @ n == "rmatmul 2"
assert n / 2 == 3.5 and n // 2 == 3 and n % 4 == 3
assert divmod(n, 2) == (3, 1) and divmod(15, n) == (2, 1)
assert n << 2 == 28 and n >> 1 == 3 and 1 << n == 128
assert n & 3 == 3 and n | 8 == 15 and n ^ 1 == 6 and 1 ^ n == "rxor 1"
assert n ** 2 == 49 and pow(n, 2, 5) == 4 and 2 ** n == "rpow 2"
# Operands that do not extract give NotImplemented, so Python raises TypeError.
for expr in ["n + 'x'", "'x' + n", "n * 'x'", "n - 3", "n @ 'x'", "n ** 'x'", "n / 'x'", "n >> -1"]:
    try:
        eval(expr)
    except TypeError as e:
        assert "unsupported operand" in str(e) or "concatenate" in str(e) or "multiply" in str(e), (expr, e)
    else:
        raise AssertionError(expr)
# Without a reflected method the slot answers NotImplemented for the right operand.
try:
    3 * n
except TypeError as e:
    assert "unsupported operand type(s) for *: 'int' and 'protocols.Num'" in str(e), e
else:
    raise AssertionError
assert n.__add__(1).v == 8 and n.__radd__(1) == "radd 1"
assert n.__mul__("x") is NotImplemented
"#,
        );
    });
}

#[test]
fn inplace_unary_and_comparisons() {
    Python::attach(|py| {
        run(
            py,
            r#"
n = Num(2)
m = n
n += 3
assert n is m and n.v == 5
n -= 1
assert n is m and n.v == 4
try:
    n -= -1
except ValueError as e:
    assert str(e) == "negative"
else:
    raise AssertionError
n *= 3
n **= 2
n |= 1
assert n is m and n.v == 145
# An in-place operand that does not extract falls back to the binary operator.
k = Num(1)
k += "x" if False else 2
assert k.v == 3
try:
    k *= "x"
except TypeError:
    pass
else:
    raise AssertionError
r = k
r //= 2
assert r is not k and r == 1
assert repr(-Num(3)) == "Num(-3)" and abs(Num(-4)) == 4 and ~Num(5) == -6
p = Num(9)
assert +p is p
assert float(Num(1)) == 1.5
assert Num(1) < Num(2) and not (Num(3) < Num(2))
assert Num(2) >= Num(2) and Num(2) <= Num(3)  # `<=` reflects to `>=`
assert Num(4) == 4 and Num(4) != 5 and not (Num(4) != 4)
assert (Num(4) == "x") is False and Num(4) != "x"
try:
    Num(1) > Num(2) if False else Num(1) > 3
except TypeError as e:
    assert "'>' not supported" in str(e), e
else:
    raise AssertionError
"#,
        );
    });
}

#[test]
fn mapping_items_and_attributes() {
    Python::attach(|py| {
        run(
            py,
            r#"
s = Store()
s["a"] = 1
s["b"] = 2
assert len(s) == 2 and s["a"] == 1
del s["a"]
assert len(s) == 1
try:
    del s["zz"]
except KeyError as e:
    assert e.args == ("zz",)
else:
    raise AssertionError
try:
    s["c"] = "x"
except TypeError as e:
    assert str(e) == "'str' object cannot be interpreted as an integer", e
    assert e.__notes__ == ["while processing 'value'"], e.__notes__
else:
    raise AssertionError
import operator
assert operator.concat(s, ["z"]) == ["b", "z"]
assert s * 3 == "sss"
assert s.dyn_x == "DYN_X"
try:
    s.other
except AttributeError as e:
    assert str(e) == "no other"
else:
    raise AssertionError
assert s.log() == []
s.foo = 4
del s.bar
assert s.log() == ["set foo=4", "del bar"]

w = WriteOnly()
w[1] = 2
try:
    del w[1]
except NotImplementedError as e:
    assert str(e) == "can't delete item"
else:
    raise AssertionError
assert w.anything == "always anything"
"#,
        );
    });
}

#[test]
fn descriptors() {
    Python::attach(|py| {
        run(
            py,
            r#"
class Owner:
    f = Field()

o = Owner()
assert isinstance(Owner.f, Field)
assert o.f is None
o.f = 5
assert o.f == 5
del o.f
assert o.f is None
try:
    o.f = "x"
except TypeError:
    pass
else:
    raise AssertionError
"#,
        );
    });
}

#[test]
fn async_iteration_and_await() {
    Python::attach(|py| {
        run(
            py,
            r#"
import asyncio

async def main():
    got = [x async for x in Ticker(3)]
    assert got == [2, 1, 0], got
    assert await Ticker(4) == 40
    return "done"

assert asyncio.run(main()) == "done"
"#,
        );
    });
}

#[test]
fn init_subclassing_and_deleter() {
    Python::attach(|py| {
        run(
            py,
            r#"
p = Person("ann")
assert p.name == "ann" and p.inits == 1
p.__init__("bob", suffix="!")
assert p.name == "bob!" and p.inits == 2
try:
    Person()
except TypeError as e:
    assert "missing 1 required positional argument: 'name'" in str(e), e
else:
    raise AssertionError

class Child(Person):
    def __init__(self, first, last):
        super().__init__(first + " " + last)
        self_extra = True

c = Child("a", "b")
assert c.name == "a b" and c.inits == 1

p.name = "carl"
assert p.name == "carl"
del p.name
assert p.name is None
del p.inits
assert p.inits == 0
try:
    p.inits = 3
except AttributeError as e:
    assert str(e) == "can't set attribute"
else:
    raise AssertionError
"#,
        );
    });
}
