//! The tables of special methods implemented as slots (with their arities), and the pieces of
//! slot expansion shared by every special method: the shape of a marker (which runtime trait
//! it implements), how each argument reaches the method (extracted, extracted with
//! `NotImplemented` on failure, or passed as is), and the assembly of slots made of several
//! methods (`__add__` + `__radd__`, `__setitem__` + `__delitem__`, `__lt__` … `__ge__`,
//! `__getattribute__` + `__getattr__`, `#[setter]` + `#[deleter]`).

use crate::diag::Errors;
use crate::function::Role;
use crate::pymethods::Output;
use crate::pymethods_expand::Ctx;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The special methods implemented as type slots (others are ordinary methods).
pub const SLOTS: &[&str] = &[
    "__repr__",
    "__str__",
    "__iter__",
    "__next__",
    "__hash__",
    "__richcmp__",
    "__len__",
    "__call__",
    "__getitem__",
    "__bool__",
    "__contains__",
    "__traverse__",
    "__clear__",
    "__int__",
    "__index__",
    "__float__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__invert__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__init__",
    "__setitem__",
    "__delitem__",
    "__getattr__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__get__",
    "__set__",
    "__delete__",
    "__concat__",
    "__inplace_concat__",
    "__repeat__",
    "__inplace_repeat__",
    "__lt__",
    "__le__",
    "__eq__",
    "__ne__",
    "__gt__",
    "__ge__",
    "__pow__",
    "__getbuffer__",
    "__releasebuffer__",
    "__rpow__",
    "__ipow__",
];

/// Binary operators: the method, its reflected twin, the slot they share.
pub const BINARY_OPS: &[(&str, &str, &str)] = &[
    ("__add__", "__radd__", "nb_add"),
    ("__sub__", "__rsub__", "nb_subtract"),
    ("__mul__", "__rmul__", "nb_multiply"),
    ("__matmul__", "__rmatmul__", "nb_matrix_multiply"),
    ("__truediv__", "__rtruediv__", "nb_true_divide"),
    ("__floordiv__", "__rfloordiv__", "nb_floor_divide"),
    ("__mod__", "__rmod__", "nb_remainder"),
    ("__divmod__", "__rdivmod__", "nb_divmod"),
    ("__lshift__", "__rlshift__", "nb_lshift"),
    ("__rshift__", "__rrshift__", "nb_rshift"),
    ("__and__", "__rand__", "nb_and"),
    ("__xor__", "__rxor__", "nb_xor"),
    ("__or__", "__ror__", "nb_or"),
];

/// In-place operators and their slots (`__ipow__` is ternary, handled apart).
pub const INPLACE_OPS: &[(&str, &str)] = &[
    ("__iadd__", "nb_inplace_add"),
    ("__isub__", "nb_inplace_subtract"),
    ("__imul__", "nb_inplace_multiply"),
    ("__imatmul__", "nb_inplace_matrix_multiply"),
    ("__itruediv__", "nb_inplace_true_divide"),
    ("__ifloordiv__", "nb_inplace_floor_divide"),
    ("__imod__", "nb_inplace_remainder"),
    ("__ilshift__", "nb_inplace_lshift"),
    ("__irshift__", "nb_inplace_rshift"),
    ("__iand__", "nb_inplace_and"),
    ("__ixor__", "nb_inplace_xor"),
    ("__ior__", "nb_inplace_or"),
];

/// Whether `name` is a special method implemented as a slot.
pub fn is_slot(name: &str) -> bool {
    SLOTS.contains(&name)
        || BINARY_OPS.iter().any(|(f, r, _)| *f == name || *r == name)
        || INPLACE_OPS.iter().any(|(n, _)| *n == name)
}

