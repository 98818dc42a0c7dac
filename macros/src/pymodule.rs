//! `#[pymodule]`, both forms. The function form wraps `fn m(m: &Bound<'_, PyModule>) ->
//! PyResult<()>` (optionally with a leading `py: Python`); the declarative form takes a `mod`
//! whose `#[pymodule_export]` items, `#[pyfunction]`s, `#[pyclass]`es and nested `#[pymodule]`s
//! (made submodules) are added in order, then its `#[pymodule_init]` function runs. Both expand
//! to a static `ModuleDef` in a hidden module named like the item, and the export functions
//! (`PyInit_<name>`, plus `PyModExport_<name>` on 3.15+) unless the module is a submodule.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The options of `#[pymodule]`.
struct ModuleOptions {
    name: Option<String>,
    module: Option<String>,
    submodule: bool,
    gil_used: bool,
}

fn module_options(opts: &[Opt], errors: &mut Errors) -> ModuleOptions {
    let mut o = ModuleOptions { name: None, module: None, submodule: false, gil_used: false };
    for opt in opts {
        match opt.key.to_string().as_str() {
            "name" => {
                if let Some(v) =
                    opt.value.as_ref().and_then(|v| syn::parse2::<syn::Ident>(v.clone()).ok())
                {
                    o.name = Some(crate::signature::unraw(&v));
                } else {
                    o.name = opt.lit_str(errors).map(|s| s.value());
                }
            }
            "module" => o.module = opt.lit_str(errors).map(|s| s.value()),
            "submodule" => o.submodule = opt.flag(errors),
            "gil_used" => {
                o.gil_used = match &opt.value {
                    None => true,
                    Some(v) => {
                        opt.parse::<syn::LitBool>(errors, "`true` or `false`")
                            .is_some_and(|b| b.value)
                            && !v.is_empty()
                    }
                }
            }
            "crate" => {}
            _ => errors.error_hint(
                opt.span(),
                format!("unknown option `{}`", opt.key),
                "#[pymodule] accepts `name`, `module`, `submodule`, `gil_used` and `crate`",
            ),
        }
    }
    o
}

