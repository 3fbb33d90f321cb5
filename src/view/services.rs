//! What the view asks of the page around it: where to start, where to save, how to
//! share and download. The embed layer fills this in; the view only calls it, so it
//! never touches storage, the clipboard or the address bar itself. The default does
//! nothing: a fresh quiz that keeps nothing and offers no link.

use ovp_model::quiz::Quiz;
use yew::{AttrValue, Callback};

#[derive(Clone, PartialEq, Default)]
pub struct PageServices {
    /// Where to start: saved progress or a shared result; `None` starts at the intro.
    pub initial: Option<Quiz>,
    /// A short message for the reader above the first screen, such as why a share
    /// link was ignored.
    pub notice: Option<AttrValue>,
    /// Told every new state, to keep it.
    pub save: Callback<Quiz>,
    /// The link that reopens the result of these answers, if sharing is possible.
    pub share_link: Option<Callback<Vec<usize>, Option<String>>>,
    /// Puts text on the clipboard, then reports whether that worked.
    pub copy: Callback<(String, Callback<bool>)>,
    /// Saves a chart as a file.
    pub download: Callback<ChartDownload>,
    /// The address of the page, for the source line of a downloaded chart.
    pub page_url: AttrValue,
    /// Runs a callback once the current frame has been painted. The result screen
    /// arrives in stages, one paint each (the verdict first; see `view::result`), so
    /// the answer to See result does not wait for all of its DOM. `None` renders
    /// everything at once.
    pub after_paint: Option<Callback<Callback<()>>>,
    /// Loads the result's code where it comes separately (a split build; see
    /// `embed::result_code`), then reports whether it is in place. `None`: it always is.
    pub result_code: Option<Callback<Callback<bool>>>,
}

impl PageServices {
    /// Runs `work` once the current frame has been painted, or at once where the page
    /// gives no `after_paint` (as when prerendering).
    pub fn when_painted(&self, work: impl FnOnce() + 'static) {
        match &self.after_paint {
            Some(after_paint) => {
                // A `Callback` may be called more than once; `work` runs the first time.
                let work = std::cell::Cell::new(Some(work));
                after_paint.emit(Callback::from(move |()| {
                    if let Some(work) = work.take() {
                        work();
                    }
                }));
            }
            None => work(),
        }
    }
}

/// A chart to download: the live SVG and what goes around it in the image.
#[derive(Clone, PartialEq)]
pub struct ChartDownload {
    pub svg: web_sys::Element,
    pub format: ImageFormat,
    pub title: String,
    /// The source line under the chart.
    pub source: String,
    /// File name without extension.
    pub file_name: String,
    /// Told when the browser refused to make the file, so the reader hears of it.
    pub failed: Callback<()>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}
