//! `cargo xtask`: Pyroxide's developer commands, in Rust so they run wherever cargo runs.
//!
//! - `bindgen [--check] [--only FILE,…]`: regenerate the checked-in FFI bindings (or verify them);
//! - `test`: set up what the tests need, then fmt, clippy, bindgen --check, Rust tests, pytest;
//! - `matrix [--only ID,…] [--suite rust|python|all] [--all] [--list]`: the suites on every
//!   interpreter of `ci/matrix.toml` (host ones only without `--all`);
//! - `demo`: build the example extension module, import and call it, run the embedding example;
//! - `bench [--quick] [--callgrind] [--python PATH] [--json OUT]`: Pyroxide against PyO3 and hand-written C;
//! - `reliability [--long] [--no-valgrind]`: leak sweep, valgrind, adversarial inputs, panics, threads.

mod abi3;
mod bench;
mod bindgen;
mod demo;
mod embed;
mod graalpy;
mod headers;
mod matrix;
mod matrix_config;
mod python;
mod reliability;
mod setup;
mod test;
mod tidy;
mod util;
mod variants;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = args.split_first().map(|(c, r)| (c.as_str(), r)).unwrap_or(("help", &[]));
    let result = match cmd {
        "bindgen" => bindgen::run(rest),
        "test" => test::run(rest),
        "demo" => demo::run_demo(),
        "ext" => python::run_cli(rest),
        "matrix" => matrix::run_cli(rest),
        "bench" => bench::run_cli(rest),
        "reliability" => reliability::run_cli(rest),
        "variants" => variants::run_all().and_then(|c| {
            println!("{} passed, {} failed", c.passed, c.failed);
            if c.failed == 0 {
                Ok(())
            } else {
                Err("some variants fail".into())
            }
        }),
        _ => {
            eprintln!("usage: cargo xtask <bindgen [--check] [--only FILE,…] | test [--no-setup] | demo | ext [--only ID,…] | matrix [--only ID,…] [--suite rust|python|all] [--all] [--list] | variants | bench [--quick] [--callgrind] [--python PATH] [--json OUT] | reliability [--long] [--no-valgrind]>");
            Err(format!("unknown command `{cmd}`"))
        }
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
