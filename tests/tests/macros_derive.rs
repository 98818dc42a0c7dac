//! `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` and `#[derive(IntoPyObjectRef)]`
//! through an embedded interpreter: every field source, defaults, renames, transparent and
//! tuple containers, enums tried in order with their combined error.
#![forbid(unsafe_code)]

use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::borrow::Cow;
use std::ffi::CString;

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap_or_else(|e| panic!("{code:?}: {e}"))
}

#[derive(Debug, PartialEq, FromPyObject)]
struct ByAttribute {
    real: f64,
    #[pyo3(attribute("imag"))]
    imaginary: f64,
}

#[derive(Debug, PartialEq, FromPyObject)]
#[pyo3(from_item_all)]
struct ByItem {
    name: String,
    #[pyo3(default)]
    count: u32,
    #[pyo3(item("weird key"), default = 7)]
    other: i64,
}

#[derive(Debug, PartialEq, FromPyObject)]
#[pyo3(rename_all = "camelCase")]
struct Renamed {
    #[pyo3(item)]
    first_name: String,
    #[pyo3(item, from_py_with = double)]
    some_value: i64,
}

fn double(obj: &Bound<'_, PyAny>) -> PyResult<i64> {
    Ok(obj.extract::<i64>()? * 2)
}

#[derive(Debug, PartialEq, FromPyObject)]
struct Newtype(String);

#[derive(Debug, PartialEq, FromPyObject)]
#[pyo3(transparent)]
struct Wrapper {
    inner: Vec<u8>,
}

#[derive(Debug, PartialEq, FromPyObject)]
struct Pair(i32, String);

#[derive(Debug, PartialEq, FromPyObject)]
enum Shape {
    #[pyo3(transparent, annotation = "int")]
    Int(i64),
    Point(i64, i64),
    #[pyo3(annotation = "dict with 'radius'")]
    Circle {
        #[pyo3(item)]
        radius: f64,
    },
}

#[derive(Debug, PartialEq, FromPyObject)]
struct Generic<T> {
    #[pyo3(item)]
    value: T,
}

#[test]
fn structs_extract_from_every_source() {
    Python::attach(|py| {
        let c: ByAttribute = eval(py, "1.5+2j").extract().unwrap();
        assert_eq!(c, ByAttribute { real: 1.5, imaginary: 2.0 });
        let item: ByItem = eval(py, "{'name': 'x', 'weird key': 3}").extract().unwrap();
        assert_eq!(item, ByItem { name: "x".into(), count: 0, other: 3 });
        let item: ByItem = eval(py, "{'name': 'y', 'count': 2}").extract().unwrap();
        assert_eq!(item, ByItem { name: "y".into(), count: 2, other: 7 });
        let r: Renamed = eval(py, "{'firstName': 'Ada', 'someValue': 21}").extract().unwrap();
        assert_eq!(r, Renamed { first_name: "Ada".into(), some_value: 42 });
        assert_eq!(eval(py, "'abc'").extract::<Newtype>().unwrap(), Newtype("abc".into()));
        assert_eq!(
            eval(py, "b'ab'").extract::<Wrapper>().unwrap(),
            Wrapper { inner: vec![97, 98] }
        );
        assert_eq!(eval(py, "(1, 'a')").extract::<Pair>().unwrap(), Pair(1, "a".into()));
        assert_eq!(
            eval(py, "{'value': [1]}").extract::<Generic<Vec<i32>>>().unwrap(),
            Generic { value: vec![1] }
        );
    });
}

