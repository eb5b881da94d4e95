//! The mdBook preprocessor of the asyncio book.
//!
//! Architecture invariant: this is the only crate that knows mdBook. It finds widget directives in
//! chapters ([`directive`]), asks `aio-core` for everything the page should show before any script
//! runs, and writes placeholders with that static fallback inside ([`fallback`]). The widgets
//! mount into the placeholders in the browser.
//!
//! The placeholder (`<div class="aio-widget" data-aio-widget="KIND" data-aio-props="JSON">`) is an
//! API boundary: its JSON is `aio_core::lab::LabProps`.

pub mod directive;
pub mod fallback;

use anyhow::bail;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::errors::Result;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use directive::{DirectiveError, Piece};

/// The preprocessor, named `aio` in `book.toml` (`[preprocessor.aio]`).
#[derive(Debug, Default, Clone, Copy)]
pub struct AioPreprocessor;

impl Preprocessor for AioPreprocessor {
    fn name(&self) -> &str {
        "aio"
    }

    fn run(&self, _ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let mut errors = Vec::new();
        book.for_each_mut(|item| {
            if let BookItem::Chapter(chapter) = item
                && let Err(error) = expand_chapter(chapter)
            {
                errors.push(error);
            }
        });
        if !errors.is_empty() {
            bail!("{}", errors.join("\n"));
        }
        Ok(book)
    }

    fn supports_renderer(&self, renderer: &str) -> Result<bool> {
        // Other renderers (e.g. markdown, linkcheck) would show raw HTML; they get the text alone.
        Ok(renderer == "html")
    }
}

/// Replaces every directive of one chapter; on failure, says which chapter and line.
fn expand_chapter(chapter: &mut Chapter) -> std::result::Result<(), String> {
    let place = chapter.source_path.as_ref().map_or_else(
        || chapter.name.clone(),
        |path| format!("src/{}", path.display()),
    );
    let expanded = expand(&chapter.content)
        .map_err(|error| format!("{place}:{}: {}", error.line, error.message))?;
    chapter.content = expanded;
    Ok(())
}

/// Replaces every directive in a chapter's Markdown with its placeholder.
pub fn expand(content: &str) -> std::result::Result<String, DirectiveError> {
    let mut out = String::with_capacity(content.len());
    for piece in directive::split(content)? {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Directive(found) => {
                let props = directive::parse_timeline_lab(&found)?;
                // Blank lines around the block make Markdown treat it as raw HTML.
                out.push_str("\n\n");
                out.push_str(&fallback::timeline_lab(&props));
                out.push_str("\n\n");
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
