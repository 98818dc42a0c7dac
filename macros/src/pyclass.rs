//! `#[pyclass]`: options and fields parsed and checked into a model, expanded to the class's
//! `LazyTypeInfo`/`PyClassImpl`/`PyClass` impls, the intrinsic items (field getters and
//! setters, the slots of `eq`, `ord`, `hash`, `str`, and of simple enums), and the entry that
//! lets a declarative `#[pymodule]` add the class. Everything but the item goes in an anonymous
//! `const _` block, so helper types never clash with the user's names.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use crate::rename::RenameRule;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// The options of `#[pyclass]`.
#[derive(Default)]
struct ClassOptions {
    name: Option<String>,
    module: Option<String>,
    subclass: bool,
    extends: Option<syn::Path>,
    frozen: bool,
    dict: bool,
    weakref: bool,
    unsendable: bool,
    get_all: bool,
    set_all: bool,
    rename_all: Option<RenameRule>,
    eq: bool,
    eq_int: bool,
    ord: bool,
    hash: bool,
    /// `str` (Display) or `str = "format"`.
    str: Option<Option<syn::LitStr>>,
    sequence: bool,
    mapping: bool,
    from_py_object: bool,
    immutable_type: bool,
    freelist: Option<syn::Expr>,
    text_signature: Option<String>,
    generic: bool,
    /// `new = "from_fields"`: a constructor from every field.
    from_fields: bool,
    /// `__qualname__` when it is not the name (a complex enum's variant classes:
    /// `Shape.Circle`); set by the macros themselves, not a user option.
    qualname: Option<String>,
}

fn class_options(opts: &[Opt], errors: &mut Errors) -> ClassOptions {
    let mut o = ClassOptions::default();
    for opt in opts {
        let flag = |errors: &mut Errors| opt.flag(errors);
        match opt.key.to_string().as_str() {
            "name" => {
                if let Some(v) = opt.value.as_ref().and_then(|v| syn::parse2::<syn::Ident>(v.clone()).ok()) {
                    o.name = Some(crate::signature::unraw(&v));
                } else {
                    o.name = opt.lit_str(errors).map(|s| s.value());
                }
            }
            "module" => o.module = opt.lit_str(errors).map(|s| s.value()),
            "subclass" => o.subclass = flag(errors),
            "extends" => o.extends = opt.parse::<syn::Path>(errors, "a class path, e.g. `extends = PyException`"),
            "frozen" => o.frozen = flag(errors),
            "dict" => o.dict = flag(errors),
            "weakref" => o.weakref = flag(errors),
            "unsendable" => o.unsendable = flag(errors),
            "get_all" => o.get_all = flag(errors),
            "set_all" => o.set_all = flag(errors),
            "eq" => o.eq = flag(errors),
            "eq_int" => o.eq_int = flag(errors),
            "ord" => o.ord = flag(errors),
            "hash" => o.hash = flag(errors),
            "str" => o.str = Some(opt.value.as_ref().and_then(|_| opt.lit_str(errors))),
            "sequence" => o.sequence = flag(errors),
            "mapping" => o.mapping = flag(errors),
            "from_py_object" => o.from_py_object = flag(errors),
            "skip_from_py_object" => o.from_py_object = !flag(errors),
            "immutable_type" => o.immutable_type = flag(errors),
            "freelist" => o.freelist = opt.parse::<syn::Expr>(errors, "a size"),
            "text_signature" => o.text_signature = opt.lit_str(errors).map(|s| s.value()),
            "__pyroxide_qualname" => o.qualname = opt.lit_str(errors).map(|s| s.value()),
            "new" => match opt.lit_str(errors) {
                Some(s) if s.value() == "from_fields" => o.from_fields = true,
                Some(s) => errors.error_hint(
                    s.span(),
                    format!("unknown constructor `{}`", s.value()),
                    "write `new = \"from_fields\"`",
                ),
                None => {}
            },
            "rename_all" => {
                if let Some(s) = opt.lit_str(errors) {
                    o.rename_all = RenameRule::parse(&s.value());
                    if o.rename_all.is_none() {
                        errors.error(s.span(), format!("unknown case convention `{}`", s.value()));
                    }
                }
            }
            "generic" => o.generic = flag(errors),
            "crate" => {}
            _ => errors.error_hint(
                opt.span(),
                format!("unknown option `{}`", opt.key),
                "#[pyclass] accepts name, module, subclass, extends, frozen, dict, weakref, unsendable, get_all, set_all, rename_all, eq, eq_int, ord, hash, str, freelist, sequence, mapping, from_py_object, immutable_type, text_signature, generic, crate",
            ),
        }
    }
    o
}

