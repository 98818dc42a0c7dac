//! Pyroxide's procedural macros: `#[pyfunction]`, `#[pymodule]`, `#[pyclass]`, `#[pymethods]`
//! and the conversion derives, each a pipeline of parse →
//! model → check → expand that reports every error of an invocation at once, with the user's
//! span and a hint. Expanded code calls only `pyroxide::impl_` (found under the name the user's
//! crate gives the package) and contains no `unsafe`.

mod attrs;
mod derive;
mod derive_model;
mod diag;
mod function;
mod krate;
mod pyclass;
mod pyclass_enum;
mod pyclass_new;
mod pyclass_slots;
mod pyfunction;
mod pymethods;
mod pymethods_expand;
mod pymethods_ops;
mod pymethods_receiver;
mod pymethods_slots;
mod pymodule;
mod rename;
mod self_type;
mod signature;
mod wrapper;

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::quote;

/// Exposes a Rust function to Python (PyO3's `#[pyfunction]`).
#[proc_macro_attribute]
pub fn pyfunction(args: TokenStream, item: TokenStream) -> TokenStream {
    pyfunction::expand(args.into(), item.into()).into()
}

/// Makes a Rust struct or simple enum a Python class (PyO3's `#[pyclass]`).
#[proc_macro_attribute]
pub fn pyclass(args: TokenStream, item: TokenStream) -> TokenStream {
    pyclass::expand(args.into(), item.into()).into()
}

/// Exposes the methods of an `impl` block of a `#[pyclass]` to Python (PyO3's `#[pymethods]`).
#[proc_macro_attribute]
pub fn pymethods(args: TokenStream, item: TokenStream) -> TokenStream {
    pymethods::expand(args.into(), item.into()).into()
}

/// Defines a Python module, from a function (`fn m(m: &Bound<'_, PyModule>) -> PyResult<()>`)
/// or a `mod` (PyO3's `#[pymodule]`).
#[proc_macro_attribute]
pub fn pymodule(args: TokenStream, item: TokenStream) -> TokenStream {
    pymodule::expand(args.into(), item.into()).into()
}

/// Extraction of a Rust struct or enum from a Python object (PyO3's `#[derive(FromPyObject)]`).
#[proc_macro_derive(FromPyObject, attributes(pyo3))]
pub fn derive_from_py_object(input: TokenStream) -> TokenStream {
    derive::from_py_object(input.into()).into()
}

/// Conversion of a Rust struct or enum into a Python object (PyO3's `#[derive(IntoPyObject)]`).
#[proc_macro_derive(IntoPyObject, attributes(pyo3))]
pub fn derive_into_py_object(input: TokenStream) -> TokenStream {
    derive::into_py_object(input.into(), false).into()
}

/// Conversion of a reference to a Rust struct or enum into a Python object.
#[proc_macro_derive(IntoPyObjectRef, attributes(pyo3))]
pub fn derive_into_py_object_ref(input: TokenStream) -> TokenStream {
    derive::into_py_object(input.into(), true).into()
}

/// The span of some tokens (their first token's).
pub(crate) fn diag_span(tokens: &impl quote::ToTokens) -> Span {
    tokens.to_token_stream().into_iter().next().map_or_else(Span::call_site, |t| t.span())
}

/// A `&'static CStr` expression for `text` (which has no NUL: Rust identifiers and docs
/// cannot contain one that reaches here unnoticed; a NUL is replaced by a space).
pub(crate) fn cstr(krate: &proc_macro2::TokenStream, text: &str) -> proc_macro2::TokenStream {
    let mut bytes = text.replace('\0', " ").into_bytes();
    bytes.push(0);
    let lit = syn::LitByteStr::new(&bytes, Span::call_site());
    quote!(#krate::impl_::cstr(#lit))
}
