//! "Download SVG" and "Download PNG" for a chart: hands the chart's live SVG, with the
//! title and source line that go into the image, to the page's download service.

use super::services::{ChartDownload, ImageFormat};
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartDownloadProps {
    pub ui: Rc<UiText>,
    /// An element that holds the chart's `<svg>`.
    pub chart: NodeRef,
    pub title: AttrValue,
    pub source: AttrValue,
    pub file_name: AttrValue,
    pub download: Callback<ChartDownload>,
}

#[component]
pub fn ChartDownloadButtons(props: &ChartDownloadProps) -> Html {
    let failed = use_state_eq(|| false);
    let button = |format: ImageFormat, text: &str| {
        let on_click = {
            let props_chart = props.chart.clone();
            let (title, source, file_name) = (
                props.title.to_string(),
                props.source.to_string(),
                props.file_name.to_string(),
            );
            let download = props.download.clone();
            let failed = failed.clone();
            Callback::from(move |_: MouseEvent| {
                failed.set(false);
                let failed = failed.clone();
                let svg = props_chart
                    .cast::<web_sys::Element>()
                    .and_then(|holder| holder.query_selector("svg").ok().flatten());
                if let Some(svg) = svg {
                    download.emit(ChartDownload {
                        svg,
                        format,
                        title: title.clone(),
                        source: source.clone(),
                        file_name: file_name.clone(),
                        failed: Callback::from(move |()| failed.set(true)),
                    });
                }
            })
        };
        let name = props.ui.download_chart_as(text, &props.title);
        html! {
            <button type="button" class="secondary small" part="button download-button"
                aria-label={name} data-format={format.extension()} onclick={on_click}>
                {text.to_owned()}
            </button>
        }
    };
    html! {
        <div class="downloads" part="downloads">
            {button(ImageFormat::Svg, props.ui.download_svg())}
            {button(ImageFormat::Png, props.ui.download_png())}
            <p class="download-failed" aria-live="polite">
                if *failed { {props.ui.download_failed()} }
            </p>
        </div>
    }
}