/// A field exposed with `get`/`set`.
struct FieldSpec {
    member: syn::Member,
    py_name: String,
    ty: syn::Type,
    get: bool,
    set: bool,
}

/// Options that cannot go together (or with this kind of item), refused as PyO3 refuses them.
fn conflicting_options(opts: &[Opt], item: &syn::Item, errors: &mut Errors) {
    let find = |key: &str| opts.iter().find(|o| o.key == key);
    let pairs = [
        ("eq_int", None, "`eq_int` requires `eq`", "add `eq` (and derive `PartialEq`)"),
        (
            "skip_from_py_object",
            Some("from_py_object"),
            "`from_py_object` and `skip_from_py_object` contradict each other",
            "keep one of them",
        ),
        (
            "mapping",
            Some("sequence"),
            "a class cannot be both a `sequence` and a `mapping`",
            "keep one of them",
        ),
    ];
    for (key, other, message, hint) in pairs {
        let Some(opt) = find(key) else { continue };
        let conflict = match other {
            Some(other) => find(other).is_some(),
            None => find("eq").is_none(),
        };
        if conflict {
            errors.error_hint(opt.span(), message, hint);
        }
    }
    if let (Some(opt), syn::Item::Enum(_)) = (find("subclass"), item) {
        errors.error_hint(opt.span(), "enums cannot be subclassed", "remove `subclass`");
    }
    if let syn::Item::Struct(s) = item {
        if matches!(s.fields, syn::Fields::Unit) {
            for key in ["get_all", "set_all"] {
                if let Some(opt) = find(key) {
                    errors.error_hint(
                        opt.span(),
                        format!("`{key}` on a unit struct: it has no fields"),
                        format!("remove `{key}`"),
                    );
                }
            }
        }
    }
}

