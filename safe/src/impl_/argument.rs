//! Turning one matched argument into the Rust parameter's type ([`FunctionArgument`], with a
//! holder for parameters that borrow, like `&Bound<PyTuple>`, `&str` or `&T` of a class `T`),
//! naming the argument in a note on the error, and turning the function's result into a Python
//! object ([`IntoPyReturn`], [`UnitReturn`]).

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound, BoundObject};
use crate::marker::Python;
use crate::pyclass::boolean_struct::False;
use crate::pyclass::{PyClass, SelfRef, SelfRefMut};
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyTuple};

/// How [`FunctionArgument`] reaches a parameter type: each type has impls under one of these
/// only, so the macros leave it to inference (`extract_argument::<T, _>`).
pub mod via {
    /// [`FromPyObject`](crate::conversion::FromPyObject) types, and `&Bound<T>` (a cast).
    pub struct Value;
    /// `&T` and `Option<&T>` of a class `T`: a shared borrow kept in the holder.
    pub struct ClassRef;
    /// `&mut T` and `Option<&mut T>` of a class `T`: the exclusive borrow kept in the holder.
    pub struct ClassRefMut;
}

/// A type a `#[pyfunction]` parameter may have. Everything [`FromPyObject`] is one; so are
/// references to `Bound`, which borrow the argument through a holder on the wrapper's stack, and
/// references to a `#[pyclass]`, whose borrow of the instance the holder keeps for the call.
#[cfg_attr(
    pyroxide_diagnostics,
    diagnostic::on_unimplemented(
        message = "`{Self}` cannot be a parameter of a #[pyfunction] or #[pymethods] method",
        label = "Python arguments cannot be converted to this type",
        note = "implement `FromPyObject` for it (e.g. `#[derive(FromPyObject)]`), or take `&Bound<'_, PyAny>` and extract inside"
    )
)]
pub trait FunctionArgument<'a, 'h, 'py, Via>: Sized {
    /// Where a borrowing parameter keeps what it borrows from.
    type Holder: Default;
    /// Extracts the parameter from `obj`.
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Self::Holder,
    ) -> PyResult<Self>;
}

impl<'a, 'h, 'py, T: FromPyObject<'a, 'py>> FunctionArgument<'a, 'h, 'py, via::Value> for T {
    type Holder = ();
    #[inline]
    fn extract_argument(obj: Borrowed<'a, 'py, PyAny>, _: &'h mut ()) -> PyResult<T> {
        T::extract(obj).map_err(Into::into)
    }
}

impl<'a: 'h, 'h, 'py, T: PyTypeCheck + 'a> FunctionArgument<'a, 'h, 'py, via::Value>
    for &'h Bound<'py, T>
{
    type Holder = Option<Borrowed<'a, 'py, T>>;
    #[inline]
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Option<Borrowed<'a, 'py, T>>,
    ) -> PyResult<Self> {
        let cast = obj.cast::<T>().map_err(PyErr::from)?;
        Ok(&**holder.insert(cast))
    }
}

impl<'a: 'h, 'h, 'py, T: PyTypeCheck + 'a> FunctionArgument<'a, 'h, 'py, via::Value>
    for Option<&'h Bound<'py, T>>
{
    type Holder = Option<Borrowed<'a, 'py, T>>;
    #[inline]
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Option<Borrowed<'a, 'py, T>>,
    ) -> PyResult<Self> {
        if obj.is_none() {
            return Ok(None);
        }
        let cast = obj.cast::<T>().map_err(PyErr::from)?;
        Ok(Some(&**holder.insert(cast)))
    }
}

impl<'a: 'h, 'h, 'py, T: PyClass> FunctionArgument<'a, 'h, 'py, via::ClassRef> for &'h T {
    type Holder = Option<SelfRef<'a, 'py, T>>;
    #[inline]
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Option<SelfRef<'a, 'py, T>>,
    ) -> PyResult<Self> {
        Ok(&**holder.insert(SelfRef::new(obj)?))
    }
}

