//! The model shared by `#[derive(FromPyObject)]` and `#[derive(IntoPyObject)]`: a container
//! (struct or enum variant) is transparent, a tuple, or named fields, each field read from or
//! written to an attribute, an item or a position; parsed from `#[pyo3(...)]` options with every
//! error collected.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use crate::rename::RenameRule;
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Fields, Ident, Member, Type};

/// Where a named field's value lives in the Python object.
pub enum Source {
    /// `getattr(obj, name)`.
    Attr(String),
    /// `obj[key]` (a Rust expression: a string or integer literal).
    Item(TokenStream),
}

/// One field.
pub struct Field {
    pub member: Member,
    /// The name shown in errors (`a` or `0`).
    pub label: String,
    /// The label after `rename_all`: the key a derived `IntoPyObject` writes, unless the field
    /// names an item (an `attribute("...")` name is for extraction only, as in PyO3).
    pub renamed: String,
    pub ty: Type,
    pub source: Option<Source>,
    /// `None`: required; `Some(None)`: `Default::default()`; `Some(Some(e))`: `e`.
    pub default: Option<Option<syn::Expr>>,
    pub from_py_with: Option<syn::Expr>,
    /// The function, and the span of the `into_py_with` key.
    pub into_py_with: Option<(proc_macro2::Span, syn::Expr)>,
}

/// How a container maps to Python.
pub enum Shape {
    /// The one field is the object itself.
    Transparent(Box<Field>),
    /// A tuple of the fields (tuple structs with several fields).
    Tuple(Vec<Field>),
    /// Attributes or items (structs with named fields).
    Named(Vec<Field>),
}

/// A struct, or one variant of an enum.
pub struct Container {
    pub ident: Ident,
    /// `Struct` or `Enum::Variant`, for errors.
    pub path_name: String,
    /// The label in enum errors (`annotation = "..."`, default the variant name).
    pub annotation: String,
    pub shape: Shape,
    /// `#[pyo3(transparent)]` was written (a one-field tuple struct is transparent without it).
    pub explicit_transparent: bool,
}

/// Container-level options.
#[derive(Default)]
pub struct ContainerOptions {
    pub transparent: bool,
    pub from_item_all: bool,
    pub rename_all: Option<RenameRule>,
    pub annotation: Option<String>,
}

impl ContainerOptions {
    /// Reads container options, leaving `crate` to the caller.
    pub fn parse(opts: &[Opt], errors: &mut Errors, is_variant: bool) -> ContainerOptions {
        let mut o = ContainerOptions::default();
        for opt in opts {
            match opt.key.to_string().as_str() {
                "transparent" => o.transparent = opt.flag(errors),
                "from_item_all" => o.from_item_all = opt.flag(errors),
                "rename_all" => {
                    if let Some(s) = opt.lit_str(errors) {
                        o.rename_all = RenameRule::parse(&s.value());
                        if o.rename_all.is_none() {
                            let known: Vec<&str> = crate::rename::RULES.iter().map(|(n, _)| *n).collect();
                            errors.error_hint(s.span(), format!("unknown case convention `{}`", s.value()), format!("use one of {}", known.join(", ")));
                        }
                    }
                }
                "annotation" if is_variant => o.annotation = opt.lit_str(errors).map(|s| s.value()),
                "crate" if !is_variant => {}
                _ => errors.error_hint(
                    opt.span(),
                    format!("unknown option `{}`", opt.key),
                    "containers accept `transparent`, `from_item_all`, `rename_all`, `crate` (and `annotation` on enum variants)",
                ),
            }
        }
        o
    }
}

impl Container {
    /// Builds the model of a struct or variant with `fields`.
    pub fn new(
        ident: &Ident,
        path_name: String,
        fields: &mut Fields,
        options: &ContainerOptions,
        errors: &mut Errors,
    ) -> Option<Container> {
        let mut parsed = Vec::new();
        let named = matches!(fields, Fields::Named(_));
        for (index, field) in fields.iter_mut().enumerate() {
            let opts = attrs::take_pyo3_attrs(&mut field.attrs, errors);
            let (member, label) = match &field.ident {
                Some(i) => (Member::Named(i.clone()), crate::signature::unraw(i)),
                None => (Member::Unnamed(index.into()), index.to_string()),
            };
            let renamed = match options.rename_all {
                Some(rule) if named => rule.apply(&label),
                _ => label.clone(),
            };
            let mut f = Field {
                member,
                label,
                renamed: renamed.clone(),
                ty: field.ty.clone(),
                source: None,
                default: None,
                from_py_with: None,
                into_py_with: None,
            };
            for opt in &opts {
                match opt.key.to_string().as_str() {
                    "attribute" => {
                        let name = match &opt.args {
                            Some(a) => errors.ok(syn::parse2::<syn::LitStr>(a.clone())).map(|s| s.value()),
                            None => None,
                        };
                        f.source = Some(Source::Attr(name.unwrap_or_else(|| renamed.clone())));
                    }
                    "item" => {
                        let key = match &opt.args {
                            Some(a) => errors.ok(syn::parse2::<syn::Lit>(a.clone())).map(|l| l.to_token_stream()),
                            None => None,
                        };
                        f.source = Some(Source::Item(key.unwrap_or_else(|| quote!(#renamed))));
                    }
                    "default" => f.default = Some(opt.value.as_ref().and_then(|_| opt.parse::<syn::Expr>(errors, "an expression"))),
                    "from_py_with" => f.from_py_with = opt.parse::<syn::Expr>(errors, "a function path"),
                    "into_py_with" => {
                        f.into_py_with = opt.parse::<syn::Expr>(errors, "a function path").map(|e| (opt.span(), e))
                    }
                    _ => errors.error_hint(opt.span(), format!("unknown field option `{}`", opt.key), "fields accept `attribute`, `item`, `default`, `from_py_with`, `into_py_with`"),
                }
            }
            if !named && f.source.is_some() {
                errors.error(opt_span(&opts), "`attribute` and `item` apply to named fields only");
            }
            if named && f.source.is_none() {
                f.source = Some(if options.from_item_all {
                    Source::Item(quote!(#renamed))
                } else {
                    Source::Attr(renamed)
                });
            }
            parsed.push(f);
        }
        let count = parsed.len();
        let shape = if options.transparent || (!named && count == 1) {
            if count != 1 {
                errors.error_hint(
                    ident.span(),
                    "`transparent` needs exactly one field",
                    "remove `transparent` or the extra fields",
                );
                return None;
            }
            Shape::Transparent(Box::new(parsed.pop()?))
        } else if named {
            Shape::Named(parsed)
        } else if count == 0 {
            errors.error_hint(
                ident.span(),
                format!("cannot convert `{path_name}`: it has no fields"),
                "give it a field, or convert it by hand",
            );
            return None;
        } else {
            Shape::Tuple(parsed)
        };
        let annotation =
            options.annotation.clone().unwrap_or_else(|| crate::signature::unraw(ident));
        Some(Container {
            ident: ident.clone(),
            path_name,
            annotation,
            shape,
            explicit_transparent: options.transparent,
        })
    }
}

fn opt_span(opts: &[Opt]) -> proc_macro2::Span {
    opts.first().map_or_else(proc_macro2::Span::call_site, Opt::span)
}
