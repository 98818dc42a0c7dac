//! `Self` in a `#[pymethods]` item's parameter types, defaults and `from_py_with` paths means
//! the class; the wrapper that extracts the parameters sits in a marker type's trait impl,
//! where `Self` would name the marker, so the class type is written in its place.

use crate::function::{FnSpec, Role};
use proc_macro2::{Group, TokenStream, TokenTree};
use quote::ToTokens;

/// Replaces `Self` by `self_ty` in what the wrapper copies from the user's signature.
pub fn replace_in_spec(spec: &mut FnSpec, self_ty: &syn::Type) {
    let class = self_ty.to_token_stream();
    for param in &mut spec.params {
        replace_in(&mut param.ty, &class);
        if let Role::Named { from_py_with: Some(f), .. } = &mut param.role {
            replace_in(f, &class);
        }
    }
    for param in &mut spec.signature.params {
        if let Some(default) = &mut param.default {
            replace_in(default, &class);
        }
    }
}

/// Rewrites `node` with every `Self` token replaced (left unchanged if the result does not
/// parse, which the compiler then reports on the original).
fn replace_in<T: ToTokens + syn::parse::Parse>(node: &mut T, class: &TokenStream) {
    let tokens = node.to_token_stream();
    if !mentions_self(&tokens) {
        return;
    }
    if let Ok(replaced) = syn::parse2(replace_tokens(tokens, class)) {
        *node = replaced;
    }
}

fn mentions_self(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == "Self",
        TokenTree::Group(g) => mentions_self(&g.stream()),
        _ => false,
    })
}

/// `tokens` with each `Self` identifier replaced by `class` (spanned as the `Self` it replaces).
fn replace_tokens(tokens: TokenStream, class: &TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|t| -> Vec<TokenTree> {
            match t {
                TokenTree::Ident(i) if i == "Self" => class
                    .clone()
                    .into_iter()
                    .map(|mut c| {
                        c.set_span(i.span());
                        c
                    })
                    .collect(),
                TokenTree::Group(g) => {
                    let mut new = Group::new(g.delimiter(), replace_tokens(g.stream(), class));
                    new.set_span(g.span());
                    vec![TokenTree::Group(new)]
                }
                other => vec![other],
            }
        })
        .collect()
}