impl<'a: 'h, 'h, 'py, T: PyClass> FunctionArgument<'a, 'h, 'py, via::ClassRef> for Option<&'h T> {
    type Holder = Option<SelfRef<'a, 'py, T>>;
    #[inline]
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Option<SelfRef<'a, 'py, T>>,
    ) -> PyResult<Self> {
        if obj.is_none() {
            return Ok(None);
        }
        Ok(Some(&**holder.insert(SelfRef::new(obj)?)))
    }
}

impl<'a: 'h, 'h, 'py, T: PyClass<Frozen = False>> FunctionArgument<'a, 'h, 'py, via::ClassRefMut>
    for &'h mut T
{
    type Holder = Option<SelfRefMut<'a, 'py, T>>;
    #[inline]
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Option<SelfRefMut<'a, 'py, T>>,
    ) -> PyResult<Self> {
        Ok(&mut **holder.insert(SelfRefMut::new(obj)?))
    }
}

impl<'a: 'h, 'h, 'py, T: PyClass<Frozen = False>> FunctionArgument<'a, 'h, 'py, via::ClassRefMut>
    for Option<&'h mut T>
{
    type Holder = Option<SelfRefMut<'a, 'py, T>>;
    #[inline]
    fn extract_argument(
        obj: Borrowed<'a, 'py, PyAny>,
        holder: &'h mut Option<SelfRefMut<'a, 'py, T>>,
    ) -> PyResult<Self> {
        if obj.is_none() {
            return Ok(None);
        }
        Ok(Some(&mut **holder.insert(SelfRefMut::new(obj)?)))
    }
}

/// Extracts a required argument, naming it in the error.
#[inline]
pub fn extract_argument<'a, 'h, 'py, T: FunctionArgument<'a, 'h, 'py, V>, V>(
    obj: Option<Borrowed<'a, 'py, PyAny>>,
    holder: &'h mut T::Holder,
    name: &'static str,
) -> PyResult<T> {
    // Required parameters are checked by the matching step before any is extracted.
    let Some(obj) = obj else { unchecked_required(name) };
    T::extract_argument(obj, holder).map_err(move |e| argument_error(obj.py(), name, e))
}

/// A required argument reached extraction without an object: a bug of the matching step.
#[cold]
#[inline(never)]
fn unchecked_required(name: &'static str) -> ! {
    unreachable!("required argument `{name}` not checked")
}

/// Extracts an argument that has a default, computed by `default` when it is missing.
#[inline]
pub fn extract_argument_or<'a, 'h, 'py, T: FunctionArgument<'a, 'h, 'py, V>, V>(
    obj: Option<Borrowed<'a, 'py, PyAny>>,
    holder: &'h mut T::Holder,
    name: &'static str,
    default: impl FnOnce() -> T,
) -> PyResult<T> {
    match obj {
        Some(obj) => {
            T::extract_argument(obj, holder).map_err(|e| argument_error(obj.py(), name, e))
        }
        None => Ok(default()),
    }
}

/// Extracts the argument of a binary operator (or a comparison), which answers
/// `NotImplemented` rather than raising when the argument does not extract: `None` then.
#[inline]
pub fn extract_operand<'a, 'h, 'py, T: FunctionArgument<'a, 'h, 'py, V>, V>(
    obj: Borrowed<'a, 'py, PyAny>,
    holder: &'h mut T::Holder,
) -> Option<T> {
    T::extract_argument(obj, holder).ok()
}

