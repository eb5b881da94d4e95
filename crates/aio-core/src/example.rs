//! The props of a book example (`data-aio-widget="asyncio-example"`), shared by the mdBook
//! preprocessor that writes them and the widget that reads them, and the example's storage key.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub use crate::exercise::PredictKind;

/// What the preprocessor puts in `data-aio-props` for one Python example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleProps {
    /// Unique in the book: the chapter-relative path of the example, e.g.
    /// `tasks/p03_forgot_create_task.py`. The reader's edits are stored under it.
    pub id: String,
    /// The file name shown in tracebacks (`File "p03_forgot_create_task.py", line 12`).
    pub filename: String,
    /// The program as the chapter shows it.
    pub source: String,
    /// A "Predict, then run" exercise: the reader commits to a prediction before the widget shows
    /// the engine's (`predict=total|order` in the directive). Absent from the JSON when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predict: Option<PredictKind>,
    /// Open the step-through view from the start (`{{#loop-stepper PATH}}`). Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stepper: bool,
}

/// The `localStorage` key of the reader's edited version of example `id`. Versioned, so a later
/// format can ignore old entries instead of misreading them.
pub fn storage_key(id: &str) -> String {
    format!("aio-example:v1:{id}")
}

/// The `localStorage` key of the reader's attempt at example `id`'s "Predict, then run" exercise:
/// their answer and the verdict, kept in their own browser only. One per language: the verdict
/// is a sentence in the language of the edition that judged it (the editions share an origin).
pub fn prediction_storage_key(id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("aio-predict:v1:{id}"),
        other => format!("aio-predict:v1:{}:{id}", other.tag()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_round_trip_through_json() {
        let props = ExampleProps {
            id: "tasks/p03_forgot_create_task.py".into(),
            filename: "p03_forgot_create_task.py".into(),
            source: "import asyncio\nprint(\"<b>&'\")\n".into(),
            predict: None,
            stepper: false,
        };
        let json = serde_json::to_string(&props).unwrap();
        assert_eq!(
            json,
            r#"{"id":"tasks/p03_forgot_create_task.py","filename":"p03_forgot_create_task.py","source":"import asyncio\nprint(\"<b>&'\")\n"}"#
        );
        assert_eq!(serde_json::from_str::<ExampleProps>(&json).unwrap(), props);
        assert!(serde_json::from_str::<ExampleProps>(r#"{"id":"a","filename":"a.py"}"#).is_err());
        // Unknown fields are ignored, so the preprocessor can add some before the widget knows them.
        assert!(
            serde_json::from_str::<ExampleProps>(
                r#"{"id":"a","filename":"a.py","source":"","x":1}"#
            )
            .is_ok()
        );
        let exercise = ExampleProps {
            predict: Some(PredictKind::Order),
            ..props
        };
        let json = serde_json::to_string(&exercise).unwrap();
        assert!(json.ends_with(r#","predict":"order"}"#), "{json}");
        assert_eq!(
            serde_json::from_str::<ExampleProps>(&json).unwrap(),
            exercise
        );
        assert!(
            serde_json::from_str::<ExampleProps>(
                r#"{"id":"a","filename":"a.py","source":"","predict":"later"}"#
            )
            .is_err()
        );
    }

    #[test]
    fn storage_keys_are_versioned_and_per_example() {
        assert_eq!(
            storage_key("tasks/p03_forgot_create_task.py"),
            "aio-example:v1:tasks/p03_forgot_create_task.py"
        );
        assert_ne!(storage_key("a/x.py"), storage_key("b/x.py"));
        assert_eq!(
            prediction_storage_key("a/x.py", Lang::En),
            "aio-predict:v1:a/x.py"
        );
        assert_ne!(
            prediction_storage_key("a/x.py", Lang::En),
            storage_key("a/x.py")
        );
    }
}
