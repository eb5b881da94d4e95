//! The words the widgets and the static fallbacks show, in each language of the book.
//!
//! One table of messages per language (`i18n/en.txt`, `i18n/zh-CN.txt`): a line `Key = text`, where
//! the text may hold placeholders `{name}` that [`Msg::fill`] replaces. The keys are the variants
//! of [`Msg`], so code names a message by a type the compiler checks, never by a string; the
//! tables are checked once, by the tests below: every language has every key, no other, and the
//! same placeholders as English. A message a table lacks at run time (never in a tested build)
//! falls back to English, and then to its key, rather than fail.
//!
//! Python's own output (tracebacks, warnings, reprs) is never translated: it is what CPython
//! prints. Only the book's words around it are.

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

/// A language of the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    /// Every language, English (the source) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The language of an HTML `lang` attribute or a `book.toml` `language` (`zh-CN`, `zh`,
    /// `zh-Hans`…); English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// Its BCP 47 tag, as in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    fn table_text(self) -> &'static str {
        match self {
            Lang::En => include_str!("i18n/en.txt"),
            Lang::ZhCn => include_str!("i18n/zh-CN.txt"),
        }
    }

    fn table(self) -> &'static Table {
        static TABLES: [OnceLock<Table>; 2] = [OnceLock::new(), OnceLock::new()];
        let index = self as usize;
        TABLES[index].get_or_init(|| Table::parse(self.table_text()))
    }
}

/// A parsed table: key → text.
#[derive(Debug)]
struct Table {
    texts: HashMap<&'static str, &'static str>,
}

impl Table {
    fn parse(text: &'static str) -> Table {
        let texts = entries(text).collect();
        Table { texts }
    }
}

/// The `(key, text)` lines of a table, skipping blank lines and `#` comments.
fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines().filter_map(|line| {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let (key, text) = line.split_once(" = ")?;
        Some((key.trim(), text.trim_end()))
    })
}

/// Declares [`Msg`] with one variant per key.
macro_rules! messages {
    ($($key:ident,)*) => {
        /// A message of the book's interface; its text in a language is [`Msg::text`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($key,)*
        }

        impl Msg {
            /// Every message.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// Its key in the tables.
            pub fn key(self) -> &'static str {
                match self {
                    $(Msg::$key => stringify!($key),)*
                }
            }
        }
    };
}

// Declared after the macro, which it uses (textual scope).
mod keys;
pub use keys::Msg;

impl Msg {
    /// Its text in `lang`, placeholders left as they are.
    pub fn text(self, lang: Lang) -> &'static str {
        let key = self.key();
        lang.table()
            .texts
            .get(key)
            .or_else(|| Lang::En.table().texts.get(key))
            .copied()
            .unwrap_or(key)
    }

    /// Its text in `lang` with each `{name}` replaced by the matching argument.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        fill(self.text(lang), args)
    }
}

/// `items` as a list in `lang`: "a, b and c" in English. Lists are built from two messages
/// rather than joined with a fixed separator, because languages punctuate them differently.
pub fn and_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [first, middle @ .., last] => {
            let rest = middle.iter().fold(first.clone(), |rest, item| {
                Msg::ListComma.fill(lang, &[("first", &rest), ("next", item)])
            });
            Msg::ListAnd.fill(lang, &[("rest", &rest), ("last", last)])
        }
    }
}

/// `items` separated by semicolons in `lang`: "a; b; c" in English.
pub fn semicolon_list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let mut items = items.iter().map(AsRef::<str>::as_ref);
    let first = items.next().unwrap_or_default().to_owned();
    items.fold(first, |list, item| {
        Msg::ListSemicolon.fill(lang, &[("first", &list), ("next", &item)])
    })
}

fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(arg, _)| *arg == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names of a text, sorted.
#[cfg(test)]
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_and_no_other() {
        for lang in Lang::ALL {
            let keys: Vec<&str> = entries(lang.table_text()).map(|(key, _)| key).collect();
            let mut seen = std::collections::HashSet::new();
            for key in &keys {
                assert!(seen.insert(*key), "{}: {key} is defined twice", lang.tag());
                assert!(
                    Msg::ALL.iter().any(|msg| msg.key() == *key),
                    "{}: {key} is not a message (no variant of Msg)",
                    lang.tag()
                );
            }
            for msg in Msg::ALL {
                assert!(
                    seen.contains(msg.key()),
                    "{}: the message {} is missing",
                    lang.tag(),
                    msg.key()
                );
                assert!(
                    !msg.text(lang).is_empty(),
                    "{}: {} is empty",
                    lang.tag(),
                    msg.key()
                );
            }
        }
    }

    /// The static fallbacks put messages into HTML text and attributes as they are.
    #[test]
    fn no_message_holds_markup() {
        for lang in Lang::ALL {
            for msg in Msg::ALL {
                let text = msg.text(lang);
                assert!(
                    !text.contains(['<', '>', '&', '"']),
                    "{}: {} holds a character HTML would read: {text}",
                    lang.tag(),
                    msg.key()
                );
            }
        }
    }

    #[test]
    fn translations_keep_the_placeholders() {
        for lang in Lang::ALL {
            for msg in Msg::ALL {
                assert_eq!(
                    placeholders(msg.text(lang)),
                    placeholders(msg.text(Lang::En)),
                    "{}: {} has other placeholders than in English",
                    lang.tag(),
                    msg.key()
                );
            }
        }
    }

    #[test]
    fn fills_placeholders() {
        let check = |template: &str, expect: &str| {
            assert_eq!(fill(template, &[("at", &"3.20 s"), ("n", &2)]), expect);
        };
        check("stopped at {at}", "stopped at 3.20 s");
        check("{n} tasks, {n} lanes", "2 tasks, 2 lanes");
        check("{unknown} stays", "{unknown} stays");
        check("an open { brace", "an open { brace");
        check("", "");
    }

    #[test]
    fn lists_read_as_sentences() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(and_list(Lang::En, &items), "a, b and c");
        assert_eq!(and_list(Lang::En, &items[..2]), "a and b");
        assert_eq!(and_list(Lang::En, &items[..1]), "a");
        assert_eq!(and_list(Lang::ZhCn, &items), "a、b 和 c");
        assert_eq!(semicolon_list(Lang::En, &items), "a; b; c");
        assert_eq!(semicolon_list::<&str>(Lang::En, &[]), "");
    }

    #[test]
    fn reads_html_language_tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("zh"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("zh_Hans"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }
}
