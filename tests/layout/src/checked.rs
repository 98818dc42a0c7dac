//! The C typedef names whose layout is checked in every generated file that defines them.
//!
//! Shared by the build script (`#[path]`-included) and the library.

/// Checked structs, by their C typedef name (the name `offsetof`/`sizeof` use).
pub const CHECKED_STRUCTS: &[&str] = &[
    "PyObject",
    "PyVarObject",
    "PyTypeObject",
    "PyModuleDef",
    "PyModuleDef_Base",
    "PyMethodDef",
    "PyGetSetDef",
    "PyMemberDef",
    "PyType_Spec",
    "PyType_Slot",
    "PyTupleObject",
    "PyListObject",
    "PyBufferProcs",
    "Py_buffer",
];