/// Expands `#[pyclass(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let mut opts: Vec<Opt> = errors.ok(attrs::parse_opts(args)).unwrap_or_default();
    let mut item: syn::Item = match syn::parse2(item) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error(),
    };
    let (attrs_mut, ident, generics) = match &mut item {
        syn::Item::Struct(s) => (&mut s.attrs, s.ident.clone(), s.generics.clone()),
        syn::Item::Enum(e) => (&mut e.attrs, e.ident.clone(), e.generics.clone()),
        other => {
            errors.error_at(&*other, "#[pyclass] applies to a struct or an enum");
            return errors.finish().err().unwrap_or_default();
        }
    };
    opts.extend(attrs::take_pyo3_attrs(attrs_mut, &mut errors));
    let doc = attrs::doc_string(attrs_mut);
    let krate = crate::krate::crate_path(attrs::crate_opt(&opts, &mut errors).as_ref());
    let options = class_options(&opts, &mut errors);
    conflicting_options(&opts, &item, &mut errors);
    if !generics.params.is_empty() {
        errors.error_hint(
            crate::diag_span(&generics),
            "a #[pyclass] cannot have generic or lifetime parameters",
            "Python needs one concrete type: declare a #[pyclass] per instantiation, holding owned data (`Py<T>` for Python objects)",
        );
    }
    if options.hash && !(options.frozen && options.eq) {
        errors.error_hint(
            Span::call_site(),
            "`hash` requires `frozen` and `eq`",
            "a mutable object's hash could change while it is in a set or a dict",
        );
    }
    if options.ord && !options.eq {
        errors.error_hint(
            Span::call_site(),
            "`ord` requires `eq`",
            "add `eq` (and derive `PartialEq`, `PartialOrd`)",
        );
    }
    let mut fields = Vec::new();
    let mut variants = Vec::new();
    let mut complex = None;
    let mut struct_fields = None;
    match &mut item {
        syn::Item::Enum(e) if crate::pyclass_enum::is_complex(e) => {
            if options.eq_int {
                errors.error(Span::call_site(), "`eq_int` applies to simple enums only");
            }
            if options.extends.is_some() {
                errors.error(Span::call_site(), "a complex enum cannot extend another class");
            }
            complex = Some(crate::pyclass_enum::parse_variants(e, options.rename_all, &mut errors));
        }
        syn::Item::Struct(s) => {
            if options.eq_int {
                errors.error(Span::call_site(), "`eq_int` applies to simple enums only");
            }
            for (i, field) in s.fields.iter_mut().enumerate() {
                let fopts = attrs::take_pyo3_attrs(&mut field.attrs, &mut errors);
                let (member, default_name) = match &field.ident {
                    Some(id) => (syn::Member::Named(id.clone()), crate::signature::unraw(id)),
                    None => (syn::Member::Unnamed(i.into()), i.to_string()),
                };
                let mut spec = FieldSpec {
                    member,
                    py_name: options
                        .rename_all
                        .map_or_else(|| default_name.clone(), |r| r.apply(&default_name)),
                    ty: field.ty.clone(),
                    get: options.get_all,
                    set: options.set_all,
                };
                for opt in &fopts {
                    match opt.key.to_string().as_str() {
                        "get" => spec.get = opt.flag(&mut errors),
                        "set" => spec.set = opt.flag(&mut errors),
                        "name" => {
                            if let Some(s) = opt.lit_str(&mut errors) {
                                spec.py_name = s.value();
                            }
                        }
                        _ => errors.error_hint(
                            opt.span(),
                            format!("unknown field option `{}`", opt.key),
                            "fields accept `get`, `set`, `name = \"...\"`",
                        ),
                    }
                }
                if field.ident.is_none()
                    && (spec.get || spec.set)
                    && !fopts.iter().any(|o| o.key == "name")
                {
                    errors.error_hint(
                        crate::diag_span(&field.ty),
                        "a tuple struct field exposed with `get`/`set` needs a name",
                        "add `#[pyo3(get, name = \"...\")]`",
                    );
                }
                if spec.set && options.frozen {
                    errors.error_hint(
                        crate::diag_span(&field.ty),
                        "a `frozen` class cannot have `set` fields",
                        "remove `set`, or make the class mutable",
                    );
                }
                if spec.get || spec.set {
                    fields.push(spec);
                }
            }
            struct_fields = Some(s.fields.clone());
        }
        syn::Item::Enum(e) => {
            for variant in &mut e.variants {
                let vopts = attrs::take_pyo3_attrs(&mut variant.attrs, &mut errors);
                let mut py_name = options.rename_all.map_or_else(
                    || variant.ident.to_string(),
                    |r| r.apply(&variant.ident.to_string()),
                );
                for opt in &vopts {
                    if opt.key == "name" {
                        if let Some(s) = opt.lit_str(&mut errors) {
                            py_name = s.value();
                        }
                    } else {
                        errors.error(opt.span(), format!("unknown variant option `{}`", opt.key));
                    }
                }
                variants.push((variant.ident.clone(), py_name));
            }
            if variants.is_empty() {
                errors.error(ident.span(), "a #[pyclass] enum needs at least one variant");
            }
        }
        _ => {}
    }
    let ctor = match (&struct_fields, options.from_fields) {
        (Some(f), true) => Some(crate::pyclass_new::from_fields(&krate, &ident, f, &mut errors)),
        (None, true) => {
            errors.error(Span::call_site(), "`new = \"from_fields\"` applies to structs");
            None
        }
        _ => None,
    };
    if let Err(e) = errors.finish() {
        return quote!(#item #e);
    }
    let mut options = options;
    if complex.is_some() {
        // `&mut self` could change the variant under its variant class; variant classes extend it.
        options.frozen = true;
        options.subclass = true;
    }
    let body =
        class_impls(&krate, &ident, &options, &doc, &fields, &variants, complex.as_deref(), ctor);
    quote! {
        #item
        const _: () = {
            #body
        };
    }
}

