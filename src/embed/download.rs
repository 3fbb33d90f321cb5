//! Downloading a chart as a file: an SVG that stands on its own (the chart with its
//! title above and source line below, every colour and font written into it, since the
//! widget's stylesheet does not travel with the file), or a PNG the browser renders
//! from that same SVG through an image and a canvas.

use crate::view::{hooks, ChartDownload, ImageFormat};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Document, Element, HtmlAnchorElement,
    HtmlCanvasElement, HtmlImageElement, Url, Window,
};
use yew::Callback;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// Width of the image in CSS pixels; a PNG is rendered at twice this.
const WIDTH: f64 = 640.0;
const PADDING: f64 = 20.0;
const TITLE_HEIGHT: f64 = 44.0;
const SOURCE_HEIGHT: f64 = 30.0;
const PNG_SCALE: f64 = 2.0;
/// Computed styles written into the file as presentation attributes.
const STYLED: [&str; 9] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-family",
    "font-size",
    "font-weight",
    "opacity",
    "display",
];

/// Saves `chart` in its format; a failure is logged for the page's developer and told
/// to the reader through `chart.failed`, never thrown.
pub fn download(chart: ChartDownload) {
    if let Err(err) = try_download(&chart) {
        web_sys::console::warn_2(
            &"open-vs-proprietary: the chart could not be downloaded".into(),
            &err,
        );
        chart.failed.emit(());
    }
}

fn try_download(chart: &ChartDownload) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let (svg, width, height) = standalone_svg(&window, &document, chart)?;
    let file_name = format!("{}.{}", chart.file_name, chart.format.extension());
    match chart.format {
        ImageFormat::Svg => {
            let blob = blob_of(&svg, "image/svg+xml;charset=utf-8")?;
            save(&window, &document, &blob, &file_name)
        }
        ImageFormat::Png => render_png(
            window,
            document,
            &svg,
            width,
            height,
            file_name,
            chart.failed.clone(),
        ),
    }
}

fn blob_of(text: &str, mime: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &options)
}

/// The chart as SVG text, with its width and height in pixels: a copy of the live chart
/// with its computed styles written in, scaled to `WIDTH`, on the widget's background,
/// with the title above and the source line below.
fn standalone_svg(
    window: &Window,
    document: &Document,
    chart: &ChartDownload,
) -> Result<(String, f64, f64), JsValue> {
    let live = &chart.svg;
    let copy = styled_copy(window, live)?;
    let (box_width, box_height) = view_box_size(live);
    let chart_width = WIDTH - 2.0 * PADDING;
    let chart_height = box_height * chart_width / box_width;
    let height = (PADDING + TITLE_HEIGHT + chart_height + SOURCE_HEIGHT + PADDING / 2.0).ceil();
    let look = Look::of_widget(window, live)?;
    let svg = |name: &str, attributes: &[(&str, &str)]| svg_element(document, name, attributes);
    // The title and source line start on the reading side: the chart says which.
    let direction = live
        .get_attribute("direction")
        .unwrap_or_else(|| "ltr".to_owned());
    let text_x = if direction == "rtl" {
        WIDTH - PADDING
    } else {
        PADDING
    };
    let text = |y: f64, size: &str, weight: &str, opacity: &str, content: &str| {
        let text = svg(
            "text",
            &[
                ("x", &text_x.to_string()),
                ("y", &y.to_string()),
                ("fill", &look.foreground),
                ("font-family", &look.font),
                ("font-size", size),
                ("font-weight", weight),
                ("opacity", opacity),
            ],
        )?;
        text.set_text_content(Some(content));
        Ok::<_, JsValue>(text)
    };

    let (w, h) = (WIDTH.to_string(), height.to_string());
    let root = svg(
        "svg",
        &[
            ("xmlns", SVG_NS),
            ("width", &w),
            ("height", &h),
            ("viewBox", &format!("0 0 {w} {h}")),
            ("direction", &direction),
        ],
    )?;
    let backdrop = svg(
        "rect",
        &[("width", &w), ("height", &h), ("fill", &look.background)],
    )?;
    root.append_child(&backdrop)?;
    let title = text(PADDING + 24.0, "26", "700", "1", &chart.title)?;
    root.append_child(&title)?;
    for (name, value) in [
        ("x", PADDING.to_string()),
        ("y", (PADDING + TITLE_HEIGHT).to_string()),
        ("width", chart_width.to_string()),
        ("height", chart_height.to_string()),
        ("overflow", "visible".to_owned()),
    ] {
        copy.set_attribute(name, &value)?;
    }
    root.append_child(&copy)?;
    let source = text(
        height - PADDING / 2.0 - 6.0,
        "11",
        "400",
        "0.75",
        &chart.source,
    )?;
    root.append_child(&source)?;

    let text = web_sys::XmlSerializer::new()?.serialize_to_string(&root)?;
    Ok((text, WIDTH, height))
}

