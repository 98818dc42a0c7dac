//! [`PySuper`], Python's `super`: attribute lookup that skips a class in an object's MRO.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyAnyMethods, PyType};

native_type!(
    /// Python's `super` objects.
    PySuper,
    "super",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PySuper_Type)
);

impl PySuper {
    /// `super(ty, obj)`: a proxy of `obj` that looks attributes up in the classes after `ty`
    /// in `type(obj).__mro__`; `TypeError` when `obj` is not an instance (or subtype) of `ty`.
    ///
    /// ```
    /// use pyroxide::prelude::*;
    /// use pyroxide::types::{PySuper, PyType};
    /// # pyroxide::Python::initialize();
    /// Python::attach(|py| -> PyResult<()> {
    ///     let ns = pyroxide::types::PyDict::new(py);
    ///     py.run(c"class A:\n def f(self): return 'A'\nclass B(A):\n def f(self): return 'B'",
    ///            Some(&ns), None)?;
    ///     let b_type = ns.get_item("B")?.unwrap().cast_into::<PyType>()?;
    ///     let b = b_type.call0()?;
    ///     let sup = PySuper::new(&b_type, &b)?;
    ///     assert_eq!(sup.call_method0("f")?.extract::<String>()?, "A");
    ///     Ok(())
    /// })
    /// .unwrap();
    /// ```
    pub fn new<'py>(
        ty: &Bound<'py, PyType>,
        obj: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PySuper>> {
        let sup = PySuper::type_object(ty.py()).call1((ty, obj))?;
        Ok(sup.cast_into::<PySuper>()?)
    }
}
