//! The `signature = (a, b=1, /, c, *args, d, e=None, **kwargs)` option: parsing, checking
//! against Python's rules, and the `__text_signature__` it implies.

use crate::diag::Errors;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Token};

/// How a named parameter may be passed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    PositionalOnly,
    PositionalOrKeyword,
    KeywordOnly,
}

/// One named parameter of the signature.
pub struct SigParam {
    pub name: Ident,
    pub kind: Kind,
    /// The default, a Rust expression of the parameter's type.
    pub default: Option<TokenStream>,
}

/// A parsed signature.
pub struct Signature {
    pub params: Vec<SigParam>,
    pub varargs: Option<Ident>,
    pub kwargs: Option<Ident>,
}

enum Entry {
    Slash(Span),
    Star(Span),
    VarArgs(Ident),
    KwArgs(Ident),
    Named(Ident, Option<TokenStream>),
}

fn parse_entries(input: ParseStream) -> syn::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    while !input.is_empty() {
        let entry = if input.peek(Token![/]) {
            Entry::Slash(input.parse::<Token![/]>()?.span)
        } else if input.peek(Token![*]) && input.peek2(Token![*]) {
            input.parse::<Token![*]>()?;
            input.parse::<Token![*]>()?;
            Entry::KwArgs(input.parse()?)
        } else if input.peek(Token![*]) {
            let star: Token![*] = input.parse()?;
            if input.peek(Ident) {
                Entry::VarArgs(input.parse()?)
            } else {
                Entry::Star(star.span)
            }
        } else {
            let name: Ident = input.parse()?;
            let default = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                let mut expr = TokenStream::new();
                while !input.is_empty() && !input.peek(Token![,]) {
                    expr.extend([input.parse::<TokenTree>()?]);
                }
                if expr.is_empty() {
                    return Err(input.error(format!("expected a default value for `{name}`")));
                }
                Some(expr)
            } else {
                None
            };
            Entry::Named(name, default)
        };
        entries.push(entry);
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(entries)
}

