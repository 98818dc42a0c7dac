//! The receiver of a `#[pymethods]` method: `&self`, `&mut self`, or a first parameter typed
//! `PyRef<Self>`, `PyRefMut<Self>`, `PyClassGuard<Self>`, `PyClassGuardMut<Self>`,
//! `&Bound<Self>`, `Bound<Self>` or `Py<Self>` (written with
//! `self:` or as an ordinary parameter such as `slf`), and the code that obtains it from the
//! instance the interpreter passes.

use crate::diag::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{FnArg, Type};

/// How the method receives the instance.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    Ref,
    RefMut,
    PyRef,
    PyRefMut,
    BoundRef,
    Bound,
    Py,
    Guard,
    GuardMut,
}

/// A method's receiver.
pub struct Receiver {
    pub shape: Shape,
    pub span: Span,
}

/// The shape of a receiver type, if `ty` is one of the recognised forms over `Self` or the
/// class.
fn shape_of(ty: &Type, self_ty: &Type) -> Option<Shape> {
    let class = quote!(#self_ty).to_string();
    let names_self = |args: &syn::PathArguments| -> bool {
        let syn::PathArguments::AngleBracketed(a) = args else { return false };
        a.args.iter().any(|g| match g {
            syn::GenericArgument::Type(t) => {
                let s = quote!(#t).to_string();
                s == "Self" || s == class
            }
            _ => false,
        })
    };
    match ty {
        Type::Reference(r) => {
            let Type::Path(p) = &*r.elem else { return None };
            let last = p.path.segments.last()?;
            (last.ident == "Bound" && names_self(&last.arguments) && r.mutability.is_none())
                .then_some(Shape::BoundRef)
        }
        Type::Path(p) => {
            let last = p.path.segments.last()?;
            if !names_self(&last.arguments) {
                return None;
            }
            match last.ident.to_string().as_str() {
                "PyRef" => Some(Shape::PyRef),
                "PyRefMut" => Some(Shape::PyRefMut),
                "Bound" => Some(Shape::Bound),
                "Py" => Some(Shape::Py),
                "PyClassGuard" => Some(Shape::Guard),
                "PyClassGuardMut" => Some(Shape::GuardMut),
                _ => None,
            }
        }
        _ => None,
    }
}

impl Receiver {
    /// The receiver of `sig`, if it has one.
    pub fn find(sig: &syn::Signature, self_ty: &Type, errors: &mut Errors) -> Option<Receiver> {
        match sig.inputs.first()? {
            FnArg::Receiver(r) => {
                let span = crate::diag_span(r);
                if r.colon_token.is_some() {
                    return match shape_of(&r.ty, self_ty) {
                        Some(shape) => Some(Receiver { shape, span }),
                        None => {
                            errors.error_hint(span, "unsupported receiver type", "use `&self`, `&mut self`, `self: PyRef<'_, Self>`, `self: PyRefMut<'_, Self>`, `self: &Bound<'_, Self>` or `self: Py<Self>`");
                            None
                        }
                    };
                }
                if r.reference.is_none() {
                    errors.error_hint(span, "a #[pymethods] method cannot take `self` by value", "the object stays owned by Python: take `&self`, or `self: Py<Self>` for a reference");
                    return None;
                }
                let shape = if r.mutability.is_some() { Shape::RefMut } else { Shape::Ref };
                Some(Receiver { shape, span })
            }
            FnArg::Typed(pt) => {
                let shape = shape_of(&pt.ty, self_ty)?;
                Some(Receiver { shape, span: crate::diag_span(&pt.ty) })
            }
        }
    }

    /// Statements binding `__pyroxide_self` from `slf` (an `Option<Borrowed<PyAny>>`), and the
    /// argument expression passing it to the method.
    pub fn bind(
        &self,
        k: &TokenStream,
        self_ty: &Type,
        slf: TokenStream,
    ) -> (TokenStream, TokenStream) {
        self.bind_or(k, self_ty, slf, None)
    }

    /// As [`Receiver::bind`]; when `on_err` is given, a failed extraction evaluates it (a
    /// `return`) instead of propagating the error.
    pub fn bind_or(
        &self,
        k: &TokenStream,
        self_ty: &Type,
        slf: TokenStream,
        on_err: Option<&TokenStream>,
    ) -> (TokenStream, TokenStream) {
        let get = |f: TokenStream| match on_err {
            None => quote!(#k::impl_::pyclass::#f::<#self_ty>(#slf)?),
            Some(e) => quote! {
                match #k::impl_::pyclass::#f::<#self_ty>(#slf) {
                    ::core::result::Result::Ok(v) => v,
                    ::core::result::Result::Err(_) => #e,
                }
            },
        };
        let borrow = get(quote!(borrow_self));
        let borrow_mut = get(quote!(borrow_self_mut));
        let pyref = get(quote!(pyref_self));
        let pyref_mut = get(quote!(pyref_self_mut));
        let cast = get(quote!(cast_self));
        let guard = get(quote!(guard_self));
        let guard_mut = get(quote!(guard_self_mut));
        match self.shape {
            Shape::Ref => (quote!(let __pyroxide_self = #borrow;), quote!(&__pyroxide_self)),
            Shape::RefMut => {
                (quote!(let mut __pyroxide_self = #borrow_mut;), quote!(&mut __pyroxide_self))
            }
            Shape::PyRef => (quote!(let __pyroxide_self = #pyref;), quote!(__pyroxide_self)),
            Shape::PyRefMut => (quote!(let __pyroxide_self = #pyref_mut;), quote!(__pyroxide_self)),
            Shape::BoundRef => (quote!(let __pyroxide_self = #cast;), quote!(&*__pyroxide_self)),
            Shape::Bound => {
                (quote!(let __pyroxide_self = #cast.to_owned();), quote!(__pyroxide_self))
            }
            Shape::Py => {
                (quote!(let __pyroxide_self = #cast.to_owned().unbind();), quote!(__pyroxide_self))
            }
            Shape::Guard => (quote!(let __pyroxide_self = #guard;), quote!(__pyroxide_self)),
            Shape::GuardMut => (quote!(let __pyroxide_self = #guard_mut;), quote!(__pyroxide_self)),
        }
    }
}
