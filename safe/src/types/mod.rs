//! The native Python types, one per file, each a marker type (`PyInt`, `PyList`, …) used as
//! `Bound<'py, PyX>`, with its methods in a `PyXMethods` trait implemented for `Bound<'py, PyX>`.

mod any;
mod boolobject;
mod bytes;
mod dict;
mod ellipsis;
mod float;
mod int;
mod list;
mod module;
mod none;
mod notimplemented;
mod string;
mod traceback;
mod tuple;
mod typeobject;

pub use any::{PyAny, PyAnyMethods, PyCallArgs};
pub use boolobject::{PyBool, PyBoolMethods};
pub use bytes::{PyBytes, PyBytesMethods};
pub use dict::{IntoPyDict, PyDict, PyDictMethods};
pub use ellipsis::PyEllipsis;
pub use float::{PyFloat, PyFloatMethods};
pub use int::PyInt;
pub use list::{PyList, PyListMethods};
pub use module::{PyModule, PyModuleMethods};
pub use none::PyNone;
pub use notimplemented::PyNotImplemented;
pub use string::{PyString, PyStringMethods};
pub use traceback::PyTraceback;
pub use tuple::{PyTuple, PyTupleMethods};
pub use typeobject::{PyType, PyTypeMethods};

/// PyO3's older name of [`PyInt`].
pub type PyLong = PyInt;