#[allow(clippy::too_many_arguments)]
fn class_impls(
    k: &TokenStream,
    ident: &syn::Ident,
    o: &ClassOptions,
    doc: &str,
    fields: &[FieldSpec],
    variants: &[(syn::Ident, String)],
    complex: Option<&[crate::pyclass_enum::ComplexVariant]>,
    ctor: Option<crate::pyclass_new::FromFields>,
) -> TokenStream {
    let py_name = o.name.clone().unwrap_or_else(|| crate::signature::unraw(ident));
    let module = match &o.module {
        Some(m) => quote!(::core::option::Option::Some(#m)),
        None => quote!(::core::option::Option::None),
    };
    let full_doc = match &o.text_signature {
        Some(sig) => format!("{py_name}{sig}\n--\n\n{doc}"),
        None => doc.to_string(),
    };
    let doc_c = crate::cstr(k, &full_doc);
    let base = o.extends.as_ref().map_or_else(|| quote!(#k::PyAny), |p| quote!(#p));
    let checker = if o.unsendable {
        quote!(#k::impl_::pyclass::ThreadCheckerImpl)
    } else {
        quote!(#k::impl_::pyclass::SendablePyClass<#ident>)
    };
    let dict = if o.dict { quote!(PyClassDictSlot) } else { quote!(PyClassDummySlot) };
    let weakref = if o.weakref { quote!(PyClassWeakRefSlot) } else { quote!(PyClassDummySlot) };
    let frozen = if o.frozen { quote!(True) } else { quote!(False) };
    let (subclass, immutable, mapping, sequence) =
        (o.subclass, o.immutable_type, o.mapping, o.sequence);
    let freelist = o.freelist.as_ref().map(|n| {
        quote! {
            fn freelist() -> ::core::option::Option<&'static #k::impl_::pyclass::FreeList> {
                static FREELIST: #k::impl_::pyclass::FreeList = #k::impl_::pyclass::FreeList::new(#n);
                ::core::option::Option::Some(&FREELIST)
            }
        }
    });
    let mut helpers = Vec::new();
    let mut methods = Vec::new();
    let mut slots = Vec::new();
    for f in fields {
        field_accessors(k, ident, f, &mut helpers, &mut methods);
    }
    let mut text_signature = quote!(::core::option::Option::None);
    if let Some(ctor) = ctor {
        helpers.push(ctor.helpers);
        slots.extend(ctor.slots);
        if let Some(sig) = ctor.text_signature {
            text_signature = quote!(::core::option::Option::Some(#sig));
        }
    }
    if o.generic {
        methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::ClassAttribute(
        #k::impl_::pyclass::PyClassAttributeDef::new(
            "__class_getitem__",
            #k::impl_::pyclass::generic_class_getitem,
        ))));
    }
    let eq = o.eq && (variants.is_empty() || !o.eq_int);
    crate::pyclass_slots::option_slots(
        k,
        ident,
        eq,
        o.ord,
        o.hash,
        o.str.as_ref(),
        &mut helpers,
        &mut slots,
    );
    if !variants.is_empty() {
        crate::pyclass_slots::enum_items(
            k,
            ident,
            &py_name,
            variants,
            o.eq_int,
            o.ord,
            &mut helpers,
            &mut methods,
            &mut slots,
        );
    }
    let into_variant = complex.map(|variants| {
        let body = crate::pyclass_enum::complex_items(
            k,
            ident,
            &py_name,
            o.module.as_deref(),
            variants,
            &mut helpers,
            &mut methods,
        );
        quote! {
            fn into_variant_instance(
                self,
                py: #k::Python<'_>,
            ) -> ::core::result::Result<#k::PyResult<#k::Bound<'_, #k::PyAny>>, Self> {
                #body
            }
        }
    });
    let from_py_object = o.from_py_object.then(|| {
        quote! {
            impl<'a, 'py> #k::FromPyObject<'a, 'py> for #ident {
                type Error = #k::PyErr;
                fn extract(obj: #k::Borrowed<'a, 'py, #k::PyAny>) -> #k::PyResult<Self> {
                    #k::impl_::pyclass::extract_cloned(obj)
                }
            }
        }
    });
    let qualname = match &o.qualname {
        Some(q) => quote!(::core::option::Option::Some(#q)),
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #(#helpers)*
        impl #k::impl_::type_object::LazyTypeInfo for #ident {
            const NAME: &'static str = #py_name;
            const MODULE: ::core::option::Option<&'static str> = #module;
            type Kind = #k::impl_::type_object::ClassKind;
        }
        impl #k::impl_::pyclass::PyClassImpl for #ident {
            const DOC: &'static ::core::ffi::CStr = #doc_c;
            const IS_BASETYPE: bool = #subclass;
            const IS_IMMUTABLE_TYPE: bool = #immutable;
            const IS_MAPPING: bool = #mapping;
            const IS_SEQUENCE: bool = #sequence;
            const QUALNAME: ::core::option::Option<&'static str> = #qualname;
            type BaseType = #base;
            type ThreadChecker = #checker;
            type Dict = #k::impl_::pyclass::#dict;
            type WeakRef = #k::impl_::pyclass::#weakref;
            fn items_iter() -> #k::impl_::pyclass::PyClassItemsIter {
                static INTRINSIC: #k::impl_::pyclass::PyClassItems = #k::impl_::pyclass::PyClassItems {
                    methods: &[#(#methods),*],
                    slots: &[#(#slots),*],
                    text_signature: #text_signature,
                };
                #[allow(unused_imports)]
                use #k::impl_::pyclass::PyMethods as _;
                let collector = #k::impl_::pyclass::PyClassImplCollector::<Self>::new();
                #k::impl_::pyclass::PyClassItemsIter::new(&INTRINSIC, collector.py_methods())
            }
            fn lazy_type_object() -> &'static #k::impl_::pyclass::LazyTypeObject<Self> {
                static TYPE_OBJECT: #k::impl_::pyclass::LazyTypeObject<#ident> =
                    #k::impl_::pyclass::LazyTypeObject::new();
                &TYPE_OBJECT
            }
            #into_variant
            #freelist
        }
        impl #k::pyclass::PyClass for #ident {
            type Frozen = #k::pyclass::boolean_struct::#frozen;
        }
        impl #ident {
            #[doc(hidden)]
            pub const __PYROXIDE_DEF: #k::impl_::pyclass::AddClass<#ident> =
                #k::impl_::pyclass::AddClass::new();
        }
        #from_py_object
    }
}

