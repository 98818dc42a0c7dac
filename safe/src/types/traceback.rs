//! [`PyTraceback`], the type of `__traceback__` objects.

use crate::ffi;
use crate::ffi::native::native_type;

native_type!(
    /// A traceback object.
    PyTraceback,
    "traceback",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyTraceBack_Type)
);