/// A deep copy of `live` with each element's computed `STYLED` properties written in as
/// presentation attributes and its classes removed, so it looks the same without the
/// widget's stylesheet.
fn styled_copy(window: &Window, live: &Element) -> Result<Element, JsValue> {
    let copy: Element = live.clone_node_with_deep(true)?.dyn_into()?;
    let (originals, copies) = (live.query_selector_all("*")?, copy.query_selector_all("*")?);
    for i in 0..originals.length().min(copies.length()) {
        let (Some(original), Some(target)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(original), Ok(target)) =
            (original.dyn_into::<Element>(), target.dyn_into::<Element>())
        else {
            continue;
        };
        if let Some(style) = window.get_computed_style(&original)? {
            for property in STYLED {
                let value = style.get_property_value(property)?;
                if !value.is_empty() {
                    target.set_attribute(property, &value)?;
                }
            }
        }
        target.remove_attribute("class")?;
    }
    copy.remove_attribute("class")?;
    Ok(copy)
}

/// The width and height of `svg`'s viewBox; 300 by 300 when it has none that makes sense.
fn view_box_size(svg: &Element) -> (f64, f64) {
    let view_box: Vec<f64> = svg
        .get_attribute("viewBox")
        .unwrap_or_default()
        .split([' ', ','])
        .filter(|n| !n.is_empty())
        // JavaScript's parser: Rust's would add ten kilobytes to the Wasm for one attribute.
        .map(js_sys::parse_float)
        .collect();
    match view_box[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h), // NaN fails both tests
        _ => (300.0, 300.0),
    }
}

/// The widget's colours and font as the reader sees them, for the file's backdrop and text.
struct Look {
    background: String,
    foreground: String,
    font: String,
}

impl Look {
    fn of_widget(window: &Window, chart: &Element) -> Result<Look, JsValue> {
        let widget = chart
            .closest(hooks::WIDGET)?
            .unwrap_or_else(|| chart.clone());
        let style = window
            .get_computed_style(&widget)?
            .ok_or("no computed style")?;
        let background = style.get_property_value("background-color")?;
        Ok(Look {
            // A transparent widget on a page's background: white keeps the file legible.
            background: if background.is_empty() || background == "rgba(0, 0, 0, 0)" {
                "#ffffff".to_owned()
            } else {
                background
            },
            foreground: style.get_property_value("color")?,
            font: style.get_property_value("font-family")?,
        })
    }
}

fn svg_element(
    document: &Document,
    name: &str,
    attributes: &[(&str, &str)],
) -> Result<Element, JsValue> {
    let element = document.create_element_ns(Some(SVG_NS), name)?;
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    Ok(element)
}

/// Draws the SVG onto a canvas at twice its size and saves the canvas as a PNG.
fn render_png(
    window: Window,
    document: Document,
    svg: &str,
    width: f64,
    height: f64,
    file_name: String,
    failed: Callback<()>,
) -> Result<(), JsValue> {
    let image = HtmlImageElement::new()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * PNG_SCALE) as u32);
    canvas.set_height((height * PNG_SCALE) as u32);
    let drawn = image.clone();
    let failed_later = failed.clone();
    let on_load = Closure::once_into_js(move || {
        let failed = failed_later;
        let failed_to_save = failed.clone();
        let result = (|| -> Result<(), JsValue> {
            let context: CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .dyn_into()?;
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &drawn,
                0.0,
                0.0,
                width * PNG_SCALE,
                height * PNG_SCALE,
            )?;
            let on_blob = Closure::once_into_js(move |blob: JsValue| {
                let saved = match blob.dyn_into::<Blob>() {
                    Ok(blob) => save(&window, &document, &blob, &file_name),
                    Err(_) => Err("the browser made no PNG".into()),
                };
                if let Err(err) = saved {
                    web_sys::console::warn_2(
                        &"open-vs-proprietary: the PNG could not be saved".into(),
                        &err,
                    );
                    failed_to_save.emit(());
                }
            });
            canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png")
        })();
        if let Err(err) = result {
            web_sys::console::warn_2(
                &"open-vs-proprietary: the PNG could not be drawn".into(),
                &err,
            );
            failed.emit(());
        }
    });
    let on_error = Closure::once_into_js(move || {
        web_sys::console::warn_1(
            &"open-vs-proprietary: the chart image could not be loaded for the PNG; a Content-Security-Policy must allow `img-src data:`".into(),
        );
        failed.emit(());
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    ));
    Ok(())
}

/// Offers `blob` to the reader as a file named `file_name`.
fn save(window: &Window, document: &Document, blob: &Blob, file_name: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The browser has read the URL once the click is handled; free it a little later.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}
