//! The root of every mounted widget: provides its [`Blame`] to every component inside, so that a
//! panic while one of them renders is blamed on this widget (see [`crate::blame`]).

use yew::prelude::*;

use crate::blame::Blame;

/// Props of [`WidgetRoot`].
#[derive(Debug, PartialEq, Properties)]
pub struct WidgetRootProps {
    /// The widget mounted into this placeholder.
    pub blame: Blame,
    /// The widget itself (a timeline lab, a code widget, a comparison lab).
    pub children: Html,
}

/// Provides the widget's [`Blame`] as a context around it.
#[component]
pub fn WidgetRoot(props: &WidgetRootProps) -> Html {
    let _blame = props.blame.enter();
    html! {
        <ContextProvider<Blame> context={props.blame}>
            { props.children.clone() }
        </ContextProvider<Blame>>
    }
}
