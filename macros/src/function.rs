//! The model of a Rust function exposed to Python, shared by `#[pyfunction]` (and later
//! `#[pymethods]`): its parameters with their roles and Python signature, its options, its
//! return kind; parsed and checked from a `syn::Signature`, all errors collected.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use crate::signature::{Kind, Signature};
use proc_macro2::{Span, TokenStream};
use syn::visit_mut::VisitMut;
use syn::{FnArg, Ident, Pat, Type};

/// What a Rust parameter receives.
pub enum Role {
    /// The `Python<'py>` token.
    Py,
    /// The module (`pass_module`).
    Module,
    /// The Python parameter `signature.params[index]`.
    Named { index: usize, from_py_with: Option<syn::Expr> },
    /// `*args`.
    VarArgs,
    /// `**kwargs`.
    KwArgs,
}

/// One Rust parameter.
pub struct Param {
    pub ident: Ident,
    /// The type with every lifetime replaced by `'_`, for use in the wrapper.
    pub ty: Type,
    pub role: Role,
}

/// What the function returns, as far as the wrapper cares.
#[derive(PartialEq, Eq)]
pub enum Return {
    /// `()` or `Result<(), E>`: `None` to Python.
    Unit,
    /// Anything else convertible.
    Value,
}

/// A function as Python sees it.
pub struct FnSpec {
    pub rust_name: Ident,
    pub py_name: String,
    pub doc: String,
    /// `Some(text)` to put a `__text_signature__` in the docstring.
    pub text_signature: Option<String>,
    pub params: Vec<Param>,
    pub signature: Signature,
    pub ret: Return,
    /// Warnings issued at each call, before the arguments are read.
    pub warnings: Vec<Warning>,
}

/// The options of `#[pyfunction]` that the model reads.
#[derive(Default)]
pub struct FnOptions {
    pub name: Option<(String, Span)>,
    pub signature: Option<TokenStream>,
    /// `None`: automatic; `Some(None)`: `text_signature = None`; `Some(Some(s))`: given.
    pub text_signature: Option<Option<String>>,
    pub pass_module: bool,
    /// `warn(message = "...", category = Path)`, in order: warnings issued at each call.
    pub warnings: Vec<Warning>,
}

/// One `#[pyo3(warn(message = "...", category = ...))]`.
#[derive(Clone)]
pub struct Warning {
    pub message: String,
    /// The warning class (a type such as `PyDeprecationWarning`); `UserWarning` when absent.
    pub category: Option<syn::Path>,
    pub span: Span,
}

impl FnOptions {
    /// Reads the options this model knows from `opts`; `other` decides about the rest (returns
    /// whether it took the option).
    pub fn take(
        opts: &[Opt],
        errors: &mut Errors,
        mut other: impl FnMut(&Opt, &mut Errors) -> bool,
    ) -> Self {
        let mut o = FnOptions::default();
        for opt in opts {
            match opt.key.to_string().as_str() {
                "name" => {
                    if let Some(v) =
                        opt.value.as_ref().and_then(|v| syn::parse2::<Ident>(v.clone()).ok())
                    {
                        o.name = Some((crate::signature::unraw(&v), v.span()));
                    } else if let Some(s) = opt.lit_str(errors) {
                        o.name = Some((s.value(), s.span()));
                    }
                }
                "signature" => match &opt.value {
                    Some(v) => o.signature = Some(v.clone()),
                    None => errors.error_hint(
                        opt.span(),
                        "`signature` expects a value",
                        "write `signature = (a, b=1, *, c)`",
                    ),
                },
                "text_signature" => match &opt.value {
                    Some(v) if v.to_string() == "None" => o.text_signature = Some(None),
                    Some(_) => o.text_signature = opt.lit_str(errors).map(|s| Some(s.value())),
                    None => errors.error(opt.span(), "`text_signature` expects a string or `None`"),
                },
                "pass_module" => o.pass_module = opt.flag(errors),
                "warn" => {
                    if let Some(w) = parse_warning(opt, errors) {
                        o.warnings.push(w);
                    }
                }
                _ => {
                    if !other(opt, errors) {
                        errors.error_hint(
                            opt.span(),
                            format!("unknown option `{}`", opt.key),
                            "#[pyfunction] accepts `name`, `signature`, `text_signature`, `pass_module`, `warn` and `crate`",
                        );
                    }
                }
            }
        }
        o
    }
}

