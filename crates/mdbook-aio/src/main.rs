//! `mdbook-aio`: the command mdBook runs for `[preprocessor.aio]`.
//!
//! `mdbook-aio supports RENDERER` answers through its exit status; with no arguments it reads the
//! book as JSON on stdin and writes the processed book on stdout.

use std::io;
use std::process::ExitCode;

use mdbook_aio::AioPreprocessor;
use mdbook_preprocessor::Preprocessor;

fn main() -> ExitCode {
    let preprocessor = AioPreprocessor;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, renderer] = args.as_slice()
        && command == "supports"
    {
        let supported = preprocessor.supports_renderer(renderer).unwrap_or(false);
        return if supported {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    match preprocess(&preprocessor) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mdbook-aio: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn preprocess(preprocessor: &AioPreprocessor) -> anyhow::Result<()> {
    let (ctx, book) = mdbook_preprocessor::parse_input(io::stdin())?;
    if ctx.mdbook_version != mdbook_preprocessor::MDBOOK_VERSION {
        eprintln!(
            "mdbook-aio: warning: built against mdBook {}, called from mdBook {}",
            mdbook_preprocessor::MDBOOK_VERSION,
            ctx.mdbook_version
        );
    }
    let book = preprocessor.run(&ctx, book)?;
    serde_json::to_writer(io::stdout(), &book)?;
    Ok(())
}
