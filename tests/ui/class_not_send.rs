//! Must not compile: class not send.
use pyo3::prelude::*;
use std::rc::Rc;

#[pyclass]
struct NotSend {
    shared: Rc<i32>,
}

fn main() {}