/// Reads `warn(message = "...", category = path)`.
fn parse_warning(opt: &Opt, errors: &mut Errors) -> Option<Warning> {
    let Some(args) = &opt.args else {
        errors.error_hint(
            opt.span(),
            "`warn` expects its arguments in parentheses",
            "write `warn(message = \"...\", category = PyDeprecationWarning)`",
        );
        return None;
    };
    let mut message = None;
    let mut category = None;
    for inner in errors.ok(attrs::parse_opts(args.clone()))? {
        match inner.key.to_string().as_str() {
            "message" => message = inner.lit_str(errors).map(|s| s.value()),
            "category" => category = inner.parse::<syn::Path>(errors, "a warning type"),
            other => errors.error_hint(
                inner.span(),
                format!("unknown `warn` argument `{other}`"),
                "`warn` takes `message = \"...\"` and, optionally, `category = WarningType`",
            ),
        }
    }
    match message {
        Some(message) => Some(Warning { message, category, span: opt.span() }),
        None => {
            errors.error(opt.span(), "`warn` needs a `message = \"...\"`");
            None
        }
    }
}

/// Replaces every lifetime but `'static` by `'_`.
struct EraseLifetimes;

impl VisitMut for EraseLifetimes {
    fn visit_lifetime_mut(&mut self, lt: &mut syn::Lifetime) {
        if lt.ident != "static" {
            *lt = syn::Lifetime::new("'_", lt.span());
        }
    }
}

/// `ty` with every lifetime but `'static` replaced by `'_`, for use inside a wrapper.
pub fn erase_lifetimes(ty: &mut Type) {
    EraseLifetimes.visit_type_mut(ty);
}

/// Whether the tokens of `ty` contain the identifier `name`.
fn mentions(ty: &Type, name: &str) -> bool {
    fn walk(tokens: proc_macro2::TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == name,
            proc_macro2::TokenTree::Group(g) => walk(g.stream(), name),
            _ => false,
        })
    }
    walk(quote::ToTokens::to_token_stream(ty), name)
}

/// Whether `ty` is `Python<...>` (by its last path segment).
fn is_python(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Python"))
}

/// Whether the return type is `()` / absent, or a `Result`/`PyResult` of `()`.
fn return_kind(output: &syn::ReturnType) -> Return {
    let syn::ReturnType::Type(_, ty) = output else { return Return::Unit };
    let is_unit = |t: &Type| matches!(t, Type::Tuple(t) if t.elems.is_empty());
    if is_unit(ty) {
        return Return::Unit;
    }
    if let Type::Path(p) = &**ty {
        if let Some(last) = p.path.segments.last() {
            if last.ident == "PyResult" || last.ident == "Result" {
                if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                    if let Some(syn::GenericArgument::Type(first)) = args.args.first() {
                        if is_unit(first) {
                            return Return::Unit;
                        }
                    }
                }
            }
        }
    }
    Return::Value
}

impl FnSpec {
    /// Builds the model of `sig` (whose parameters lose their `#[pyo3]` attributes), checking
    /// it against `options`.
    pub fn new(
        sig: &mut syn::Signature,
        attrs: &[syn::Attribute],
        options: &FnOptions,
        errors: &mut Errors,
    ) -> FnSpec {
        check_plain_fn(sig, errors);
        let mut params = Vec::new();
        let mut named: Vec<Ident> = Vec::new();
        for (position, input) in sig.inputs.iter_mut().enumerate() {
            let FnArg::Typed(pt) = input else {
                errors.error_hint(
                    input_span(input),
                    "#[pyfunction] cannot take `self`",
                    "put methods in a `#[pymethods] impl` block",
                );
                continue;
            };
            let param_opts = attrs::take_pyo3_attrs(&mut pt.attrs, errors);
            let mut from_py_with = None;
            for opt in &param_opts {
                if opt.key == "from_py_with" {
                    from_py_with = opt.parse::<syn::Expr>(errors, "a function path");
                } else {
                    errors.error_hint(
                        opt.span(),
                        format!("unknown parameter option `{}`", opt.key),
                        "parameters accept `from_py_with = path`",
                    );
                }
            }
            let ident = match &*pt.pat {
                Pat::Ident(p) => p.ident.clone(),
                other => {
                    errors.error_hint(
                        crate::diag_span(other),
                        "expected a parameter name",
                        "destructure inside the function body",
                    );
                    continue;
                }
            };
            let mut ty = (*pt.ty).clone();
            EraseLifetimes.visit_type_mut(&mut ty);
            let role = if is_python(&ty) {
                Role::Py
            } else if options.pass_module && position == 0 {
                if !mentions(&ty, "PyModule") {
                    errors.error_hint(
                        crate::diag_span(&pt.ty),
                        "with `pass_module`, the first parameter receives the module",
                        "declare it as `module: &Bound<'_, PyModule>`",
                    );
                }
                Role::Module
            } else {
                named.push(ident.clone());
                Role::Named { index: usize::MAX, from_py_with }
            };
            params.push(Param { ident, ty, role });
        }
        let signature = match &options.signature {
            Some(tokens) => {
                Signature::parse(tokens, errors).unwrap_or_else(|| Signature::plain(named.clone()))
            }
            None => Signature::plain(named.clone()),
        };
        if options.pass_module && sig.inputs.is_empty() {
            errors.error_hint(
                sig.ident.span(),
                "with `pass_module`, the function must take the module as its first parameter",
                "add `module: &Bound<'_, PyModule>` as the first parameter",
            );
        }
        resolve_roles(&mut params, &signature, options.signature.is_some(), errors);
        let py_name = options
            .name
            .as_ref()
            .map_or_else(|| crate::signature::unraw(&sig.ident), |(n, _)| n.clone());
        let text_signature = match &options.text_signature {
            Some(explicit) => explicit.clone(),
            // The module a `pass_module` function receives shows as `$module`, as in CPython's
            // own module functions (`inspect.signature` leaves it out).
            None => Some(signature.text_signature(options.pass_module.then_some("$module"))),
        };
        let doc = attrs::doc_string(attrs);
        FnSpec {
            rust_name: sig.ident.clone(),
            py_name,
            doc,
            text_signature,
            params,
            signature,
            ret: return_kind(&sig.output),
            warnings: options.warnings.clone(),
        }
    }