/// How many arguments besides `self` (and `py`) Python passes; `None` for any.
pub fn arity(name: &str) -> Option<usize> {
    Some(match name {
        "__call__" | "__init__" => return None,
        "__richcmp__" | "__setitem__" | "__setattr__" | "__set__" | "__get__" | "__pow__"
        | "__rpow__" | "__ipow__" | "__getbuffer__" => 2,
        "__repr__" | "__str__" | "__iter__" | "__next__" | "__hash__" | "__len__" | "__bool__"
        | "__clear__" | "__int__" | "__index__" | "__float__" | "__neg__" | "__pos__"
        | "__abs__" | "__invert__" | "__await__" | "__aiter__" | "__anext__" => 0,
        _ => 1,
    })
}

/// Which runtime trait a slot marker implements.
#[derive(Clone, Copy)]
pub enum Shape {
    Unary,
    Next,
    Hash,
    Len,
    Bool,
    Contains,
    Clear,
    Traverse,
    Richcmp,
    Repeat,
    Set,
    Del,
    GetBuffer,
    ReleaseBuffer,
    /// `lenient`: an argument (or `self`) that does not extract answers `NotImplemented`;
    /// `inplace`: the method returns `()` and the slot the instance.
    Binary {
        lenient: bool,
        inplace: bool,
    },
    Ternary {
        lenient: bool,
        inplace: bool,
    },
    /// `__call__`, `__init__`: a full argument list.
    Call,
}

/// How one object the slot receives reaches the method's next parameter.
pub enum Input {
    /// Extracted; failure is an error naming the parameter.
    Extract(TokenStream),
    /// Extracted; failure returns `NotImplemented`.
    Lenient(TokenStream),
    /// Passed as is (`CompareOp`).
    Raw(TokenStream),
}