/// The getter and setter of a `get`/`set` field.
fn field_accessors(
    k: &TokenStream,
    ident: &syn::Ident,
    f: &FieldSpec,
    helpers: &mut Vec<TokenStream>,
    methods: &mut Vec<TokenStream>,
) {
    let member = &f.member;
    let tag = match member {
        syn::Member::Named(i) => i.to_string(),
        syn::Member::Unnamed(i) => i.index.to_string(),
    };
    let name_c = crate::cstr(k, &f.py_name);
    if f.get {
        let getter = format_ident!("__Get_{}", tag.trim_start_matches("r#"));
        helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #getter;
            impl #k::impl_::pyclass::PyGetterImpl for #getter {
                fn get<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    let slf = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf))?;
                    #[allow(unused_imports)]
                    use #k::impl_::pyclass::{GetByClone as _, GetByRef as _};
                    (&&#k::impl_::pyclass::FieldGetter(&slf.#member)).get_field(py)
                }
            }
        });
        let empty = crate::cstr(k, "");
        methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::Getter(#k::impl_::pyclass::PyGetterDef::new::<#getter>(#name_c, #empty))));
    }
    if f.set {
        let setter = format_ident!("__Set_{}", tag.trim_start_matches("r#"));
        // An error converting the value is noted as PyO3 notes it: with the Rust field's name
        // (empty for a tuple struct's field).
        let note_name = match member {
            syn::Member::Named(i) => i.to_string(),
            syn::Member::Unnamed(_) => String::new(),
        };
        let mut ty = f.ty.clone();
        crate::function::erase_lifetimes(&mut ty);
        helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #setter;
            impl #k::impl_::pyclass::PySetterImpl for #setter {
                fn set<'py>(
                    _py: #k::Python<'py>,
                    slf: #k::Borrowed<'_, 'py, #k::PyAny>,
                    value: ::core::option::Option<#k::Borrowed<'_, 'py, #k::PyAny>>,
                ) -> #k::PyResult<()> {
                    let value = value.ok_or_else(#k::impl_::pyclass::deletion_error)?;
                    let mut holder = ::core::default::Default::default();
                    let value = #k::impl_::argument::extract_argument::<#ty, _>(::core::option::Option::Some(value), &mut holder, #note_name)?;
                    let mut slf = #k::impl_::pyclass::borrow_self_mut::<#ident>(::core::option::Option::Some(slf))?;
                    slf.#member = value;
                    ::core::result::Result::Ok(())
                }
            }
        });
        let empty = crate::cstr(k, "");
        methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::Setter(#k::impl_::pyclass::PySetterDef::new::<#setter>(#name_c, #empty))));
    }
}

/// The field names (`{x}`) and how many positional fields (`{0}`, `{1:>3}`, `{}`) a `str = "..."`
/// format string refers to; positional ones are a tuple struct's fields.
pub fn format_names(format: &str) -> (Vec<String>, usize) {
    let mut names = Vec::new();
    let (mut positional, mut implicit) = (0, 0);
    let mut rest = format;
    while let Some(start) = rest.find('{') {
        if rest[start + 1..].starts_with('{') {
            rest = &rest[start + 2..];
            continue;
        }
        let Some(len) = rest[start + 1..].find('}') else { break };
        let inner = &rest[start + 1..start + 1 + len];
        let name = inner.split(':').next().unwrap_or("");
        let is_ident = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if is_ident && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        } else if name.is_empty() {
            implicit += 1;
        } else if let Ok(index) = name.parse::<usize>() {
            positional = positional.max(index + 1);
        }
        rest = &rest[start + 1 + len + 1..];
    }
    (names, positional.max(implicit))
}
