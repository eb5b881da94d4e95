//! Hooks that follow the page around a component: what the browser says, kept current.

use gloo_events::EventListener;
use yew::prelude::*;

/// Whether the page is as narrow as a phone's (640 px or less), where drawings use narrower
/// coordinates so that their text stays readable; updated when that changes (a phone turned
/// sideways, a window resized), which renders the component again.
#[hook]
pub fn use_narrow_screen() -> bool {
    let query = use_memo((), |()| {
        web_sys::window().and_then(|window| window.match_media("(max-width: 640px)").ok().flatten())
    });
    let narrow = use_state(|| query.as_ref().as_ref().is_some_and(|query| query.matches()));
    {
        let narrow = narrow.clone();
        use_effect_with(query, move |query| {
            let listener = query.as_ref().as_ref().map(|query| {
                let target = query.clone();
                EventListener::new(query, "change", move |_| narrow.set(target.matches()))
            });
            move || drop(listener)
        });
    }
    *narrow
}
