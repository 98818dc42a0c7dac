//! The native Python types, one per file, each a marker type (`PyInt`, `PyList`, …) used as
//! `Bound<'py, PyX>`, with its methods in a `PyXMethods` trait implemented for `Bound<'py, PyX>`.

mod any;
mod boolobject;
mod bytearray;
mod bytes;
pub mod capsule;
mod code;
mod complex;
mod datetime;
mod dict;
mod ellipsis;
mod float;
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod frame;
mod frozenset;
mod function;
mod int;
mod iterator;
mod list;
mod mapping;
#[cfg(any(not(PyPy), Py_3_11))]
mod mappingproxy;
mod memoryview;
mod module;
mod none;
mod notimplemented;
#[cfg(not(Py_LIMITED_API))]
mod pyfunction;
#[cfg(not(any(PyPy, GraalPy)))]
mod pysuper;
mod range;
mod scalar_eq;
mod sequence;
mod set;
mod slice;
mod string;
mod traceback;
mod tuple;
mod typeobject;
mod weakref;

pub use any::{PyAny, PyAnyMethods, PyCallArgs};
// Public at `pyclass::CompareOp`, its PyO3 path.
#[doc(hidden)]
pub use any::CompareOp;
pub use boolobject::{PyBool, PyBoolMethods};
pub use bytearray::{PyByteArray, PyByteArrayMethods};
pub use bytes::{PyBytes, PyBytesMethods};
pub use capsule::{PyCapsule, PyCapsuleMethods};
pub use code::{PyCode, PyCodeInput, PyCodeMethods};
pub use complex::{PyComplex, PyComplexMethods};
pub use datetime::{
    PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyTime, PyTimeAccess, PyTzInfo,
    PyTzInfoAccess,
};
pub use dict::{BoundDictIterator, IntoPyDict, PyDict, PyDictMethods};
pub use ellipsis::PyEllipsis;
pub use float::{PyFloat, PyFloatMethods};
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub use frame::{PyFrame, PyFrameMethods};
pub use frozenset::{BoundFrozenSetIterator, PyFrozenSet, PyFrozenSetBuilder, PyFrozenSetMethods};
pub use function::PyCFunction;
pub use int::PyInt;
pub use iterator::PyIterator;
pub use list::{BoundListIterator, PyList, PyListMethods};
pub use mapping::{PyMapping, PyMappingMethods};
#[cfg(any(not(PyPy), Py_3_11))]
pub use mappingproxy::{BoundMappingProxyIterator, PyMappingProxy, PyMappingProxyMethods};
pub use memoryview::PyMemoryView;
pub use module::{PyModule, PyModuleMethods};
pub use none::PyNone;
pub use notimplemented::PyNotImplemented;
#[cfg(not(Py_LIMITED_API))]
pub use pyfunction::PyFunction;
#[cfg(not(any(PyPy, GraalPy)))]
pub use pysuper::PySuper;
pub use range::{PyRange, PyRangeMethods};
pub use sequence::{PySequence, PySequenceMethods};
pub use set::{BoundSetIterator, PySet, PySetMethods};
pub use slice::{PySlice, PySliceIndices, PySliceMethods};
pub use string::{PyString, PyStringMethods};
pub use traceback::{PyTraceback, PyTracebackMethods};
pub use tuple::{BorrowedTupleIterator, BoundTupleIterator, PyTuple, PyTupleMethods};
pub use typeobject::{PyType, PyTypeMethods};
pub use weakref::{PyWeakref, PyWeakrefMethods, PyWeakrefProxy, PyWeakrefReference};

/// PyO3's older name of [`PyInt`].
pub type PyLong = PyInt;
