//! [`PyInt`], Python's arbitrary-precision `int`.

use crate::ffi;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `int`.
    PyInt,
    "int",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyLong_Type),
    check = ffi::PyLong_Check
);

impl PyInt {
    /// `int(value)`.
    pub fn new<'py, T: crate::IntoPyObject<'py, Target = PyInt>>(
        py: Python<'py>,
        value: T,
    ) -> Bound<'py, PyInt> {
        match value.into_pyobject(py) {
            Ok(obj) => crate::instance::BoundObject::into_bound(obj),
            Err(e) => panic!("int conversion failed: {}", Into::<crate::PyErr>::into(e)),
        }
    }
}
