//! The usual imports: `use pyroxide::prelude::*;`.

pub use crate::conversion::{FromPyObject, IntoPyObject, IntoPyObjectExt};
pub use crate::err::{PyErr, PyResult};
pub use crate::instance::{Borrowed, Bound, BoundObject, Py, PyObject};
pub use crate::marker::Python;
pub use crate::pyclass::{PyClassGuard, PyClassGuardMut, PyClassInitializer, PyRef, PyRefMut};
pub use crate::types::{
    PyAny, PyAnyMethods, PyBoolMethods, PyByteArrayMethods, PyBytesMethods, PyComplexMethods,
    PyDictMethods, PyFloatMethods, PyFrozenSetMethods, PyListMethods, PyModule, PyModuleMethods,
    PySetMethods, PySliceMethods, PyStringMethods, PyTracebackMethods, PyTupleMethods,
    PyTypeMethods,
};
pub use crate::{wrap_pyfunction, wrap_pymodule};

#[cfg(feature = "macros")]
pub use pyroxide_macros::{
    pyclass, pyfunction, pymethods, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};