impl Ctx<'_> {
    /// The receiver's binding (failing with `on_err` if given), the extraction of the other
    /// parameters from `inputs` in order, and the call.
    pub fn call_with(
        &self,
        inputs: &[Input],
        on_err: Option<&TokenStream>,
    ) -> (TokenStream, TokenStream) {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let receiver = self.receiver.expect("slots take self");
        let slf = quote!(::core::option::Option::Some(__pyroxide_slf));
        let bind = receiver.bind_or(k, self_ty, slf, on_err);
        let mut stmts = vec![bind.0];
        let mut args = vec![bind.1];
        let mut inputs = inputs.iter();
        for (i, p) in self.spec.params.iter().enumerate() {
            let var = format_ident!("__pyroxide_arg{}", i);
            let holder = format_ident!("__pyroxide_holder{}", i);
            if matches!(p.role, Role::Py) {
                stmts.push(quote!(let #var = py;));
                args.push(quote!(#var));
                continue;
            }
            let ty = &p.ty;
            let name = crate::signature::unraw(&p.ident);
            stmts.push(match inputs.next() {
                Some(Input::Extract(obj)) => quote! {
                    let mut #holder = ::core::default::Default::default();
                    let #var = #k::impl_::argument::extract_argument::<#ty, _>(::core::option::Option::Some(#obj), &mut #holder, #name)?;
                },
                Some(Input::Lenient(obj)) => quote! {
                    let mut #holder = ::core::default::Default::default();
                    let ::core::option::Option::Some(#var) = #k::impl_::argument::extract_operand::<#ty, _>(#obj, &mut #holder) else {
                        return ::core::result::Result::Ok(py.NotImplemented().into_bound(py));
                    };
                },
                Some(Input::Raw(value)) => quote!(let #var = #value;),
                None => quote!(let #var = ::core::unreachable!();),
            });
            args.push(quote!(#var));
        }
        (quote!(#(#stmts)*), quote!(#self_ty::#rust(#(#args),*)))
    }
}

/// Adds the slots made of several methods, and the property entries of setters and deleters.
pub fn combine(k: &TokenStream, out: &mut Output, errors: &mut Errors) {
    let p = quote!(#k::impl_::pyclass);
    let take = |out: &mut Output, name: &str| -> Option<syn::Ident> {
        let pos = out.fragments.iter().position(|(n, _, _)| n == name)?;
        Some(out.fragments.remove(pos).1)
    };
    let or = |m: Option<syn::Ident>, default: TokenStream| m.map_or(default, |m| quote!(#m));
    let ni = quote!(#p::NotImplementedOp);
    for (fwd, rev, slot) in BINARY_OPS {
        let (l, r) = (take(out, fwd), take(out, rev));
        if l.is_some() || r.is_some() {
            let (l, r, slot) = (or(l, ni.clone()), or(r, ni.clone()), format_ident!("{}", slot));
            out.slots.push(quote!(#p::PyClassSlot::#slot::<#l, #r>()));
        }
    }
    let (l, r) = (take(out, "__pow__"), take(out, "__rpow__"));
    if l.is_some() || r.is_some() {
        let (l, r) = (or(l, ni.clone()), or(r, ni.clone()));
        out.slots.push(quote!(#p::PyClassSlot::nb_power::<#l, #r>()));
    }
    let ops: Vec<Option<syn::Ident>> =
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].map(|n| take(out, n)).into();
    if ops.iter().any(Option::is_some) {
        if out.has_richcmp.is_some() {
            errors.error_hint(
                out.has_richcmp.unwrap_or_else(proc_macro2::Span::call_site),
                "`__richcmp__` cannot be combined with `__lt__`, `__le__`, `__eq__`, `__ne__`, `__gt__` or `__ge__`",
                "implement either `__richcmp__` or the individual comparison methods",
            );
        }
        let ops: Vec<TokenStream> = ops
            .into_iter()
            .enumerate()
            .map(|(i, m)| or(m, if i == 3 { quote!(#p::NeFromEq) } else { ni.clone() }))
            .collect();
        out.slots.push(quote!(#p::PyClassSlot::tp_richcompare::<#p::RichCompareOps<#(#ops),*>>()));
    }
    for (set, del, slot) in [
        ("__setitem__", "__delitem__", quote!(mp_ass_subscript)),
        ("__setattr__", "__delattr__", quote!(tp_setattro)),
        ("__set__", "__delete__", quote!(tp_descr_set)),
    ] {
        let (s, d) = (take(out, set), take(out, del));
        if s.is_some() || d.is_some() {
            let (s, d) = (or(s, quote!(#p::NoSlot)), or(d, quote!(#p::NoSlot)));
            out.slots.push(quote!(#p::PyClassSlot::#slot::<#s, #d>()));
        }
    }
    let (ga, g) = (take(out, "__getattribute__"), take(out, "__getattr__"));
    if ga.is_some() || g.is_some() {
        let (ga, g) = (or(ga, quote!(#p::GenericGetAttr)), or(g, quote!(#p::NoGetAttr)));
        out.slots.push(quote!(#p::PyClassSlot::tp_getattro::<#ga, #g>()));
    }
    // Properties: a setter and a deleter of the same name share one entry.
    let mut names: Vec<String> = out.setters.iter().map(|(n, _, _)| n.clone()).collect();
    for (n, _) in &out.deleters {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    for name in names {
        let setter = out.setters.iter().find(|(n, _, _)| *n == name);
        let deleter = out.deleters.iter().find(|(n, _)| *n == name).map(|(_, m)| m);
        let name_c = crate::cstr(k, &name);
        let doc = setter.map_or_else(|| crate::cstr(k, ""), |(_, _, d)| d.clone());
        let def = match (setter, deleter) {
            (Some((_, s, _)), None) => quote!(#p::PySetterDef::new::<#s>(#name_c, #doc)),
            (s, Some(d)) => {
                let s = s.map_or_else(|| quote!(#p::NoSetter), |(_, s, _)| quote!(#s));
                quote!(#p::PySetterDef::with_deleter::<#s, #d>(#name_c, #doc))
            }
            (None, None) => continue,
        };
        out.methods.push(quote!(#p::PyMethodDefType::Setter(#def)));
    }
}
