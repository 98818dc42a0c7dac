//! `#[pymethods]`: each item of the `impl` block is classified (constructor, method, static or
//! class method, getter, setter, class attribute, or a slot for the special methods the runtime
//! supports), its receiver recognised, its other parameters modelled by [`FnSpec`]; the
//! expansion is one marker type per item implementing the runtime's safe trait for its kind,
//! and the class's `PyMethods` item table, all in an anonymous `const _` block.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use crate::function::{FnOptions, FnSpec, Role};
use crate::pymethods_receiver::Receiver;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// What an item of the block becomes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    New,
    Method,
    Static,
    Class,
    Getter,
    Setter,
    Deleter,
    ClassAttr,
}

/// Expands `#[pymethods] impl T { ... }`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let mut opts: Vec<Opt> = errors.ok(attrs::parse_opts(args)).unwrap_or_default();
    let mut block: syn::ItemImpl = match syn::parse2(item) {
        Ok(i) => i,
        Err(e) => {
            return syn::Error::new(e.span(), "#[pymethods] applies to an `impl` block")
                .to_compile_error()
        }
    };
    // `#[pyo3(crate = "...")]` on the block, as on `#[pyclass]`.
    opts.extend(attrs::take_pyo3_attrs(&mut block.attrs, &mut errors));
    for opt in &opts {
        if opt.key != "crate" {
            errors.error_hint(
                opt.span(),
                format!("unknown option `{}`", opt.key),
                "#[pymethods] accepts `crate`",
            );
        }
    }
    let krate = crate::krate::crate_path(attrs::crate_opt(&opts, &mut errors).as_ref());
    if let Some((_, path, _)) = &block.trait_ {
        errors.error_hint(
            crate::diag_span(path),
            "#[pymethods] applies to inherent `impl` blocks",
            "remove the trait, or implement it outside #[pymethods]",
        );
    }
    if !block.generics.params.is_empty() {
        errors.error_hint(
            crate::diag_span(&block.generics),
            "#[pymethods] cannot be generic",
            "#[pyclass] types are concrete",
        );
    }
    let self_ty = (*block.self_ty).clone();
    let mut out = Output::default();
    let mut seen: Vec<(String, Kind)> = Vec::new();
    for item in &mut block.items {
        match item {
            syn::ImplItem::Fn(f) => {
                if let Some((name, kind)) = method(&krate, &self_ty, f, &mut out, &mut errors) {
                    if seen.iter().any(|(n, k)| n == &name && *k == kind) {
                        errors.error_hint(
                            f.sig.ident.span(),
                            format!("Python name `{name}` is defined twice in this block"),
                            "rename one with `#[pyo3(name = \"...\")]`",
                        );
                    }
                    seen.push((name, kind));
                }
            }
            syn::ImplItem::Const(c) if c.attrs.iter().any(|a| a.path().is_ident("classattr")) => {
                attrs::take_marker(&mut c.attrs, "classattr");
                let ident = &c.ident;
                let name = crate::signature::unraw(ident);
                let f = format_ident!("__ClassAttr_{}", name);
                out.helpers.push(quote! {
                    #[allow(non_snake_case)]
                    fn #f(py: #krate::Python<'_>) -> #krate::PyResult<#krate::Py<#krate::PyAny>> {
                        #krate::impl_::argument::ret(py, #self_ty::#ident).map(#krate::Bound::unbind)
                    }
                });
                out.methods.push(quote!(#krate::impl_::pyclass::PyMethodDefType::ClassAttribute(
                    #krate::impl_::pyclass::PyClassAttributeDef::new(#name, #f))));
            }
            _ => {}
        }
    }
    crate::pymethods_ops::combine(&krate, &mut out, &mut errors);
    if let Err(e) = errors.finish() {
        return quote!(#block #e);
    }
    let Output { helpers, methods, slots, text_signature, .. } = out;
    let text_signature = match text_signature {
        Some(sig) => quote!(::core::option::Option::Some(#sig)),
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #block
        const _: () = {
            #(#helpers)*
            impl #krate::impl_::pyclass::PyMethods<#self_ty> for #krate::impl_::pyclass::PyClassImplCollector<#self_ty> {
                fn py_methods(self) -> &'static #krate::impl_::pyclass::PyClassItems {
                    static ITEMS: #krate::impl_::pyclass::PyClassItems = #krate::impl_::pyclass::PyClassItems {
                        methods: &[#(#methods),*],
                        slots: &[#(#slots),*],
                        text_signature: #text_signature,
                    };
                    &ITEMS
                }
            }
        };
    }
}

/// What the expansion collects.
#[derive(Default)]
pub struct Output {
    pub helpers: Vec<TokenStream>,
    pub methods: Vec<TokenStream>,
    pub slots: Vec<TokenStream>,
    /// Slot methods that share a slot with others: Python name, marker, span.
    pub fragments: Vec<(String, syn::Ident, proc_macro2::Span)>,
    /// `#[setter]`s: Python name, marker, docstring.
    pub setters: Vec<(String, syn::Ident, TokenStream)>,
    /// `#[deleter]`s: Python name, marker.
    pub deleters: Vec<(String, syn::Ident)>,
    /// Where `__richcmp__` is defined, if it is.
    pub has_richcmp: Option<proc_macro2::Span>,
    /// The text signature of `#[new]`, for the class's `__text_signature__`.
    pub text_signature: Option<String>,
}

/// Classifies and expands one `fn`; returns its Python name and kind.
fn method(
    k: &TokenStream,
    self_ty: &syn::Type,
    f: &mut syn::ImplItemFn,
    out: &mut Output,
    errors: &mut Errors,
) -> Option<(String, Kind)> {
    let mut kinds = Vec::new();
    let mut getset_name: Option<String> = None;
    for (marker, kind) in [
        ("new", Kind::New),
        ("staticmethod", Kind::Static),
        ("classmethod", Kind::Class),
        ("getter", Kind::Getter),
        ("setter", Kind::Setter),
        ("deleter", Kind::Deleter),
        ("classattr", Kind::ClassAttr),
    ] {
        if let Some(attr) = attrs::take_marker(&mut f.attrs, marker) {
            if let syn::Meta::List(l) = &attr.meta {
                match syn::parse2::<syn::Ident>(l.tokens.clone()) {
                    Ok(i) => getset_name = Some(crate::signature::unraw(&i)),
                    Err(_) => match syn::parse2::<syn::LitStr>(l.tokens.clone()) {
                        Ok(s) => getset_name = Some(s.value()),
                        Err(_) => {
                            errors.error_at(&l.tokens, format!("`#[{marker}(...)]` expects a name"))
                        }
                    },
                }
            }
            kinds.push((kind, attr));
        }
    }
    // `#[new]` with `#[classmethod]`: a constructor that receives the class being instantiated.
    let new_cls = kinds.len() == 2
        && kinds.iter().any(|(k, _)| *k == Kind::New)
        && kinds.iter().any(|(k, _)| *k == Kind::Class);
    if new_cls {
        kinds.retain(|(k, _)| *k == Kind::New);
    }
    if kinds.len() > 1 {
        errors.error_at(&kinds[1].1, "a method can have only one of #[new], #[staticmethod], #[classmethod], #[getter], #[setter], #[deleter], #[classattr] (or #[new] with #[classmethod])");
    }
    let mut opts = attrs::take_pyo3_attrs(&mut f.attrs, errors);
    opts.retain(|o| o.key != "crate");
    let options = FnOptions::take(&opts, errors, |_, _| false);
    let receiver = Receiver::find(&f.sig, self_ty, errors);
    let rust_name = crate::signature::unraw(&f.sig.ident);
    let kind = match kinds.first().map(|(k, _)| *k) {
        Some(kind) => kind,
        None if receiver.is_some() => Kind::Method,
        None => {
            errors.error_hint(
                f.sig.ident.span(),
                format!("`{rust_name}` has no `self`: mark it #[staticmethod], #[classmethod], #[new] or #[classattr]"),
                "or take `&self` / `slf: PyRef<'_, Self>` to make it a method",
            );
            return None;
        }
    };
    if matches!(kind, Kind::Static | Kind::New | Kind::ClassAttr | Kind::Class) {
        if let Some(r) = &receiver {
            errors.error_hint(
                r.span,
                format!("a {} cannot take `self`", kind_name(kind)),
                "remove the receiver, or drop the attribute to make it a method",
            );
        }
    }
    if matches!(kind, Kind::Getter | Kind::Setter | Kind::Deleter) && receiver.is_none() {
        errors.error(f.sig.ident.span(), format!("a {} must take `self`", kind_name(kind)));
    }
    let py_name = options.name.as_ref().map(|(n, _)| n.clone()).or(getset_name).unwrap_or_else(
        || match kind {
            Kind::Getter => rust_name.strip_prefix("get_").unwrap_or(&rust_name).to_string(),
            Kind::Setter => rust_name.strip_prefix("set_").unwrap_or(&rust_name).to_string(),
            Kind::Deleter => rust_name.strip_prefix("delete_").unwrap_or(&rust_name).to_string(),
            Kind::New => "__new__".to_string(),
            _ => rust_name.clone(),
        },
    );
    let slot =
        kind == Kind::Method && crate::pymethods_ops::is_slot(&py_name) && py_name != "__call__";
    if let Some(w) = options.warnings.first() {
        if slot || matches!(kind, Kind::Getter | Kind::Setter | Kind::Deleter | Kind::ClassAttr) {
            errors.error_hint(
                w.span,
                format!(
                    "`warn` is not supported on {}",
                    if slot { "special methods implemented as slots" } else { kind_name(kind) }
                ),
                "use it on functions, methods, static and class methods, and #[new]",
            );
        }
    }
    // The signature without the receiver and `cls`, for the parameter model.
    let mut sig = f.sig.clone();
    if matches!(rust_name.as_str(), "__getbuffer__" | "__releasebuffer__") {
        // PyO3 declares these `unsafe fn` (they take the raw `Py_buffer`); only `impl_` calls them.
        sig.unsafety = None;
    }
    let takes_cls = kind == Kind::Class || new_cls;
    let skip = usize::from(receiver.is_some() || takes_cls);
    sig.inputs = sig.inputs.into_iter().skip(skip).collect();
    if takes_cls && f.sig.inputs.is_empty() {
        errors.error_hint(
            f.sig.ident.span(),
            "a #[classmethod] takes the class first",
            "add `cls: &Bound<'_, PyType>`",
        );
    }
    let mut spec = FnSpec::new(&mut sig, &f.attrs, &options, errors);
    // The wrapper sits in a marker type's impl, where `Self` would name the marker.
    crate::self_type::replace_in_spec(&mut spec, self_ty);
    // Write the parameters' attributes back without `#[pyo3]` (FnSpec removed them from the copy).
    for (orig, stripped) in f.sig.inputs.iter_mut().skip(skip).zip(sig.inputs.iter()) {
        *orig = stripped.clone();
    }
    let ctx = crate::pymethods_expand::Ctx {
        k,
        self_ty,
        rust: &f.sig.ident,
        receiver: receiver.as_ref(),
        spec: &spec,
    };
    let is_slot = kind == Kind::Method && crate::pymethods_ops::is_slot(&py_name);
    match kind {
        Kind::Method if is_slot => ctx.slot(&py_name, out, errors),
        Kind::Method | Kind::Static | Kind::Class => ctx.method(kind, &py_name, out),
        Kind::New => ctx.constructor(new_cls, out),
        Kind::Getter => {
            if spec.params.iter().any(|p| !matches!(p.role, Role::Py)) {
                errors.error_hint(
                    f.sig.ident.span(),
                    "a #[getter] takes no arguments besides `self` (and `py`)",
                    "make it a method",
                );
            }
            ctx.getter(&py_name, out)
        }
        Kind::Setter => {
            let values = spec.params.iter().filter(|p| !matches!(p.role, Role::Py)).count();
            if values != 1 {
                errors.error_hint(
                    f.sig.ident.span(),
                    "a #[setter] takes `self` and the new value",
                    "write `fn set_x(&mut self, value: T)`",
                );
            }
            ctx.setter(&py_name, out)
        }
        Kind::Deleter => {
            if spec.params.iter().any(|p| !matches!(p.role, Role::Py)) {
                errors.error_hint(
                    f.sig.ident.span(),
                    "a #[deleter] takes no arguments besides `self` (and `py`)",
                    "write `fn delete_x(&mut self)`",
                );
            }
            ctx.deleter(&py_name, out)
        }
        Kind::ClassAttr => {
            if spec.params.iter().any(|p| !matches!(p.role, Role::Py)) {
                errors
                    .error(f.sig.ident.span(), "a #[classattr] takes no arguments (besides `py`)");
            }
            ctx.class_attr(&py_name, out)
        }
    }
    Some((py_name, if matches!(kind, Kind::Static | Kind::Class) { Kind::Method } else { kind }))
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::New => "#[new] constructor",
        Kind::Method => "method",
        Kind::Static => "#[staticmethod]",
        Kind::Class => "#[classmethod]",
        Kind::Getter => "#[getter]",
        Kind::Setter => "#[setter]",
        Kind::Deleter => "#[deleter]",
        Kind::ClassAttr => "#[classattr]",
    }
}