#[test]
fn struct_errors_name_the_field() {
    Python::attach(|py| {
        // A failed lookup raises its own error, as in PyO3; a failed extraction names the field.
        let e = eval(py, "{'count': 1}").extract::<ByItem>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyKeyError>(py));
        assert_eq!(e.value(py).to_string(), "'name'");
        let e = eval(py, "{'name': 1}").extract::<ByItem>().unwrap_err();
        assert_eq!(e.value(py).to_string(), "failed to extract field ByItem.name");
        assert!(e.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        let e = eval(py, "(1, 2, 3)").extract::<Pair>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert_eq!(
            e.value(py).to_string(),
            "expected tuple of length 2, but got tuple of length 3"
        );
        let e = eval(py, "(1,)").extract::<Pair>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert_eq!(
            e.value(py).to_string(),
            "expected tuple of length 2, but got tuple of length 1"
        );
        let e = eval(py, "[1, 'a']").extract::<Pair>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        let e = eval(py, "(1, 2)").extract::<Pair>().unwrap_err();
        assert_eq!(e.value(py).to_string(), "failed to extract field Pair.1");
        let e = eval(py, "'s'").extract::<ByAttribute>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyAttributeError>(py));
        assert!(e.value(py).to_string().contains("'real'"), "{}", e.value(py));
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: its error messages differ from CPython's")]
fn enums_try_variants_in_order() {
    Python::attach(|py| {
        assert_eq!(eval(py, "5").extract::<Shape>().unwrap(), Shape::Int(5));
        assert_eq!(eval(py, "(1, 2)").extract::<Shape>().unwrap(), Shape::Point(1, 2));
        assert_eq!(
            eval(py, "{'radius': 2.5}").extract::<Shape>().unwrap(),
            Shape::Circle { radius: 2.5 }
        );
        let e = eval(py, "'nope'").extract::<Shape>().unwrap_err();
        let message = e.value(py).to_string();
        assert!(e.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        assert!(
            message
                .starts_with("failed to extract enum Shape ('int | Point | dict with 'radius'')"),
            "{message}"
        );
        assert!(
            message
                .contains("\n- variant Int (int): TypeError: failed to extract field Shape::Int.0"),
            "{message}"
        );
        assert!(
            message.contains(
                "\n- variant Point (Point): TypeError: 'str' object is not an instance of 'tuple'"
            ),
            "{message}"
        );
        assert!(
            message.contains("\n- variant Circle (dict with 'radius'): TypeError: string indices"),
            "{message}"
        );
    });
}

#[derive(IntoPyObject, IntoPyObjectRef, Clone)]
struct Record {
    id: u32,
    #[pyo3(item("display name"))]
    name: String,
    tags: Vec<String>,
}

#[derive(IntoPyObject)]
struct Coordinates(f64, f64);

#[derive(IntoPyObject)]
#[pyo3(transparent)]
struct Id {
    value: u64,
}

#[derive(IntoPyObject)]
enum Value {
    Number(i64),
    Text { text: String },
}

#[test]
fn into_py_object_builds_dicts_tuples_and_values() {
    Python::attach(|py| {
        let record = Record { id: 1, name: "r".into(), tags: vec!["a".into()] };
        let by_ref = (&record).into_pyobject(py).unwrap();
        let owned = record.clone().into_pyobject(py).unwrap();
        for obj in [by_ref, owned] {
            let dict = obj.cast_into::<PyDict>().unwrap();
            assert_eq!(dict.get_item("id").unwrap().unwrap().extract::<u32>().unwrap(), 1);
            assert_eq!(dict.get_item("display name").unwrap().unwrap().to_string(), "r");
            assert_eq!(dict.get_item("tags").unwrap().unwrap().to_string(), "['a']");
        }
        let c = Coordinates(1.0, 2.5).into_pyobject(py).unwrap();
        assert_eq!(c.to_string(), "(1.0, 2.5)");
        assert_eq!(Id { value: 9 }.into_pyobject(py).unwrap().extract::<u64>().unwrap(), 9);
        assert_eq!(Value::Number(3).into_pyobject(py).unwrap().to_string(), "3");
        let t = Value::Text { text: "hi".into() }.into_pyobject(py).unwrap();
        assert_eq!(t.to_string(), "{'text': 'hi'}");
    });
}

#[derive(Debug, PartialEq, FromPyObject, IntoPyObject)]
#[pyo3(rename_all = "UPPERCASE")]
struct Upper {
    #[pyo3(item)]
    first_field: i64,
}

#[derive(Debug, PartialEq, FromPyObject, IntoPyObject)]
#[pyo3(rename_all = "lowercase")]
#[allow(non_snake_case)]
struct Lower {
    #[pyo3(item)]
    Second_Field: i64,
}

#[pyclass(get_all, rename_all = "UPPERCASE")]
struct UpperClass {
    first_field: i64,
}

#[test]
fn upper_and_lower_case_keep_underscores() {
    Python::attach(|py| {
        let u: Upper = eval(py, "{'FIRST_FIELD': 1}").extract().unwrap();
        assert_eq!(u, Upper { first_field: 1 });
        assert_eq!(u.into_pyobject(py).unwrap().to_string(), "{'FIRST_FIELD': 1}");
        let l: Lower = eval(py, "{'second_field': 2}").extract().unwrap();
        assert_eq!(l, Lower { Second_Field: 2 });
        assert_eq!(l.into_pyobject(py).unwrap().to_string(), "{'second_field': 2}");
        let obj = Bound::new(py, UpperClass { first_field: 3 }).unwrap();
        assert_eq!(obj.getattr("FIRST_FIELD").unwrap().extract::<i64>().unwrap(), 3);
    });
}

#[derive(Debug, FromPyObject)]
#[allow(dead_code)]
enum Either {
    Int(i64),
    Str(String),
}

#[derive(Debug, FromPyObject)]
#[allow(dead_code)]
struct Inner {
    #[pyo3(item)]
    y: Vec<i64>,
}

#[derive(Debug, FromPyObject)]
#[allow(dead_code)]
enum Outer {
    E(Either),
    #[pyo3(annotation = "float")]
    F(f64),
    S {
        #[pyo3(item)]
        inner: Inner,
    },
}

fn no_message(_: &Bound<'_, PyAny>) -> PyResult<i64> {
    Err(pyo3::exceptions::PyValueError::new_err(()))
}

#[derive(Debug, FromPyObject)]
#[allow(dead_code)]
enum Quiet {
    A(#[pyo3(from_py_with = no_message)] i64),
}

/// The error of extracting `T` from `obj`, as `Type: message`.
fn error_of<'py, T>(obj: &Bound<'py, PyAny>) -> String
where
    T: for<'a> FromPyObject<'a, 'py, Error = PyErr> + std::fmt::Debug,
{
    let e = obj.extract::<T>().unwrap_err();
    format!("{}: {}", e.get_type(obj.py()).qualname().unwrap(), e.value(obj.py()))
}

#[test]
fn enum_errors_show_every_cause() {
    Python::attach(|py| {
        let obj = eval(py, "1.5");
        let int = error_of::<i64>(&obj);
        let string = error_of::<String>(&obj);
        let e = obj.extract::<Either>().unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        let either = format!(
            "failed to extract enum Either ('Int | Str')\n\
             - variant Int (Int): TypeError: failed to extract field Either::Int.0, caused by {int}\n\
             - variant Str (Str): TypeError: failed to extract field Either::Str.0, caused by {string}"
        );
        assert_eq!(e.value(py).to_string(), either);
        // A nested enum's message is inlined; a struct field's causes are followed to the end.
        let obj = eval(py, "{'inner': {'y': ['a']}}");
        let int = error_of::<i64>(&eval(py, "'a'"));
        let float = error_of::<f64>(&obj);
        let e = obj.extract::<Outer>().unwrap_err();
        let either = error_of::<Either>(&obj);
        assert_eq!(
            e.value(py).to_string(),
            format!(
                "failed to extract enum Outer ('E | float | S')\n\
                 - variant E (E): TypeError: failed to extract field Outer::E.0, caused by {either}\n\
                 - variant F (float): TypeError: failed to extract field Outer::F.0, caused by {float}\n\
                 - variant S (S): TypeError: failed to extract field Outer::S.inner, caused by \
                 TypeError: failed to extract field Inner.y, caused by {int}"
            )
        );
        // An empty message keeps its colon.
        let e = eval(py, "0").extract::<Quiet>().unwrap_err();
        assert_eq!(
            e.value(py).to_string(),
            "failed to extract enum Quiet ('A')\n\
             - variant A (A): TypeError: failed to extract field Quiet::A.0, caused by ValueError: "
        );
    });
}

#[derive(IntoPyObjectRef)]
struct OutOpt {
    c: Option<i64>,
    d: Option<String>,
}

#[test]
fn into_py_object_ref_converts_option_fields() {
    Python::attach(|py| {
        let out = OutOpt { c: Some(1), d: None };
        assert_eq!((&out).into_pyobject(py).unwrap().to_string(), "{'c': 1, 'd': None}");
    });
}

fn into_neg<'py>(v: Cow<'_, i64>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    Ok((-*v).into_pyobject(py)?.into_any())
}

/// Records whether the value came owned or borrowed. (`into_py_with` takes a `Cow` of the
/// field's type, here `String`, which clippy would rather see as `Cow<str>`.)
#[allow(clippy::owned_cow)]
fn how<'py>(v: Cow<'_, String>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let how = match v {
        Cow::Owned(s) => format!("owned {s}"),
        Cow::Borrowed(s) => format!("borrowed {s}"),
    };
    Ok(how.into_pyobject(py)?.into_any())
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct OutWith {
    #[pyo3(into_py_with = into_neg)]
    a: i64,
    b: i64,
    #[pyo3(into_py_with = how)]
    c: String,
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct TupleWith(#[pyo3(into_py_with = into_neg)] i64, #[pyo3(into_py_with = how)] String);

#[derive(IntoPyObject, IntoPyObjectRef)]
enum EnumWith {
    A {
        #[pyo3(into_py_with = into_neg)]
        a: i64,
    },
}

#[test]
fn into_py_with_takes_a_cow() {
    Python::attach(|py| {
        let v = OutWith { a: 1, b: 2, c: "s".into() };
        let by_ref = (&v).into_pyobject(py).unwrap();
        assert_eq!(by_ref.to_string(), "{'a': -1, 'b': 2, 'c': 'borrowed s'}");
        assert_eq!(v.into_pyobject(py).unwrap().to_string(), "{'a': -1, 'b': 2, 'c': 'owned s'}");
        let t = TupleWith(3, "t".into());
        assert_eq!((&t).into_pyobject(py).unwrap().to_string(), "(-3, 'borrowed t')");
        assert_eq!(t.into_pyobject(py).unwrap().to_string(), "(-3, 'owned t')");
        let e = EnumWith::A { a: 4 };
        assert_eq!((&e).into_pyobject(py).unwrap().to_string(), "{'a': -4}");
        assert_eq!(e.into_pyobject(py).unwrap().to_string(), "{'a': -4}");
    });
}

#[derive(Debug, PartialEq, IntoPyObject, IntoPyObjectRef, FromPyObject)]
struct OutGeneric<T> {
    #[pyo3(item)]
    val: T,
}

#[derive(Debug, PartialEq, IntoPyObject, IntoPyObjectRef, FromPyObject)]
enum GenericEnum<T, U> {
    A(T),
    B {
        #[pyo3(item)]
        u: U,
    },
}

#[derive(Debug, PartialEq, IntoPyObject, IntoPyObjectRef, FromPyObject)]
struct GenericPair<T: Clone, const N: usize>(T, [i32; N]);

#[derive(Debug, PartialEq, IntoPyObject, IntoPyObjectRef, FromPyObject)]
struct GenericNewtype<T>(T);

#[test]
fn generic_items_convert_both_ways() {
    Python::attach(|py| {
        let g = OutGeneric { val: "s".to_string() };
        assert_eq!((&g).into_pyobject(py).unwrap().to_string(), "{'val': 's'}");
        let obj = g.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<OutGeneric<String>>().unwrap(), OutGeneric { val: "s".into() });
        let a = GenericEnum::<i32, String>::A(1);
        assert_eq!((&a).into_pyobject(py).unwrap().to_string(), "1");
        let b = GenericEnum::<i32, String>::B { u: "x".into() };
        let obj = b.into_pyobject(py).unwrap();
        assert_eq!(obj.to_string(), "{'u': 'x'}");
        assert_eq!(
            obj.extract::<GenericEnum<i32, String>>().unwrap(),
            GenericEnum::B { u: "x".into() }
        );
        let p = GenericPair(1.5, [1, 2]);
        assert_eq!((&p).into_pyobject(py).unwrap().to_string(), "(1.5, [1, 2])");
        let obj = p.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<GenericPair<f64, 2>>().unwrap(), GenericPair(1.5, [1, 2]));
        let n = GenericNewtype(vec![1]);
        assert_eq!((&n).into_pyobject(py).unwrap().to_string(), "[1]");
        assert_eq!(n.into_pyobject(py).unwrap().to_string(), "[1]");
    });
}

#[derive(Debug, FromPyObject)]
struct WithLifetime<'py> {
    #[pyo3(item)]
    obj: Bound<'py, PyAny>,
}

#[derive(Debug, FromPyObject)]
enum EnumLifetime<'py, T> {
    Text(Bound<'py, pyo3::types::PyString>),
    Other {
        #[pyo3(item)]
        obj: Bound<'py, PyAny>,
        #[pyo3(item)]
        value: T,
    },
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct Holder<'a> {
    obj: Bound<'a, PyAny>,
    name: &'a str,
}

#[test]
fn an_items_lifetime_is_the_py_of_its_fields() {
    Python::attach(|py| {
        let w: WithLifetime<'_> = eval(py, "{'obj': 3}").extract().unwrap();
        assert_eq!(w.obj.extract::<i64>().unwrap(), 3);
        let e: EnumLifetime<'_, u8> = eval(py, "'t'").extract().unwrap();
        assert!(matches!(e, EnumLifetime::Text(s) if s.to_string() == "t"));
        let e: EnumLifetime<'_, u8> = eval(py, "{'obj': None, 'value': 4}").extract().unwrap();
        assert!(matches!(e, EnumLifetime::Other { obj, value: 4 } if obj.is_none()));
        let h = Holder { obj: eval(py, "1"), name: "n" };
        assert_eq!((&h).into_pyobject(py).unwrap().to_string(), "{'obj': 1, 'name': 'n'}");
        assert_eq!(h.into_pyobject(py).unwrap().to_string(), "{'obj': 1, 'name': 'n'}");
    });
}

#[test]
fn outputs_are_typed_as_in_pyo3() {
    use pyo3::types::{PyDict, PyString, PyTuple};
    Python::attach(|py| {
        let record = Record { id: 1, name: "r".into(), tags: vec![] };
        let dict: Bound<'_, PyDict> = (&record).into_pyobject(py).unwrap();
        assert_eq!(dict.len(), 3);
        let dict: Bound<'_, PyDict> = record.into_pyobject(py).unwrap();
        assert_eq!(dict.len(), 3);
        let tuple: Bound<'_, PyTuple> = Coordinates(1.0, 2.0).into_pyobject(py).unwrap();
        assert_eq!(tuple.len(), 2);
        // A transparent struct has its field's output and error types.
        let s: Result<Bound<'_, PyString>, std::convert::Infallible> =
            GenericNewtype("x").into_pyobject(py);
        assert_eq!(s.unwrap().to_string(), "x");
        let n: Bound<'_, pyo3::types::PyInt> = Id { value: 2 }.into_pyobject(py).unwrap();
        assert_eq!(n.to_string(), "2");
        let any: Bound<'_, PyAny> = Value::Number(1).into_pyobject(py).unwrap();
        assert_eq!(any.to_string(), "1");
    });
}

/// Derive output compiles without the prelude (and, as the whole file, without `unsafe`).
#[no_implicit_prelude]
#[allow(dead_code)]
mod without_prelude {
    use ::pyo3::{Bound, PyAny, PyResult, Python};
    use ::std::borrow::Cow;

    fn same<'py>(v: Cow<'_, i64>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ::pyo3::IntoPyObjectExt::into_bound_py_any(*v, py)
    }

    #[derive(::pyo3::FromPyObject, ::pyo3::IntoPyObject, ::pyo3::IntoPyObjectRef)]
    #[pyo3(rename_all = "camelCase")]
    pub struct Fields<T> {
        #[pyo3(item, default)]
        plain_value: i64,
        #[pyo3(item, into_py_with = same)]
        converted: i64,
        #[pyo3(item)]
        generic: T,
    }

    #[derive(::pyo3::FromPyObject, ::pyo3::IntoPyObject, ::pyo3::IntoPyObjectRef)]
    pub enum Choice<T> {
        One(T),
        Two(i64, ::std::string::String),
        Three {
            #[pyo3(attribute("real"))]
            re: f64,
        },
    }

    #[derive(::pyo3::FromPyObject)]
    pub struct Borrowing<'py>(Bound<'py, PyAny>);
}

#[test]
fn derives_without_the_prelude_convert_both_ways() {
    use without_prelude::{Choice, Fields};
    Python::attach(|py| {
        let obj = eval(py, "{'converted': 2, 'generic': 'g'}");
        let fields: Fields<String> = obj.extract().unwrap();
        let back = (&fields).into_pyobject(py).unwrap();
        assert_eq!(back.to_string(), "{'plainValue': 0, 'converted': 2, 'generic': 'g'}");
        let choice: Choice<u8> = eval(py, "(1, 'x')").extract().unwrap();
        assert_eq!(choice.into_pyobject(py).unwrap().to_string(), "(1, 'x')");
        let choice: Choice<u8> = eval(py, "1.5").extract().unwrap();
        assert_eq!(
            (&choice).into_pyobject(py).unwrap().to_string(),
            "{'Three': 1.5}".replace("Three", "re")
        );
    });
}
