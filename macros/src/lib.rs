//! Pyroxide's procedural macros: `#[pyfunction]` and `#[pymodule]`, each a pipeline of parse →
//! model → check → expand that reports every error of an invocation at once, with the user's
//! span and a hint. Expanded code calls only `pyroxide::impl_` (found under the name the user's
//! crate gives the package) and contains no `unsafe`.

mod attrs;
mod diag;
mod function;
mod krate;
mod pyfunction;
mod pymodule;
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

/// Defines a Python module, from a function (`fn m(m: &Bound<'_, PyModule>) -> PyResult<()>`)
/// or a `mod` (PyO3's `#[pymodule]`).
#[proc_macro_attribute]
pub fn pymodule(args: TokenStream, item: TokenStream) -> TokenStream {
    pymodule::expand(args.into(), item.into()).into()
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