/// Extracts an argument with a `from_py_with` function.
#[inline]
pub fn extract_with<'a, 'py, T>(
    obj: Option<Borrowed<'a, 'py, PyAny>>,
    name: &'static str,
    f: impl FnOnce(&Bound<'py, PyAny>) -> PyResult<T>,
    default: Option<fn() -> T>,
) -> PyResult<T> {
    match (obj, default) {
        (Some(obj), _) => f(&obj).map_err(|e| argument_error(obj.py(), name, e)),
        (None, Some(default)) => Ok(default()),
        (None, None) => unreachable!("required argument `{name}` not checked"),
    }
}

/// The error for argument `name`: the exception itself, unchanged (type, message, cause), with
/// the note `while processing 'name'` added (`BaseException.add_note`, or `__notes__` before
/// Python 3.11). When the note cannot be added (a `__notes__` that is not a list, say), the
/// original error is returned as it is.
#[cold]
#[inline(never)]
pub fn argument_error(py: Python<'_>, name: &str, err: PyErr) -> PyErr {
    let note = format!("while processing '{name}'");
    // The note's own failure, if any, is dropped: the argument's error is the one to report.
    let _ = err.add_note(py, note);
    err
}

/// What a `#[pyfunction]` may return: a value convertible to Python, or a `Result` of one with
/// an error convertible to `PyErr`.
#[cfg_attr(
    pyroxide_diagnostics,
    diagnostic::on_unimplemented(
        message = "`{Self}` cannot be returned to Python",
        label = "this is not convertible to a Python object",
        note = "return a type implementing `IntoPyObject` (e.g. `#[derive(IntoPyObject)]`), or `PyResult<T>` / `Result<T, E>` of one with `E: Into<PyErr>`"
    )
)]
pub trait IntoPyReturn<'py> {
    /// Converts the result into the object returned to Python.
    fn into_py_return(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl<'py, T: IntoPyObject<'py>> IntoPyReturn<'py> for T {
    #[inline]
    fn into_py_return(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().into_bound()),
            Err(e) => Err(e.into()),
        }
    }
}

impl<'py, T: IntoPyObject<'py>, E: Into<PyErr>> IntoPyReturn<'py> for Result<T, E> {
    #[inline]
    fn into_py_return(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.map_err(Into::into)?.into_py_return(py)
    }
}

/// What a function returning `()` (or `Result<(), E>`) returns: `None` to Python.
pub trait UnitReturn {
    /// `None`, or the error.
    fn into_none(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
}

impl UnitReturn for () {
    #[inline]
    fn into_none(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(py.None().into_bound(py))
    }
}

impl<E: Into<PyErr>> UnitReturn for Result<(), E> {
    #[inline]
    fn into_none(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        self.map_err(Into::into)?;
        Ok(py.None().into_bound(py))
    }
}

/// Converts a function's result (for the macros, which cannot name the trait in a
/// `no_implicit_prelude` crate without a path).
#[inline]
pub fn ret<'py, R: IntoPyReturn<'py>>(py: Python<'py>, result: R) -> PyResult<Bound<'py, PyAny>> {
    result.into_py_return(py)
}

/// Converts the result of a function returning `()` or `Result<(), E>`.
#[inline]
pub fn ret_unit<R: UnitReturn>(py: Python<'_>, result: R) -> PyResult<Bound<'_, PyAny>> {
    result.into_none(py)
}

/// The module a `pass_module` function receives: its `self`.
#[inline]
pub fn module_argument<'a, 'py>(
    py: Python<'py>,
    slf: Option<Borrowed<'a, 'py, PyAny>>,
) -> PyResult<Borrowed<'a, 'py, PyAny>> {
    slf.ok_or_else(|| no_module(py))
}

#[cold]
fn no_module(_py: Python<'_>) -> PyErr {
    PyTypeError::new_err("this function takes its module, but was created without one")
}

/// The `*args` tuple (empty if the function takes none).
#[inline]
pub fn varargs<'py>(py: Python<'py>, args: Option<Bound<'py, PyTuple>>) -> Bound<'py, PyTuple> {
    args.unwrap_or_else(|| PyTuple::empty(py))
}

/// The `**kwargs` dict, or `None` when no unknown keywords were given.
#[inline]
pub fn varkw<'py>(py: Python<'py>, kwargs: Option<Bound<'py, PyDict>>) -> Bound<'py, PyAny> {
    match kwargs {
        Some(d) => d.into_any(),
        None => py.None().into_bound(py),
    }
}
