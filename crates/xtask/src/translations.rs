//! The book's translations (`book/po/LANG.po`, GNU gettext catalogues that mdBook's `gettext`
//! preprocessor applies): `cargo xtask po` brings them up to date with the English text, and
//! [`check`] (a step of `cargo xtask test`) fails when one falls behind or breaks the book.
//!
//! Up to date means: for the English as it is now, every message is translated and none is fuzzy
//! (`msgfmt --statistics` on the catalogue merged with freshly extracted messages, so an English
//! change without its translation fails). Not broken means that what must survive translation
//! does: widget directives are copied as they are, a heading keeps its `{#id}` (links and the
//! language picker rely on it), and every inline code span, link target and HTML tag of the
//! English is in the translation too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::build::TRANSLATIONS;
use crate::tools::tool;
use crate::util::{root, run};

/// The catalogue of a language.
fn po_file(language: &str) -> PathBuf {
    root().join("book/po").join(format!("{language}.po"))
}

/// Extracts the English messages into a fresh template (`mdbook-xgettext`) and returns its path.
fn extract_template() -> anyhow::Result<PathBuf> {
    let dir = root().join("target/xtask/po");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    run(tool("mdbook")
        .args(["build", "book", "--dest-dir"])
        .arg(&dir)
        .env(
            "MDBOOK_OUTPUT",
            r#"{"xgettext": {"pot-file": "messages.pot"}}"#,
        ))?;
    Ok(dir.join("messages.pot"))
}

/// `cargo xtask po`: merges the current English messages into every catalogue, in place. New
/// messages come in untranslated, changed ones fuzzy (with the old translation as a start).
pub(crate) fn update() -> anyhow::Result<()> {
    crate::tools::ensure_build_tools()?;
    let template = extract_template()?;
    for translation in TRANSLATIONS {
        let po = po_file(translation.language);
        run(tool("msgmerge")
            .args(["--quiet", "--update", "--backup=none"])
            .arg(&po)
            .arg(&template))?;
        run(tool("msgattrib")
            .args(["--no-obsolete", "--output-file"])
            .arg(&po)
            .arg(&po))?;
        println!("{}: {}", po.display(), statistics(&po)?);
    }
    Ok(())
}

/// `msgfmt --statistics` of a catalogue ("986 translated messages, 2 fuzzy translations.").
fn statistics(po: &Path) -> anyhow::Result<String> {
    let out = tool("msgfmt")
        .args(["--check", "--statistics", "--output-file", "/dev/null"])
        .arg(po)
        .output()
        .with_context(|| "running msgfmt (GNU gettext)")?;
    let text = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    if !out.status.success() {
        bail!("msgfmt rejects {}:\n{text}", po.display());
    }
    Ok(text)
}

/// Every translation is complete for the current English and keeps what must be kept.
pub(crate) fn check() -> anyhow::Result<()> {
    let template = extract_template()?;
    let mut failures = Vec::new();
    for translation in TRANSLATIONS {
        let po = po_file(translation.language);
        let merged = template.with_file_name(format!("{}.po", translation.language));
        run(tool("msgmerge")
            .args(["--quiet", "--output-file"])
            .arg(&merged)
            .arg(&po)
            .arg(&template))?;
        let stats = statistics(&merged)?;
        if stats.contains("fuzzy") || stats.contains("untranslated") {
            failures.push(format!(
                "{}: {stats} for the current English text; run `cargo xtask po` and translate \
                 the new (empty) and changed (fuzzy) messages",
                po.display()
            ));
        }
        let catalog = polib::po_file::parse(&po)
            .map_err(|error| anyhow::anyhow!("parsing {}: {error:?}", po.display()))?;
        for message in catalog.messages() {
            let Ok(msgstr) = message.msgstr() else {
                continue;
            };
            if msgstr.is_empty() || message.is_fuzzy() {
                continue;
            }
            for problem in problems(message.msgid(), msgstr) {
                failures.push(format!(
                    "{} ({}): {problem}\n    {:?}",
                    po.display(),
                    message.source(),
                    message.msgid()
                ));
            }
        }
        println!("{}: {stats}", po.display());
    }
    if !failures.is_empty() {
        bail!("the translations need work:\n{}", failures.join("\n"));
    }
    Ok(())
}

