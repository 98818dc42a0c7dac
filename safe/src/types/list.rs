//! [`PyList`], Python's `list`.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::PyAny;

native_type!(
    /// Python's `list`.
    PyList,
    "list",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyList_Type),
    check = ffi::PyList_Check
);

impl PyList {
    /// A list of the given elements.
    pub fn new<'py, T, I>(py: Python<'py>, elements: I) -> PyResult<Bound<'py, PyList>>
    where
        T: IntoPyObject<'py>,
        I: IntoIterator<Item = T>,
    {
        let list = api::list_new(py);
        for e in elements {
            let item = e.into_pyobject(py).map_err(Into::into)?.into_any().into_bound();
            api::list_append(&list, &item)?;
        }
        Ok(list)
    }

    /// `[]`.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyList> {
        api::list_new(py)
    }
}

/// Methods of `list`.
pub trait PyListMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// `self[index]`; `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self.append(item)`.
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()>;
    /// A snapshot of the elements (safe against concurrent mutation).
    fn iter(&self) -> std::vec::IntoIter<Bound<'py, PyAny>>;
}

impl<'py> PyListMethods<'py> for Bound<'py, PyList> {
    fn len(&self) -> usize {
        api::list_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        api::list_get_item(self, index)
    }
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()> {
        let item = item.into_pyobject(self.py()).map_err(Into::into)?.into_any().into_bound();
        api::list_append(self, &item)
    }
    fn iter(&self) -> std::vec::IntoIter<Bound<'py, PyAny>> {
        let mut items = Vec::new();
        let mut i = 0;
        while let Ok(item) = self.get_item(i) {
            items.push(item);
            i += 1;
        }
        items.into_iter()
    }
}
