//! The panel shown in the widget's place when there is no quiz to show: a heading, what
//! happened, and Retry where trying again might help. The content error panel is one;
//! embed.js builds the other (the code could not load, or its instance crashed) from
//! this markup, which `make prerender` writes into web/panel.mjs.
//! A plain function rather than a component: a component of its own costs the Wasm
//! about 1.3 KB brotli (measured against this function).

use yew::prelude::*;

pub struct MessagePanel<'a> {
    pub heading: &'a str,
    /// The words' language, where it may differ from the page's.
    pub lang: Option<&'a str>,
    pub dir: &'a str,
    /// Retry's label and what pressing it does; no button without it.
    pub retry: Option<(&'a str, Callback<()>)>,
    /// Whether the panel is the widget's own screen (it carries the `hooks::WIDGET`
    /// hook); embed.js's panel is not, so nothing mistakes it for a mounted widget.
    pub widget_screen: bool,
}

impl MessagePanel<'_> {
    /// The panel, with `body` (what happened) between the heading and Retry.
    pub fn view(self, body: Html) -> Html {
        let actions = self.retry.map(|(label, on_retry)| {
            let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(()));
            html! {
                <div class="actions">
                    <button type="button" class="primary" part="button primary-button" {onclick}>{label}</button>
                </div>
            }
        });
        html! {
            <section class="ovp error-panel" part="widget error" data-ovp-widget={self.widget_screen.then_some("")} role="alert" lang={self.lang.map(str::to_owned)} dir={self.dir.to_owned()}>
                <h2>{self.heading}</h2>
                {body}
                {actions}
            </section>
        }
    }
}
