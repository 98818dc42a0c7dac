//! Empty: this package only exists so that maturin detects extension modules (see Cargo.toml).
