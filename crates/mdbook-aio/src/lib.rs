//! The mdBook preprocessor of the asyncio book.
//!
//! Architecture invariant: this is the only crate that knows mdBook. It finds widget directives in
//! chapters ([`directive`]), asks `aio-core` for everything the page should show before any script
//! runs, and writes placeholders with that static fallback inside ([`fallback`]). The widgets
//! mount into the placeholders in the browser.
//!
//! The placeholder (`<div class="aio-widget" data-aio-widget="KIND" data-aio-props="JSON">`) is an
//! API boundary: its JSON is `aio_core::lab::LabProps` for the timeline lab,
//! `aio_core::example::ExampleProps` for an example and `aio_core::compare::Workload` for the
//! comparison lab.

pub mod directive;
pub mod fallback;

use std::path::{Path, PathBuf};

use aio_core::i18n::Lang;
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

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let src = ctx.root.join(&ctx.config.book.src);
        // The static fallbacks speak the book's language (`language` in `book.toml`, or
        // `MDBOOK_BOOK__LANGUAGE` for a translated edition).
        let lang = Lang::from_tag(ctx.config.book.language.as_deref().unwrap_or_default());
        let mut errors = Vec::new();
        book.for_each_mut(|item| {
            if let BookItem::Chapter(chapter) = item
                && let Err(error) = expand_chapter(chapter, &src, lang)
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

/// Replaces every directive of one chapter, its fallbacks in `lang`; on failure, says which
/// chapter and line.
fn expand_chapter(
    chapter: &mut Chapter,
    src: &Path,
    lang: Lang,
) -> std::result::Result<(), String> {
    let source_path = chapter.source_path.clone();
    let place = source_path.as_ref().map_or_else(
        || chapter.name.clone(),
        |path| format!("src/{}", path.display()),
    );
    let chapter_dir = source_path
        .as_ref()
        .and_then(|path| path.parent())
        .map_or_else(PathBuf::new, Path::to_path_buf);
    let files = ChapterFiles {
        src: src.to_path_buf(),
        chapter_dir,
    };
    let expanded = expand(&chapter.content, &files, lang)
        .map_err(|error| format!("{place}:{}: {}", error.line, error.message))?;
    chapter.content = expanded;
    Ok(())
}

/// Where a chapter's directives find the files they name.
#[derive(Debug, Clone, Default)]
pub struct ChapterFiles {
    /// The book's source folder (`book/src`).
    pub src: PathBuf,
    /// The chapter's folder, relative to `src`.
    pub chapter_dir: PathBuf,
}

impl ChapterFiles {
    /// Reads a file named relative to the chapter, returning its id (its path relative to the
    /// book's source folder, with `/`) and its text.
    fn read(&self, relative: &str) -> std::result::Result<(String, String), String> {
        let id_path = self.chapter_dir.join(relative);
        let id = id_path
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let text = std::fs::read_to_string(self.src.join(&id_path))
            .map_err(|error| format!("cannot read `{relative}` (looked for src/{id}): {error}"))?;
        Ok((id, text))
    }
}

/// Replaces every directive in a chapter's Markdown with its placeholder, the static fallback
/// inside it in `lang`.
pub fn expand(
    content: &str,
    files: &ChapterFiles,
    lang: Lang,
) -> std::result::Result<String, DirectiveError> {
    let mut out = String::with_capacity(content.len());
    for piece in directive::split(content)? {
        let found = match piece {
            Piece::Text(text) => {
                out.push_str(text);
                continue;
            }
            Piece::Directive(found) => found,
        };
        let html = match found.kind {
            directive::ASYNCIO_EXAMPLE => {
                let example = directive::parse_example(&found)?;
                let (id, source) = files.read(example.path).map_err(|message| DirectiveError {
                    line: found.line,
                    message,
                })?;
                fallback::example(&id, &source, example.predict, lang)
            }
            directive::COMPARE_LAB => {
                fallback::compare_lab(&directive::parse_compare_lab(&found)?, lang)
            }
            directive::LOOP_STEPPER => {
                let path = directive::parse_loop_stepper(&found)?;
                let (id, source) = files.read(path).map_err(|message| DirectiveError {
                    line: found.line,
                    message,
                })?;
                fallback::loop_stepper(&id, &source, lang)
            }
            _ => fallback::timeline_lab(&directive::parse_timeline_lab(&found)?, lang),
        };
        // Blank lines around the block make Markdown treat it as raw HTML.
        out.push_str("\n\n");
        out.push_str(&html);
        out.push_str("\n\n");
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
