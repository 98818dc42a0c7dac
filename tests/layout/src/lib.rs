//! Layout tests of the generated bindings against the C compiler (see tests/).
//!
//! The build script turns every checked-in binding file into a table of Rust-side layouts
//! ([`RustFile`]); `tests/layout.rs` includes that table and hands it to [`check_all`], which
//! prints the same table from a C program per file (compiled with `cc` against the headers and
//! `-I`/`-D` arguments recorded in the headers manifest) and compares the two.

mod check;
mod checked;
mod cprog;
mod manifest;

pub use check::{check_all, Report};
pub use checked::CHECKED_STRUCTS;
pub use manifest::{Manifest, ManifestEntry};

/// What the two numbers of a [`Row`] are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The whole struct: `[size, alignment]`.
    Struct,
    /// A named member (possibly inside anonymous unions/structs): `[offset, size]`.
    Field,
    /// A flexible array member: `[offset, 0]` (it has no size in C).
    FlexibleField,
}

/// One measurement of one checked struct, as Rust computes it.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    /// The C typedef name (`PyObject`).
    pub ty: &'static str,
    /// The C member name, empty for [`RowKind::Struct`].
    pub field: &'static str,
    /// What `values` means.
    pub kind: RowKind,
    /// See [`RowKind`].
    pub values: [usize; 2],
}

impl Row {
    /// `PyObject` or `PyObject.ob_type`.
    pub fn label(&self) -> String {
        if self.field.is_empty() {
            self.ty.to_string()
        } else {
            format!("{}.{}", self.ty, self.field)
        }
    }

    /// The names of the two values.
    pub fn value_names(&self) -> [&'static str; 2] {
        match self.kind {
            RowKind::Struct => ["size", "align"],
            RowKind::Field | RowKind::FlexibleField => ["offset", "size"],
        }
    }
}

/// One generated binding file as the build script saw it.
#[derive(Debug)]
pub struct RustFile {
    /// Path relative to the workspace root, as in the headers manifest.
    pub path: &'static str,
    /// The checked structs' rows, in declaration order.
    pub rows: &'static [Row],
    /// Checked structs the file does not define, or defines only opaquely: (name, why).
    pub absent: &'static [(&'static str, &'static str)],
}

impl RustFile {
    /// The short name of the file (`cp311`).
    pub fn stem(&self) -> &'static str {
        let name = self.path.rsplit('/').next().unwrap_or(self.path);
        name.strip_suffix(".rs").unwrap_or(name)
    }
}