/// Expands `#[pymodule(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let mut opts: Vec<Opt> = errors.ok(attrs::parse_opts(args)).unwrap_or_default();
    let item: syn::Item = match syn::parse2(item) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error(),
    };
    match item {
        syn::Item::Fn(mut func) => {
            opts.extend(attrs::take_pyo3_attrs(&mut func.attrs, &mut errors));
            let krate = crate::krate::crate_path(attrs::crate_opt(&opts, &mut errors).as_ref());
            expand_pyfns(&mut func, &krate, &mut errors);
            let options = module_options(&opts, &mut errors);
            let call = function_call(&func, &mut errors);
            let doc = attrs::doc_string(&func.attrs);
            let ident = func.sig.ident.clone();
            let out = errors.finish().err().unwrap_or_else(|| {
                let exec = quote!(#krate::impl_::pymodule::module_result(#call));
                definition(&krate, &ident, &options, &doc, &func.vis, exec, true)
            });
            quote!(#func #out)
        }
        syn::Item::Mod(mut module) => {
            opts.extend(attrs::take_pyo3_attrs(&mut module.attrs, &mut errors));
            let krate = crate::krate::crate_path(attrs::crate_opt(&opts, &mut errors).as_ref());
            let options = module_options(&opts, &mut errors);
            let doc = attrs::doc_string(&module.attrs);
            let exec = declarative_body(&mut module, &krate, &options, &mut errors);
            if let Err(errs) = errors.finish() {
                return quote!(#module #errs);
            }
            let ident = module.ident.clone();
            let def = definition(
                &krate,
                &ident,
                &options,
                &doc,
                &syn::Visibility::Inherited,
                exec,
                false,
            );
            if let Some((_, items)) = &mut module.content {
                items.push(syn::Item::Verbatim(def));
            }
            quote!(#module)
        }
        other => {
            errors.error_at(&other, "#[pymodule] applies to a function or a `mod`");
            errors.finish().err().unwrap_or_default()
        }
    }
}

/// `#[pyfn(m)]` / `#[pyfn(m, name = "...", ...)]` on functions declared in a function-form
/// module's body (deprecated in PyO3, still accepted): each becomes a `#[pyfunction]` (the
/// options after the module go to it) added to the module `m` when the body starts.
fn expand_pyfns(func: &mut syn::ItemFn, krate: &TokenStream, errors: &mut Errors) {
    let mut adds = Vec::new();
    for stmt in &mut func.block.stmts {
        let syn::Stmt::Item(syn::Item::Fn(inner)) = stmt else { continue };
        let Some(pos) = inner.attrs.iter().position(|a| a.path().is_ident("pyfn")) else {
            continue;
        };
        let attr = inner.attrs.remove(pos);
        let tokens = match &attr.meta {
            syn::Meta::List(l) => l.tokens.clone(),
            _ => TokenStream::new(),
        };
        let mut parts = tokens.into_iter().peekable();
        let module = match parts.next() {
            Some(proc_macro2::TokenTree::Ident(m)) => m,
            _ => {
                errors.error_hint(
                    crate::diag_span(&attr),
                    "#[pyfn] names the module first",
                    "write `#[pyfn(m)]` with `m` the module parameter",
                );
                continue;
            }
        };
        if matches!(parts.peek(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == ',') {
            parts.next();
        }
        let options: TokenStream = parts.collect();
        inner.attrs.insert(0, syn::parse_quote!(#[#krate::pyfunction(#options)]));
        let ident = &inner.sig.ident;
        adds.push(syn::parse_quote! {
            #krate::types::PyModuleMethods::add_function(
                #module,
                #krate::wrap_pyfunction!(#ident, #module)?,
            )?;
        });
    }
    func.block.stmts.splice(0..0, adds);
}

/// The call of the user's function-form initialiser with `module` (and `py` first if it takes
/// two parameters).
fn function_call(func: &syn::ItemFn, errors: &mut Errors) -> TokenStream {
    let ident = &func.sig.ident;
    match func.sig.inputs.len() {
        1 => quote!(#ident(module)),
        2 => quote!(#ident(module.py(), module)),
        _ => {
            errors.error_hint(
                crate::diag_span(&func.sig),
                "a #[pymodule] function takes the module",
                "write `fn m(m: &Bound<'_, PyModule>) -> PyResult<()>`",
            );
            TokenStream::new()
        }
    }
}

/// The module's definition and its `PyModuleImpl`; `outside`: the items go beside the user's
/// function (referring into the hidden module), else inside the user's `mod`.
fn definition(
    krate: &TokenStream,
    ident: &syn::Ident,
    options: &ModuleOptions,
    doc: &str,
    vis: &syn::Visibility,
    exec: TokenStream,
    outside: bool,
) -> TokenStream {
    let name = options.name.clone().unwrap_or_else(|| crate::signature::unraw(ident));
    let full_name = match &options.module {
        Some(parent) => format!("{parent}.{name}"),
        None => name.clone(),
    };
    let name_c = crate::cstr(krate, &full_name);
    let doc_c = crate::cstr(krate, doc);
    let gil_used = options.gil_used;
    let marker = format_ident!("__PyroxideModule");
    let path = if outside { quote!(#ident::#marker) } else { quote!(#marker) };
    let def_path = if outside { quote!(#ident::__PYROXIDE_DEF) } else { quote!(__PYROXIDE_DEF) };
    let init = format_ident!("PyInit_{}", name);
    let hook = format_ident!("PyModExport_{}", name);
    let export = (!options.submodule)
        .then(|| quote!(#krate::__pyroxide_export_module!(#init, #hook, #path);));
    let statics = quote! {
        /// The module's wrapper type.
        #[doc(hidden)]
        pub struct #marker;
        /// The module's definition.
        #[doc(hidden)]
        pub static __PYROXIDE_DEF: #krate::impl_::pymodule::ModuleDef =
            #krate::impl_::pymodule::ModuleDef::new::<#marker>(#name_c, #doc_c, #gil_used);
    };
    let statics = if outside {
        quote! {
            #[doc(hidden)]
            #[allow(non_snake_case, non_upper_case_globals)]
            #vis mod #ident {
                #statics
            }
        }
    } else {
        statics
    };
    quote! {
        #statics
        impl #krate::impl_::pymodule::PyModuleImpl for #path {
            fn def() -> &'static #krate::impl_::pymodule::ModuleDef {
                &#def_path
            }
            fn exec(module: &#krate::Bound<'_, #krate::types::PyModule>) -> #krate::PyResult<()> {
                #exec
            }
        }
        #export
    }
}

/// Whether `attrs` has `#[name]` or `#[path::to::name]`.
fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().segments.last().is_some_and(|s| s.ident == name))
}

/// The body of `exec` for a declarative module: one addition per exported item, then the
/// `#[pymodule_init]` function. Nested `#[pymodule]`s become submodules.
fn declarative_body(
    module: &mut syn::ItemMod,
    krate: &TokenStream,
    options: &ModuleOptions,
    errors: &mut Errors,
) -> TokenStream {
    let Some((_, items)) = &mut module.content else {
        errors.error_hint(
            module.ident.span(),
            "#[pymodule] needs the module's items inline",
            "write `mod name { ... }`",
        );
        return TokenStream::new();
    };
    let mut adds = Vec::new();
    // The `#[pymodule_init]` function and its arity: `()`, `(module)` or `(py, module)`.
    let mut init: Option<(syn::Ident, usize)> = None;
    let parent = match &options.module {
        Some(p) => format!(
            "{p}.{}",
            options.name.clone().unwrap_or_else(|| crate::signature::unraw(&module.ident))
        ),
        None => options.name.clone().unwrap_or_else(|| crate::signature::unraw(&module.ident)),
    };
    let add = |path: TokenStream| quote!(#krate::impl_::pymodule::add_to_module(&#path::__PYROXIDE_DEF, module)?;);
    for item in items.iter_mut() {
        let before = adds.len();
        match &mut *item {
            syn::Item::Use(u) if has_attr(&u.attrs, "pymodule_export") => {
                attrs::take_marker(&mut u.attrs, "pymodule_export");
                let mut leaves = Vec::new();
                use_leaves(&u.tree, &mut leaves, errors);
                for leaf in leaves {
                    adds.push(add(quote!(#leaf)));
                }
            }
            syn::Item::Const(c) if has_attr(&c.attrs, "pymodule_export") => {
                attrs::take_marker(&mut c.attrs, "pymodule_export");
                let ident = &c.ident;
                let name = crate::signature::unraw(ident);
                adds.push(quote!(#krate::types::PyModuleMethods::add(module, #name, #ident)?;));
            }
            syn::Item::Fn(f) if has_attr(&f.attrs, "pymodule_init") => {
                attrs::take_marker(&mut f.attrs, "pymodule_init");
                if let Some((previous, _)) = &init {
                    errors.error(
                        f.sig.ident.span(),
                        format!(
                            "only one #[pymodule_init] function is allowed (`{previous}` is one)"
                        ),
                    );
                }
                init = Some((f.sig.ident.clone(), f.sig.inputs.len()));
            }
            syn::Item::Fn(f) if has_attr(&f.attrs, "pyfunction") => {
                let ident = &f.sig.ident;
                adds.push(add(quote!(#ident)));
            }
            syn::Item::Struct(s) if has_attr(&s.attrs, "pyclass") => {
                mark_class_module(&mut s.attrs, &parent);
                let ident = &s.ident;
                adds.push(add(quote!(#ident)));
            }
            syn::Item::Enum(e) if has_attr(&e.attrs, "pyclass") => {
                mark_class_module(&mut e.attrs, &parent);
                let ident = &e.ident;
                adds.push(add(quote!(#ident)));
            }
            syn::Item::Mod(m) if has_attr(&m.attrs, "pymodule") => {
                mark_submodule(&mut m.attrs, &parent);
                let ident = &m.ident;
                adds.push(add(quote!(#ident)));
            }
            other => {
                if let Some(attrs) = item_attrs(other) {
                    if let Some(attr) = attrs::take_marker(attrs, "pymodule_export") {
                        errors.error_hint(
                            crate::diag_span(&attr),
                            "#[pymodule_export] applies to `use` and `const` items",
                            "export functions, classes and modules with `#[pymodule_export] use path::item;`",
                        );
                    }
                }
            }
        }
        // An item compiled out by `#[cfg]` is not added either.
        let cfgs = item_cfgs(item);
        if !cfgs.is_empty() {
            for add in &mut adds[before..] {
                *add = quote!(#(#cfgs)* { #add });
            }
        }
    }
    let init_call = init.map(|(i, arity)| match arity {
        0 => quote!(#i()?;),
        2 => quote!(#i(module.py(), module)?;),
        _ => quote!(#i(module)?;),
    });
    quote! {
        #(#adds)*
        #init_call
        ::core::result::Result::Ok(())
    }
}

/// The `#[cfg(...)]` attributes of an item.
fn item_cfgs(item: &syn::Item) -> Vec<syn::Attribute> {
    let attrs: &[syn::Attribute] = match item {
        syn::Item::Use(i) => &i.attrs,
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        _ => &[],
    };
    attrs.iter().filter(|a| a.path().is_ident("cfg")).cloned().collect()
}

/// The attributes of an item, where it has them.
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    match item {
        syn::Item::Static(i) => Some(&mut i.attrs),
        syn::Item::Struct(i) => Some(&mut i.attrs),
        syn::Item::Enum(i) => Some(&mut i.attrs),
        syn::Item::Fn(i) => Some(&mut i.attrs),
        syn::Item::Mod(i) => Some(&mut i.attrs),
        syn::Item::Type(i) => Some(&mut i.attrs),
        _ => None,
    }
}

/// Makes a nested `#[pymodule]` a submodule of `parent`.
fn mark_submodule(attrs: &mut [syn::Attribute], parent: &str) {
    for attr in attrs.iter_mut() {
        if attr.path().segments.last().is_some_and(|s| s.ident == "pymodule") {
            let path = attr.path().clone();
            let existing = match &attr.meta {
                syn::Meta::List(l) => l.tokens.clone(),
                _ => TokenStream::new(),
            };
            let has_module = existing.to_string().contains("module =");
            let module_opt = (!has_module).then(|| quote!(module = #parent,));
            *attr = syn::parse_quote!(#[#path(submodule, #module_opt #existing)]);
        }
    }
}

/// Gives a nested `#[pyclass]` the module it is defined in (`__module__`), unless it names one
/// itself (`#[pyclass(module = ...)]` or `#[pyo3(module = ...)]`).
fn mark_class_module(attrs: &mut [syn::Attribute], module: &str) {
    let names_module = |attr: &syn::Attribute| match &attr.meta {
        syn::Meta::List(l) => l
            .tokens
            .clone()
            .into_iter()
            .any(|t| matches!(&t, proc_macro2::TokenTree::Ident(i) if i == "module")),
        _ => false,
    };
    if attrs.iter().any(|a| a.path().is_ident("pyo3") && names_module(a)) {
        return;
    }
    for attr in attrs.iter_mut() {
        if attr.path().segments.last().is_some_and(|s| s.ident == "pyclass") {
            if names_module(attr) {
                return;
            }
            let path = attr.path().clone();
            *attr = match &attr.meta {
                syn::Meta::List(l) if !l.tokens.is_empty() => {
                    let existing = &l.tokens;
                    let trailing_comma = matches!(
                        existing.clone().into_iter().last(),
                        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == ','
                    );
                    let comma = (!trailing_comma).then(|| quote!(,));
                    syn::parse_quote!(#[#path(#existing #comma module = #module)])
                }
                _ => syn::parse_quote!(#[#path(module = #module)]),
            };
        }
    }
}

/// The names a `use` tree brings into scope (renamed ones under their new names).
fn use_leaves(tree: &syn::UseTree, out: &mut Vec<syn::Ident>, errors: &mut Errors) {
    match tree {
        syn::UseTree::Path(p) => use_leaves(&p.tree, out, errors),
        syn::UseTree::Name(n) => out.push(n.ident.clone()),
        syn::UseTree::Rename(r) => out.push(r.rename.clone()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_leaves(t, out, errors)),
        syn::UseTree::Glob(g) => errors.error_hint(
            g.star_token.spans[0],
            "#[pymodule_export] cannot export a glob",
            "name each item",
        ),
    }
}
