//! Exception types declared by macros: the hidden [`ExceptionType`] trait that the output of
//! [`create_exception!`](crate::create_exception) and [`import_exception!`](crate::import_exception)
//! implements (safely); their `PyTypeInfo` comes through
//! [`LazyTypeInfo`](super::type_object::LazyTypeInfo).

use crate::err::{PyErr, PyErrArguments, PyResult};
use crate::ffi::api;
use crate::instance::Py;
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAnyMethods, PyType};
use std::ffi::CStr;

/// An exception type whose type object is made (or imported) on first use and cached.
pub trait ExceptionType: Sized {
    /// The class name.
    const NAME: &'static str;
    /// The module the class lives in.
    const MODULE: Option<&'static str>;
    /// The cache of the type object.
    fn type_cell() -> &'static PyOnceLock<Py<PyType>>;
    /// Makes (or imports) the type object; called once, while attached.
    fn make_type(py: Python<'_>) -> PyResult<Py<PyType>>;
}

impl<T: ExceptionType> super::type_object::LazyTypeInfo for T {
    const NAME: &'static str = <T as ExceptionType>::NAME;
    const MODULE: Option<&'static str> = <T as ExceptionType>::MODULE;
    type Kind = super::type_object::ExceptionKind;
}

/// A new exception class named `qualified_name` (`"module.Name"`) deriving from `B`.
pub fn create_type<B: PyTypeInfo>(
    py: Python<'_>,
    qualified_name: &CStr,
    doc: Option<&CStr>,
) -> PyResult<Py<PyType>> {
    Ok(api::new_exception_type(&B::type_object(py), qualified_name, doc)?.unbind())
}

/// `from module import name`, checked to be a type.
pub fn import_type(py: Python<'_>, module: &str, name: &str) -> PyResult<Py<PyType>> {
    let attr = crate::types::PyModule::import(py, module)?.getattr(name)?;
    Ok(attr.cast_into::<PyType>()?.unbind())
}

/// `PyErr::new::<T, A>(args)`, for the `new_err` the macros define.
#[inline]
pub fn new_err<T, A>(args: A) -> PyErr
where
    T: PyTypeInfo,
    A: PyErrArguments + Send + Sync + 'static,
{
    PyErr::new::<T, A>(args)
}

/// Declares a new Python exception class `module.Name` deriving from `Base`, as a Rust type
/// usable like the builtin ones (`Name::new_err(…)`, `PyErr::is_instance_of::<Name>`, …). The
/// class is made on first use and cached; add it to a module with `m.add("Name",
/// py.get_type::<Name>())`.
///
/// ```
/// use pyroxide::create_exception;
/// use pyroxide::exceptions::PyValueError;
/// use pyroxide::prelude::*;
///
/// create_exception!(mymodule, CustomError, PyValueError, "Raised when things go wrong.");
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     let err = CustomError::new_err("bad");
///     assert!(err.is_instance_of::<PyValueError>(py));
///     assert_eq!(err.to_string(), "CustomError: bad");
///     let ty = py.get_type::<CustomError>();
///     assert_eq!(ty.getattr("__module__").unwrap().to_string(), "mymodule");
/// });
/// ```
#[macro_export]
macro_rules! create_exception {
    ($module:expr, $name:ident, $base:ty) => {
        $crate::create_exception!(@impl $module, $name, $base, ::std::option::Option::None,
            ::std::concat!("The Python exception `", ::std::stringify!($module), ".",
                ::std::stringify!($name), "`."));
    };
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {
        $crate::create_exception!(@impl $module, $name, $base,
            ::std::option::Option::Some($crate::c_str!($doc)), $doc);
    };
    (@impl $module:expr, $name:ident, $base:ty, $pydoc:expr, $doc:expr) => {
        #[doc = $doc]
        #[repr(transparent)]
        #[allow(non_camel_case_types)]
        pub struct $name($crate::PyAny);

        impl $crate::impl_::exceptions::ExceptionType for $name {
            const NAME: &'static str = ::std::stringify!($name);
            const MODULE: ::std::option::Option<&'static str> =
                ::std::option::Option::Some(::std::stringify!($module));

            fn type_cell() -> &'static $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> {
                static CELL: $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> =
                    $crate::sync::PyOnceLock::new();
                &CELL
            }

            fn make_type(
                py: $crate::Python<'_>,
            ) -> $crate::PyResult<$crate::Py<$crate::types::PyType>> {
                $crate::impl_::exceptions::create_type::<$base>(
                    py,
                    $crate::c_str!(::std::concat!(
                        ::std::stringify!($module),
                        ".",
                        ::std::stringify!($name)
                    )),
                    $pydoc,
                )
            }
        }

        impl $crate::instance::DerefToPyAny for $name {}

        impl $name {
            /// A lazily created exception of this type with `args`.
            #[inline]
            #[allow(dead_code)]
            pub fn new_err<A>(args: A) -> $crate::PyErr
            where
                A: $crate::PyErrArguments + ::std::marker::Send + ::std::marker::Sync + 'static,
            {
                $crate::impl_::exceptions::new_err::<$name, A>(args)
            }
        }
    };
}

/// Declares a Rust type for an exception class defined in Python, imported (and checked to be
/// a type) on first use: `import_exception!(socket, gaierror)`, or with a dotted module path
/// `import_exception!(email.errors, MessageError)`. Panics on first use if the import fails.
///
/// ```
/// use pyroxide::import_exception;
/// use pyroxide::prelude::*;
///
/// import_exception!(json, JSONDecodeError);
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     let err = py.import("json").unwrap().call_method1("loads", ("{",)).unwrap_err();
///     assert!(err.is_instance_of::<JSONDecodeError>(py));
/// });
/// ```
#[macro_export]
macro_rules! import_exception {
    ($($module:ident).+, $name:ident) => {
        #[doc = ::std::concat!("The Python exception `", ::std::stringify!($($module).+), ".",
            ::std::stringify!($name), "`, imported on first use.")]
        #[repr(transparent)]
        #[allow(non_camel_case_types)]
        pub struct $name($crate::PyAny);

        impl $crate::impl_::exceptions::ExceptionType for $name {
            const NAME: &'static str = ::std::stringify!($name);
            const MODULE: ::std::option::Option<&'static str> =
                ::std::option::Option::Some(::std::stringify!($($module).+));

            fn type_cell() -> &'static $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> {
                static CELL: $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> =
                    $crate::sync::PyOnceLock::new();
                &CELL
            }

            fn make_type(
                py: $crate::Python<'_>,
            ) -> $crate::PyResult<$crate::Py<$crate::types::PyType>> {
                $crate::impl_::exceptions::import_type(
                    py,
                    ::std::stringify!($($module).+),
                    ::std::stringify!($name),
                )
            }
        }

        impl $crate::instance::DerefToPyAny for $name {}

        impl $name {
            /// A lazily created exception of this type with `args`.
            #[inline]
            #[allow(dead_code)]
            pub fn new_err<A>(args: A) -> $crate::PyErr
            where
                A: $crate::PyErrArguments + ::std::marker::Send + ::std::marker::Sync + 'static,
            {
                $crate::impl_::exceptions::new_err::<$name, A>(args)
            }
        }
    };
}
