//! "Copy link": puts a link that reopens this result on the clipboard. If the browser
//! refuses, the link is shown in a field, selected, for the reader to copy.

use ovp_model::l10n::UiText;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    pub ui: Rc<UiText>,
    pub link: AttrValue,
    pub copy: Callback<(String, Callback<bool>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Copied,
    /// The clipboard refused: show the link to copy by hand.
    Manual,
}

#[component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    let ShareLinkProps { ui, link, copy } = props;
    let status = use_state(|| Status::Idle);
    let field = use_node_ref();

    {
        let field = field.clone();
        use_effect_with(*status, move |status| {
            if *status == Status::Manual {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let on_copy = {
        let (status, link, copy) = (status.clone(), link.clone(), copy.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            copy.emit((
                link.to_string(),
                Callback::from(move |copied: bool| {
                    status.set(if copied {
                        Status::Copied
                    } else {
                        Status::Manual
                    })
                }),
            ));
        })
    };
    let on_focus_field = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });

    html! {
        <div class="share" part="share">
            <button type="button" class="secondary" part="button secondary-button" onclick={on_copy}>
                {ui.copy_link()}
            </button>
            <div class="share-status" aria-live="polite">
                if *status == Status::Copied {
                    <p>{ui.link_copied()}</p>
                }
            </div>
            if *status == Status::Manual {
                <label class="share-manual">
                    <span>{ui.copy_link_manually()}</span>
                    <input type="text" readonly=true value={link.clone()} ref={field} onfocus={on_focus_field} />
                </label>
            }
        </div>
    }
}
