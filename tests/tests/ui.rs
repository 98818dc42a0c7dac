//! Compile errors people can act on: each file in `tests/ui/` is a misuse of the macros that
//! must fail to compile with the message in its `.stderr` file (reviewed by hand; regenerate
//! with `TRYBUILD=overwrite` and review the diff).

/// The `.stderr` files list trait implementations, which differ between configurations (the
/// limited API lacks some): `cargo xtask test` runs this once, in the default configuration,
/// with `PYROXIDE_UI_TESTS=1`; the per-interpreter runs leave it out.
#[test]
fn misuse_fails_to_compile_with_clear_errors() {
    if std::env::var_os("PYROXIDE_UI_TESTS").is_none() {
        eprintln!("UI tests run only with PYROXIDE_UI_TESTS=1 (cargo xtask test sets it)");
        return;
    }
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
