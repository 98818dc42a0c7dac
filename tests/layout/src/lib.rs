//! Layout tests of the generated bindings against the C compiler (see tests/).
