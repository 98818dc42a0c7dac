//! What the methods behind class slots may return, as the macro output converts it: `__hash__`
//! (`u64`, `isize`, …), `__len__` (`usize`), `__bool__`/`__contains__` (`bool`), `__next__`
//! (`Option<T>`), each also inside a `Result`; the getter of a `#[pyo3(get)]` field (through a
//! reference where `&T` converts, else by clone); and the class entry of a declarative module.

use super::PyClassImpl;
use crate::conversion::IntoPyObject;
use crate::err::{PyErr, PyResult};
use crate::impl_::argument::IntoPyReturn;
use crate::impl_::pymodule::AddToModule;
use crate::instance::Bound;
use crate::marker::Python;
use crate::pyclass::PyClass;
use crate::types::{PyAny, PyModule};
use std::marker::PhantomData;

/// A value `__hash__` may return.
pub trait HashOutput {
    /// The hash as `Py_hash_t`.
    fn into_hash(self) -> PyResult<isize>;
}

macro_rules! hash_output {
    ($($t:ty),*) => {$(
        impl HashOutput for $t {
            #[inline]
            fn into_hash(self) -> PyResult<isize> {
                Ok(self as isize)
            }
        }
    )*};
}
hash_output!(u64, i64, isize, usize, u32, i32);

impl<T: HashOutput, E: Into<PyErr>> HashOutput for Result<T, E> {
    fn into_hash(self) -> PyResult<isize> {
        self.map_err(Into::into)?.into_hash()
    }
}

/// Converts a `__hash__` result.
#[inline]
pub fn hash_output<R: HashOutput>(r: R) -> PyResult<isize> {
    r.into_hash()
}

/// A value a method returning a plain Rust value may return, possibly in a `Result`.
pub trait PlainOutput<T> {
    /// The value, or the error.
    fn into_plain(self) -> PyResult<T>;
}

macro_rules! plain_output {
    ($($t:ty),*) => {$(
        impl PlainOutput<$t> for $t {
            #[inline]
            fn into_plain(self) -> PyResult<$t> {
                Ok(self)
            }
        }
        impl<E: Into<PyErr>> PlainOutput<$t> for Result<$t, E> {
            #[inline]
            fn into_plain(self) -> PyResult<$t> {
                self.map_err(Into::into)
            }
        }
    )*};
}
plain_output!(usize, bool, ());

/// Converts a `__len__` result.
#[inline]
pub fn len_output<R: PlainOutput<usize>>(r: R) -> PyResult<usize> {
    r.into_plain()
}

/// Converts a `__bool__` or `__contains__` result.
#[inline]
pub fn bool_output<R: PlainOutput<bool>>(r: R) -> PyResult<bool> {
    r.into_plain()
}

/// A value `__next__` may return: `Option<T>` (`None` ends the iteration), in a `Result` or not.
pub trait IterNextOutput<'py> {
    /// The next item, or `None`.
    fn into_next(self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>>;
}

impl<'py, T: IntoPyObject<'py>> IterNextOutput<'py> for Option<T> {
    #[inline]
    fn into_next(self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.map(|v| v.into_py_return(py)).transpose()
    }
}

impl<'py, T: IntoPyObject<'py>, E: Into<PyErr>> IterNextOutput<'py> for Result<Option<T>, E> {
    #[inline]
    fn into_next(self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.map_err(Into::into)?.into_next(py)
    }
}

/// The type of a `__next__` result, to pick its conversion by autoref specialization:
/// `(&&NextTag::of(&r)).kind()` is [`NextByOption`] for `Option<T>` and `Result<Option<T>, E>`
/// (`None` ends the iteration) and [`NextByValue`] for any other value (always yielded; the
/// iteration ends by raising `StopIteration`), as in PyO3.
pub struct NextTag<R>(PhantomData<R>);

impl<R> NextTag<R> {
    /// The tag of `r`'s type.
    #[inline]
    pub fn of(_: &R) -> Self {
        NextTag(PhantomData)
    }
}

/// Chosen for `Option` results (see [`NextTag`]).
pub trait NextKindOption {
    /// The conversion.
    #[inline]
    fn kind(&self) -> NextByOption {
        NextByOption
    }
}
impl<T> NextKindOption for &NextTag<Option<T>> {}
impl<T, E> NextKindOption for &NextTag<Result<Option<T>, E>> {}

/// Chosen for every other result (see [`NextTag`]).
pub trait NextKindValue {
    /// The conversion.
    #[inline]
    fn kind(&self) -> NextByValue {
        NextByValue
    }
}
impl<R> NextKindValue for NextTag<R> {}

/// Converts an `Option` result of `__next__`.
pub struct NextByOption;

impl NextByOption {
    /// The next item, or `None` at the end.
    #[inline]
    pub fn convert<'py, R: IterNextOutput<'py>>(
        self,
        py: Python<'py>,
        r: R,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        r.into_next(py)
    }
}

/// Converts a plain result of `__next__`.
pub struct NextByValue;

impl NextByValue {
    /// The next item.
    #[inline]
    pub fn convert<'py, R: IntoPyReturn<'py>>(
        self,
        py: Python<'py>,
        r: R,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        r.into_py_return(py).map(Some)
    }
}

/// The value of a `#[pyo3(get)]` field, converted by [`GetByRef`] or [`GetByClone`].
pub struct FieldGetter<'a, T>(pub &'a T);

/// Converts a field through `&T: IntoPyObject` (chosen first: the call is
/// `(&&FieldGetter(&field)).get_field(py)`).
pub trait GetByRef<'py> {
    /// The field as a Python object.
    fn get_field(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl<'a, 'py, T> GetByRef<'py> for &FieldGetter<'a, T>
where
    &'a T: IntoPyObject<'py>,
{
    #[inline]
    fn get_field(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.into_py_return(py)
    }
}

/// Converts a clone of a field (for classes and other types only convertible by value).
pub trait GetByClone<'py> {
    /// The field as a Python object.
    fn get_field(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl<'py, T: Clone + IntoPyObject<'py>> GetByClone<'py> for FieldGetter<'_, T> {
    #[inline]
    fn get_field(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.clone().into_py_return(py)
    }
}

/// The entry of class `T` in a declarative `#[pymodule]` (`T::__PYROXIDE_DEF`).
pub struct AddClass<T>(PhantomData<fn() -> T>);

impl<T> AddClass<T> {
    /// The entry.
    pub const fn new() -> Self {
        AddClass(PhantomData)
    }
}

impl<T> Default for AddClass<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyClass + PyClassImpl> AddToModule for AddClass<T> {
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        super::add_class::<T>(module)
    }
}
