//! Build script of pyroxide-sys-graalpy: detects the target interpreter and selects the bindings.

#[path = "build_support.rs"]
mod build_support;

fn main() {
    build_support::run(build_support::Implementation::GraalPy);
}
