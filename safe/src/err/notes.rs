//! Exception notes (PEP 678): [`PyErr::add_note`](super::PyErr::add_note) calls
//! `BaseException.add_note` where the interpreter has it (3.11+) and otherwise appends to the
//! exception's `__notes__` list itself, as `add_note` would, so notes read the same everywhere.

use crate::err::PyResult;
use crate::exceptions::{PyBaseException, PyTypeError};
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAnyMethods, PyList, PyListMethods, PyString};

/// Adds `note` to the exception `value`.
#[cold]
pub(super) fn add_note(
    value: &Bound<'_, PyBaseException>,
    note: Bound<'_, PyString>,
) -> PyResult<()> {
    let py = value.py();
    if has_add_note(py) {
        return value.call_method1(crate::intern!(py, "add_note"), (note,)).map(drop);
    }
    let name = crate::intern!(py, "__notes__");
    match value.getattr_opt(name)? {
        None => value.setattr(name, PyList::new(py, [note])?),
        Some(notes) => match notes.cast::<PyList>() {
            Ok(list) => list.append(note),
            // `add_note`'s own wording.
            Err(_) => Err(PyTypeError::new_err("Cannot add note: __notes__ is not a list")),
        },
    }
}

/// Whether the interpreter's exceptions have `add_note` (CPython and PyPy 3.11+, GraalPy),
/// asked of `BaseException` itself rather than inferred from the version.
fn has_add_note(py: Python<'_>) -> bool {
    py.get_type::<PyBaseException>().hasattr(crate::intern!(py, "add_note")).unwrap_or(false)
}
