//! Search that works in Chinese: mdBook indexes words split at spaces, and Chinese puts no spaces
//! between words, so a whole clause became one "word" and a search for 协程 found nothing.
//!
//! For an edition in Chinese, `cargo xtask build` rebuilds the search index mdBook wrote, from the
//! same documents (mdBook saves every section's title, text and breadcrumbs in it), with
//! [`tokens`]: Latin words as mdBook splits them (lower-cased, punctuation trimmed), and every
//! run of Chinese characters as its single characters and its overlapping pairs. The page splits
//! a query into Latin words and pairs (`cjkTokens` in `www/aio-loader.js`; a lone character stays
//! itself), and the rebuilt index asks for every token (AND), so 事件循环 finds the sections that
//! have 事件, 件循 and 循环. Neither side stems or drops stop words: the rebuilt index has an empty
//! pipeline, which the page's elasticlunr then also runs.

use std::path::Path;

use anyhow::{Context, bail};
use elasticlunr::{IndexBuilder, Language, Pipeline};
use serde_json::Value;

/// The tokens of a text, for the index and (mirrored in JavaScript) for a query.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split(|c: char| c.is_whitespace() || c == '-') {
        let mut latin = String::new();
        let mut cjk: Vec<char> = Vec::new();
        for c in piece.chars() {
            if is_cjk(c) {
                flush_latin(&mut latin, &mut out);
                cjk.push(c);
            } else {
                flush_cjk(&mut cjk, &mut out);
                if c.is_alphanumeric() || c == '_' || c == '.' {
                    latin.extend(c.to_lowercase());
                } else {
                    flush_latin(&mut latin, &mut out);
                }
            }
        }
        flush_latin(&mut latin, &mut out);
        flush_cjk(&mut cjk, &mut out);
    }
    out
}

/// Han ideographs and the kana (Chinese text quotes Japanese names now and then); CJK punctuation
/// is not among them, so it separates tokens.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2fa1f}')
}

fn flush_latin(latin: &mut String, out: &mut Vec<String>) {
    let word = latin.trim_matches('.');
    if !word.is_empty() {
        out.push(word.to_owned());
    }
    latin.clear();
}

fn flush_cjk(run: &mut Vec<char>, out: &mut Vec<String>) {
    for (i, c) in run.iter().enumerate() {
        out.push(c.to_string());
        if let Some(next) = run.get(i + 1) {
            out.push([*c, *next].iter().collect());
        }
    }
    run.clear();
}

/// A "language" for elasticlunr with [`tokens`] and no pipeline.
struct Cjk;

impl Language for Cjk {
    fn name(&self) -> String {
        "Chinese".into()
    }
    fn code(&self) -> String {
        "zh".into()
    }
    fn tokenize(&self, text: &str) -> Vec<String> {
        tokens(text)
    }
    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

/// The fields mdBook indexes, in its order.
const FIELDS: [&str; 3] = ["title", "body", "breadcrumbs"];

/// Rebuilds the search index of the edition in `site` (a folder with mdBook's
/// `searchindex-<hash>.js`) with [`tokens`], in place.
pub(crate) fn reindex(site: &Path) -> anyhow::Result<()> {
    let file = std::fs::read_dir(site)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("searchindex-") && name.ends_with(".js"))
        })
        .with_context(|| format!("no searchindex-*.js in {}", site.display()))?;
    let script = std::fs::read_to_string(&file)?;
    let rebuilt =
        reindex_script(&script).with_context(|| format!("reindexing {}", file.display()))?;
    std::fs::write(&file, rebuilt)?;
    Ok(())
}

/// The prefix and suffix of mdBook's `searchindex.js` around the JSON (a JS string literal in
/// single quotes, with `\` and `'` escaped).
const SCRIPT_START: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SCRIPT_END: &str = "'));";

fn reindex_script(script: &str) -> anyhow::Result<String> {
    let Some(literal) = script
        .strip_prefix(SCRIPT_START)
        .and_then(|rest| rest.strip_suffix(SCRIPT_END))
    else {
        bail!("not the searchindex.js that mdBook 0.5 writes");
    };
    let json = unescape_single_quoted(literal);
    let mut search: Value = serde_json::from_str(&json)?;
    let docs = search["index"]["documentStore"]["docs"]
        .as_object()
        .context("the index saved no documents")?;
    let mut index = IndexBuilder::with_language(Box::new(Cjk))
        .add_fields(&FIELDS)
        .build();
    // Refs are the documents' positions in `doc_urls`; add them in that order.
    let mut refs: Vec<(usize, &Value)> = docs
        .iter()
        .map(|(id, doc)| Ok((id.parse::<usize>()?, doc)))
        .collect::<anyhow::Result<_>>()?;
    refs.sort_by_key(|(id, _)| *id);
    for (id, doc) in refs {
        let fields = FIELDS.map(|field| doc[field].as_str().unwrap_or_default());
        index.add_doc(&id.to_string(), fields);
    }
    search["index"] = serde_json::to_value(&index)?;
    // Pairs of characters are not words: a query's pairs must all match, not any one of them.
    search["search_options"]["bool"] = Value::from("AND");
    let json = serde_json::to_string(&search)?;
    Ok(format!(
        "{SCRIPT_START}{}{SCRIPT_END}",
        json.replace('\\', "\\\\").replace('\'', "\\'")
    ))
}

/// Undoes mdBook's escaping of the JSON inside its single-quoted literal.
fn unescape_single_quoted(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
        {
            out.push(next);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        assert_eq!(tokens(text), expect, "{text:?}");
    }

    #[test]
    fn splits_chinese_into_characters_and_pairs() {
        check("协程", &["协", "协程", "程"]);
        check(
            "事件循环。",
            &["事", "事件", "件", "件循", "循", "循环", "环"],
        );
        check("用 `gather` 等待", &["用", "gather", "等", "等待", "待"]);
        check(
            "asyncio.gather（）并发",
            &["asyncio.gather", "并", "并发", "发"],
        );
        check("Run-time 0.20 秒", &["run", "time", "0.20", "秒"]);
        check("“协程”，", &["协", "协程", "程"]);
    }

    #[test]
    fn rebuilds_the_index_mdbook_wrote() {
        let search = serde_json::json!({
            "doc_urls": ["a.html#x"],
            "index": {"documentStore": {"docs": {"0": {
                "id": "0", "title": "事件循环", "body": "协程 gather", "breadcrumbs": "事件循环"
            }}}}
        });
        let json = serde_json::to_string(&search).unwrap();
        let script = format!(
            "{SCRIPT_START}{}{SCRIPT_END}",
            json.replace('\\', "\\\\").replace('\'', "\\'")
        );
        let rebuilt = reindex_script(&script).unwrap();
        let json = unescape_single_quoted(
            rebuilt
                .strip_prefix(SCRIPT_START)
                .and_then(|rest| rest.strip_suffix(SCRIPT_END))
                .unwrap(),
        );
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["doc_urls"][0], "a.html#x");
        assert_eq!(value["index"]["pipeline"], serde_json::json!([]));
        let body = &value["index"]["index"]["body"]["root"];
        // The trie holds 协 → 程 with document 0 under it.
        assert!(body["协"]["程"]["docs"]["0"].is_object(), "{body}");
        assert!(body["g"]["a"]["t"]["h"]["e"]["r"]["docs"]["0"].is_object());
    }
}
