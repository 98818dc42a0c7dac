//! Parsing macro options, written either as the macro's arguments (`#[pyfunction(name =
//! "f")]`) or in `#[pyo3(...)]` helper attributes: a list of `key` / `key = value` entries whose
//! values are kept as tokens for each macro's model to interpret.

use crate::diag::Errors;
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Token};

/// One `key`, `key = value` or `key(args)` entry.
pub struct Opt {
    pub key: Ident,
    pub value: Option<TokenStream>,
    /// The tokens inside `key(...)`.
    pub args: Option<TokenStream>,
}

impl Opt {
    /// The key's span.
    pub fn span(&self) -> Span {
        self.key.span()
    }

    /// The value as a string literal.
    pub fn lit_str(&self, errors: &mut Errors) -> Option<LitStr> {
        match &self.value {
            Some(v) => errors.ok(syn::parse2::<LitStr>(v.clone()).map_err(|_| {
                syn::Error::new_spanned(
                    v,
                    format!("expected a string literal: `{} = \"...\"`", self.key),
                )
            })),
            None => {
                errors.error(self.span(), format!("expected a value: `{} = \"...\"`", self.key));
                None
            }
        }
    }

    /// The value parsed as `T` (with `what` naming it in the error).
    pub fn parse<T: syn::parse::Parse>(&self, errors: &mut Errors, what: &str) -> Option<T> {
        match &self.value {
            Some(v) => errors.ok(syn::parse2::<T>(v.clone())
                .map_err(|e| syn::Error::new(e.span(), format!("`{}` expects {what}", self.key)))),
            None => {
                errors.error(self.span(), format!("`{}` expects {what}", self.key));
                None
            }
        }
    }

    /// For flags: an error if a value was given.
    pub fn flag(&self, errors: &mut Errors) -> bool {
        if let Some(v) = self.value.as_ref().or(self.args.as_ref()) {
            errors.error_at(v, format!("`{}` takes no value", self.key));
        }
        true
    }
}

/// Parses `key, key = value, ...`.
pub fn parse_opts(tokens: TokenStream) -> syn::Result<Vec<Opt>> {
    let parser = |input: ParseStream| {
        let mut opts = Vec::new();
        while !input.is_empty() {
            let key = if input.peek(Token![crate]) {
                let k: Token![crate] = input.parse()?;
                Ident::new("crate", k.span)
            } else {
                input.call(syn::ext::IdentExt::parse_any)?
            };
            let mut args = None;
            if input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in input);
                args = Some(content.parse::<TokenStream>()?);
            }
            let value = if input.peek(Token![=]) {
                let _: Token![=] = input.parse()?;
                let mut value = TokenStream::new();
                while !input.is_empty() && !input.peek(Token![,]) {
                    let tt: TokenTree = input.parse()?;
                    value.extend([tt]);
                }
                if value.is_empty() {
                    return Err(input.error(format!("expected a value after `{key} =`")));
                }
                Some(value)
            } else {
                None
            };
            opts.push(Opt { key, value, args });
            if !input.is_empty() {
                let _: Token![,] = input.parse()?;
            }
        }
        Ok(opts)
    };
    parser.parse2(tokens)
}

/// Removes the `#[pyo3(...)]` attributes from `attrs` and returns their options.
pub fn take_pyo3_attrs(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> Vec<Opt> {
    let mut opts = Vec::new();
    attrs.retain(|attr| {
        if !attr.path().is_ident("pyo3") {
            return true;
        }
        match attr.meta.require_list() {
            Ok(list) => {
                if let Some(parsed) = errors.ok(parse_opts(list.tokens.clone())) {
                    opts.extend(parsed);
                }
            }
            Err(e) => errors.push(e),
        }
        false
    });
    opts
}

/// Removes the attributes called `name` (e.g. `pymodule_export`) and reports whether there was one.
pub fn take_marker(attrs: &mut Vec<Attribute>, name: &str) -> Option<Attribute> {
    let pos = attrs.iter().position(|a| a.path().is_ident(name))?;
    Some(attrs.remove(pos))
}

/// The item's documentation: its `///` lines joined as Python docstrings are (one leading
/// space removed from each line).
pub fn doc_string(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value {
                let text = s.value();
                for line in text.split('\n') {
                    lines.push(line.strip_prefix(' ').unwrap_or(line).to_string());
                }
            }
        }
    }
    lines.join("\n")
}

/// The one `crate = "path"` option among `opts`, parsed.
pub fn crate_opt(opts: &[Opt], errors: &mut Errors) -> Option<syn::Path> {
    let opt = opts.iter().find(|o| o.key == "crate")?;
    let lit = opt.lit_str(errors)?;
    errors.ok(lit.parse::<syn::Path>())
}