    /// The docstring with the text signature in CPython's `name(sig)\n--\n\n` form.
    pub fn full_doc(&self) -> String {
        match &self.text_signature {
            Some(sig) => format!("{}{sig}\n--\n\n{}", self.py_name, self.doc),
            None => self.doc.clone(),
        }
    }
}

/// Links each named Rust parameter to its signature entry; every parameter must appear exactly
/// once and every entry must name a parameter.
fn resolve_roles(params: &mut [Param], sig: &Signature, explicit: bool, errors: &mut Errors) {
    for param in params.iter_mut() {
        let Role::Named { index, .. } = &mut param.role else { continue };
        if sig.varargs.as_ref() == Some(&param.ident) {
            param.role = Role::VarArgs;
        } else if sig.kwargs.as_ref() == Some(&param.ident) {
            param.role = Role::KwArgs;
        } else if let Some(i) = sig.params.iter().position(|p| p.name == param.ident) {
            *index = i;
        } else if explicit {
            errors.error_hint(
                param.ident.span(),
                format!("parameter `{}` is missing from the signature", param.ident),
                format!("add `{}` to `signature = (...)`", param.ident),
            );
        }
    }
    let known = |name: &Ident| params.iter().any(|p| &p.ident == name);
    for name in sig.params.iter().map(|p| &p.name).chain(&sig.varargs).chain(&sig.kwargs) {
        if !known(name) {
            errors.error(
                name.span(),
                format!("signature entry `{name}` is not a parameter of the function"),
            );
        }
    }
}

/// Errors for what a Python-callable function cannot be.
fn check_plain_fn(sig: &syn::Signature, errors: &mut Errors) {
    if let Some(a) = &sig.asyncness {
        errors.error_hint(
            a.span,
            "async #[pyfunction]s are not supported",
            "run the future with a runtime inside a plain function",
        );
    }
    if let Some(u) = &sig.unsafety {
        errors.error_hint(
            u.span,
            "a #[pyfunction] cannot be `unsafe`",
            "callers in Python cannot uphold its contract; make it safe",
        );
    }
    if let Some(v) = &sig.variadic {
        errors.error_at(v, "C-variadic functions cannot be #[pyfunction]s");
    }
    for param in &sig.generics.params {
        if !matches!(param, syn::GenericParam::Lifetime(_)) {
            errors.error_hint(
                crate::diag_span(param),
                "a #[pyfunction] cannot have type or const parameters",
                "Python calls one concrete function: write a wrapper per type",
            );
        }
    }
}

fn input_span(input: &FnArg) -> Span {
    crate::diag_span(input)
}

impl Kind {
    /// The `impl_::extract::ParamKind` variant name.
    pub fn variant(self) -> &'static str {
        match self {
            Kind::PositionalOnly => "PositionalOnly",
            Kind::PositionalOrKeyword => "PositionalOrKeyword",
            Kind::KeywordOnly => "KeywordOnly",
        }
    }
}
