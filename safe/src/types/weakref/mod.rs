//! Weak references: [`PyWeakref`] (any weak reference), [`PyWeakrefReference`] (`weakref.ref`)
//! and [`PyWeakrefProxy`] (`weakref.proxy`), with the shared [`PyWeakrefMethods`].

mod anyref;
mod proxy;
mod reference;

pub use anyref::{PyWeakref, PyWeakrefMethods};
pub use proxy::PyWeakrefProxy;
pub use reference::PyWeakrefReference;
