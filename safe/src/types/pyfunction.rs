//! [`PyFunction`], Python's `function` (`types.FunctionType`): functions defined in Python.

use crate::ffi;
use crate::ffi::native::native_type;

native_type!(
    /// A function defined in Python (`types.FunctionType`); see
    /// [`PyCFunction`](crate::types::PyCFunction) for functions implemented in native code.
    PyFunction,
    "FunctionType",
    Some("types"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyFunction_Type)
);
