//! The example extension module of `cargo xtask demo`, written exactly as for PyO3: a function,
//! a class and an exception, in a declarative module.
#![forbid(unsafe_code)]

use pyo3::prelude::*;
use std::collections::HashMap;

pyo3::create_exception!(
    pyroxide_demo,
    EmptyText,
    pyo3::exceptions::PyValueError,
    "The text has no words."
);

/// Counts the words of `text`; raises `EmptyText` if there are none.
#[pyfunction]
fn word_count(text: &str) -> PyResult<HashMap<String, usize>> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    if counts.is_empty() {
        return Err(EmptyText::new_err("no words in the text"));
    }
    Ok(counts)
}

/// Keeps a running tally of words.
#[pyclass(module = "pyroxide_demo")]
struct Tally {
    counts: HashMap<String, usize>,
    #[pyo3(get, set)]
    name: String,
}

#[pymethods]
impl Tally {
    #[new]
    #[pyo3(signature = (name = "tally".to_string()))]
    fn new(name: String) -> Self {
        Tally { counts: HashMap::new(), name }
    }

    /// Adds the words of `text`; returns how many were added.
    fn feed(&mut self, text: &str) -> usize {
        let words: Vec<&str> = text.split_whitespace().collect();
        for w in &words {
            *self.counts.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        words.len()
    }

    /// The `n` most frequent words, most frequent first.
    #[pyo3(signature = (n = 3))]
    fn top(&self, n: usize) -> Vec<(String, usize)> {
        let mut all: Vec<(String, usize)> =
            self.counts.iter().map(|(w, c)| (w.clone(), *c)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(n);
        all
    }

    fn __len__(&self) -> usize {
        self.counts.len()
    }

    fn __repr__(&self) -> String {
        format!("Tally({:?}, {} distinct words)", self.name, self.counts.len())
    }
}

/// Word counting in Rust.
#[pymodule]
mod pyroxide_demo {
    #[pymodule_export]
    use super::{word_count, Tally};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("EmptyText", m.py().get_type::<super::EmptyText>())
    }
}
