//! The error accumulator: every check of a macro pushes its errors here, with the user's span
//! and a hint, and the macro reports them all at once instead of stopping at the first.

use proc_macro2::{Span, TokenStream};
use std::fmt::Display;

/// Errors found so far in one macro invocation.
#[derive(Default)]
pub struct Errors {
    errors: Vec<syn::Error>,
}

impl Errors {
    /// Records an error at `span`.
    pub fn error(&mut self, span: Span, message: impl Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    /// Records an error at `span` with a hint on how to fix it.
    pub fn error_hint(&mut self, span: Span, message: impl Display, hint: impl Display) {
        self.errors.push(syn::Error::new(span, format!("{message}\nhelp: {hint}")));
    }

    /// Records an error spanning the tokens of `tokens`.
    pub fn error_at(&mut self, tokens: impl quote::ToTokens, message: impl Display) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records a `syn` error.
    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// Records the error of `result`, if any, and returns its value.
    pub fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|e| self.push(e)).ok()
    }

    /// `Ok(())` if there are no errors, else all of them as `compile_error!`s.
    pub fn finish(self) -> Result<(), TokenStream> {
        if self.errors.is_empty() {
            return Ok(());
        }
        Err(self.errors.into_iter().map(|e| e.to_compile_error()).collect())
    }
}
