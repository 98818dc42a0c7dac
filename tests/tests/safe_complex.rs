//! `PyComplex`.

use pyo3::ffi::c_str;
use pyo3::prelude::*;
use pyo3::types::{PyComplex, PyFloat};

#[test]
fn complex_parts() {
    Python::attach(|py| {
        let c = PyComplex::from_doubles(py, 1.5, -2.0);
        assert_eq!(c.real(), 1.5);
        assert_eq!(c.imag(), -2.0);
        assert_eq!(c.repr().unwrap().to_string(), "(1.5-2j)");
        let from_py = py.eval(c_str!("3j + 4"), None, None).unwrap();
        let from_py = from_py.cast::<PyComplex>().unwrap();
        assert_eq!((from_py.real(), from_py.imag()), (4.0, 3.0));
        assert!(c.as_any().eq(py.eval(c_str!("complex(1.5, -2)"), None, None).unwrap()).unwrap());
        let f = PyFloat::new(py, 1.0);
        assert_eq!(
            f.as_any().cast::<PyComplex>().unwrap_err().to_string(),
            "'float' object is not an instance of 'complex'"
        );
    });
}