impl Signature {
    /// Parses the parenthesised signature `tokens`, recording rule violations in `errors`.
    pub fn parse(tokens: &TokenStream, errors: &mut Errors) -> Option<Signature> {
        let group = match syn::parse2::<proc_macro2::Group>(tokens.clone()) {
            Ok(g) if g.delimiter() == proc_macro2::Delimiter::Parenthesis => g,
            _ => {
                errors.error_hint(
                    tokens.clone().into_iter().next().map_or(Span::call_site(), |t| t.span()),
                    "expected a parenthesised signature",
                    "write `signature = (a, b=1, /, c, *args, d, e=None, **kwargs)`",
                );
                return None;
            }
        };
        let entries = errors.ok(parse_entries.parse2(group.stream()))?;
        let mut sig = Signature { params: Vec::new(), varargs: None, kwargs: None };
        let mut kind = Kind::PositionalOrKeyword;
        let mut seen_slash = false;
        let mut seen_default = false;
        for entry in entries {
            if sig.kwargs.is_some() {
                let span = match &entry {
                    Entry::Slash(s) | Entry::Star(s) => *s,
                    Entry::VarArgs(i) | Entry::KwArgs(i) | Entry::Named(i, _) => i.span(),
                };
                errors.error(span, "nothing may follow `**kwargs` in a signature");
                continue;
            }
            match entry {
                Entry::Slash(span) => {
                    if seen_slash {
                        errors.error(span, "`/` may appear only once in a signature");
                    } else if kind == Kind::KeywordOnly {
                        errors.error(span, "`/` must come before `*` and `*args`");
                    } else if sig.params.is_empty() {
                        errors.error(span, "`/` must follow at least one parameter");
                    }
                    seen_slash = true;
                    for p in &mut sig.params {
                        p.kind = Kind::PositionalOnly;
                    }
                }
                Entry::Star(span) => {
                    if kind == Kind::KeywordOnly {
                        errors.error(span, "`*` may appear only once, and not after `*args`");
                    }
                    kind = Kind::KeywordOnly;
                }
                Entry::VarArgs(name) => {
                    if kind == Kind::KeywordOnly {
                        errors
                            .error(name.span(), "`*args` may appear only once, and not after `*`");
                    }
                    kind = Kind::KeywordOnly;
                    sig.varargs = Some(name);
                }
                Entry::KwArgs(name) => sig.kwargs = Some(name),
                Entry::Named(name, default) => {
                    if sig.params.iter().any(|p| p.name == name) {
                        errors.error(
                            name.span(),
                            format!("duplicate parameter `{name}` in the signature"),
                        );
                    }
                    if kind != Kind::KeywordOnly {
                        if default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            errors.error_hint(
                                name.span(),
                                format!("required parameter `{name}` follows a parameter with a default"),
                                "give it a default, or move it before the parameters that have one",
                            );
                        }
                    }
                    sig.params.push(SigParam { name, kind, default });
                }
            }
        }
        Some(sig)
    }

    /// The signature of a function whose parameters are all positional-or-keyword and required.
    pub fn plain(names: impl IntoIterator<Item = Ident>) -> Signature {
        let params = names
            .into_iter()
            .map(|name| SigParam { name, kind: Kind::PositionalOrKeyword, default: None })
            .collect();
        Signature { params, varargs: None, kwargs: None }
    }

    /// The `__text_signature__`, e.g. `(a, b=1, /, c, *args, d, e=None, **kwargs)`, with
    /// `first` (e.g. `$self`) in front if given.
    pub fn text_signature(&self, first: Option<&str>) -> String {
        let mut parts: Vec<String> = first.map(str::to_string).into_iter().collect();
        let mut slash_pending = false;
        let mut star_written = false;
        for p in &self.params {
            if p.kind == Kind::PositionalOnly {
                slash_pending = true;
            } else if slash_pending {
                parts.push("/".into());
                slash_pending = false;
            }
            if p.kind == Kind::KeywordOnly && !star_written {
                parts.push(match &self.varargs {
                    Some(v) => format!("*{}", unraw(v)),
                    None => "*".into(),
                });
                star_written = true;
            }
            let name = unraw(&p.name);
            parts.push(match &p.default {
                Some(d) => format!("{name}={}", render_default(d)),
                None => name,
            });
        }
        if slash_pending {
            parts.push("/".into());
        }
        if let (Some(v), false) = (&self.varargs, star_written) {
            parts.push(format!("*{}", unraw(v)));
        }
        if let Some(k) = &self.kwargs {
            parts.push(format!("**{}", unraw(k)));
        }
        format!("({})", parts.join(", "))
    }
}

/// An identifier without its `r#` prefix.
pub fn unraw(ident: &Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

/// How a default value shows in the text signature, as PyO3 writes it: a number in decimal
/// digits (`1_000` as `1000`), a string or char literal as it is spelled in the source (`"hi"`,
/// `r"raw"`, `'c'`), `True`/`False`, `None`; anything else, negative numbers included, as `...`.
fn render_default(tokens: &TokenStream) -> String {
    let Ok(expr) = syn::parse2::<syn::Expr>(tokens.clone()) else { return "...".into() };
    match expr {
        syn::Expr::Lit(lit) => match lit.lit {
            syn::Lit::Int(i) => i.base10_digits().to_string(),
            syn::Lit::Float(f) => f.base10_digits().to_string(),
            syn::Lit::Bool(b) => if b.value { "True" } else { "False" }.to_string(),
            syn::Lit::Str(s) if s.suffix().is_empty() => s.to_token_stream().to_string(),
            syn::Lit::Char(c) if c.suffix().is_empty() => c.to_token_stream().to_string(),
            _ => "...".into(),
        },
        syn::Expr::Path(p) if p.path.is_ident("None") => "None".into(),
        _ => "...".into(),
    }
}