/// What a translation `msgstr` of `msgid` lost or changed that it must keep.
fn problems(msgid: &str, msgstr: &str) -> Vec<String> {
    let mut out = Vec::new();
    if msgid.starts_with("{{#") && msgstr != msgid {
        out.push("a widget directive must be copied exactly".to_owned());
    }
    if heading_id(msgid) != heading_id(msgstr) {
        out.push(format!(
            "the heading must end with {}",
            heading_id(msgid).unwrap_or("no {#id}")
        ));
    }
    for (what, english, translated) in [
        ("inline code", code_spans(msgid), code_spans(msgstr)),
        ("link targets", link_targets(msgid), link_targets(msgstr)),
        ("HTML tags", html_tags(msgid), html_tags(msgstr)),
    ] {
        if english != translated {
            out.push(format!(
                "{what} differ: English has {:?}, the translation {:?}",
                english.keys().collect::<Vec<_>>(),
                translated.keys().collect::<Vec<_>>()
            ));
        }
    }
    out
}

/// A multiset of strings.
type Bag = BTreeMap<String, usize>;

fn bag<'a>(items: impl Iterator<Item = &'a str>) -> Bag {
    let mut bag = Bag::new();
    for item in items {
        *bag.entry(item.to_owned()).or_default() += 1;
    }
    bag
}

/// The `{#id}` that ends a heading, if any.
fn heading_id(text: &str) -> Option<&str> {
    let text = text.trim_end();
    let start = text.rfind("{#")?;
    let id = text[start + 2..].strip_suffix('}')?;
    let is_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    is_id.then(|| &text[start..])
}

/// The byte ranges of the inline code spans (`` `x` ``, ``` ``x`` ```) of a Markdown text.
fn code_span_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let ticks = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let mut j = i + ticks;
        let mut end = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let run = bytes[j..].iter().take_while(|&&b| b == b'`').count();
                if run == ticks {
                    end = Some(j + run);
                    break;
                }
                j += run;
            } else {
                j += 1;
            }
        }
        match end {
            Some(end) => {
                spans.push((i, end));
                i = end;
            }
            None => i += ticks,
        }
    }
    spans
}

fn code_spans(text: &str) -> Bag {
    bag(code_span_ranges(text)
        .into_iter()
        .map(|(start, end)| &text[start..end]))
}

/// The text with its code spans removed (tags and links inside code are code).
fn outside_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in code_span_ranges(text) {
        out.push_str(&text[last..start]);
        out.push(' ');
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

fn link_targets(text: &str) -> Bag {
    bag(text.match_indices("](").filter_map(|(at, _)| {
        let rest = &text[at + 2..];
        let end = rest.find([')', ' '])?;
        Some(&rest[..end])
    }))
}

fn html_tags(text: &str) -> Bag {
    let text = outside_code(text);
    let mut tags = Bag::new();
    for (at, _) in text.match_indices('<') {
        let rest = &text[at + 1..];
        let (slash, name_start) = if rest.starts_with('/') {
            ("/", 1)
        } else {
            ("", 0)
        };
        let name: String = rest[name_start..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            *tags.entry(format!("<{slash}{name}")).or_default() += 1;
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(msgid: &str, msgstr: &str, expect: &[&str]) {
        let found = problems(msgid, msgstr);
        assert_eq!(found.len(), expect.len(), "{found:#?}");
        for (problem, expected) in found.iter().zip(expect) {
            assert!(problem.starts_with(expected), "{problem:?} vs {expected:?}");
        }
    }

    #[test]
    fn a_faithful_translation_passes() {
        check(
            "## `gather`: wait for a group {#gather}",
            "## `gather`：等待一组任务 {#gather}",
            &[],
        );
        check(
            "See [Tasks](tasks.md#gather) and `a` `a` <kbd>Space</kbd>.",
            "见 `a`、`a`，[任务](tasks.md#gather)，按 <kbd>Space</kbd>。",
            &[],
        );
        check(
            "{{#asyncio-example examples/x.py}}",
            "{{#asyncio-example examples/x.py}}",
            &[],
        );
        check("Use ``a`b`` here", "这里用 ``a`b``", &[]);
        check("Code `<b>` is not a tag", "代码 `<b>` 不是标签", &[]);
    }

    #[test]
    fn what_a_translation_must_keep() {
        check(
            "{{#asyncio-example examples/x.py}}",
            "{{#asyncio-example examples/y.py}}",
            &["a widget directive"],
        );
        check(
            "## Tasks {#tasks}",
            "## 任务",
            &["the heading must end with {#tasks}"],
        );
        check("Call `gather`", "调用 gather", &["inline code differ"]);
        check("Call `a` and `a`", "调用 `a`", &["inline code differ"]);
        check(
            "[Tasks](tasks.md#x)",
            "[任务](tasks.md)",
            &["link targets differ"],
        );
        check("Press <kbd>Space</kbd>", "按空格", &["HTML tags differ"]);
    }
}
