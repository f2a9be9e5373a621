//! The `purse` binary: a thin shell over the library's CLI.

fn main() -> std::process::ExitCode {
    purse::cli::main()
}
