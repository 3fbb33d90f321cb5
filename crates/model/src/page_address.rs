//! The page's address as the widget passes it on (in a share link, and in a downloaded
//! chart's source line): only what names the page, never what the reader's visit
//! carried. A page's address may hold a preview token, a nonce, a session or a
//! tracking id in its query, and an access token in its fragment; whoever receives a
//! share link or a chart must not get them.
//!
//! The page's own `<link rel="canonical">` names its public address best (WordPress and
//! Hugo write one), so it is used when it is on the page's origin. Otherwise the query
//! keeps its parameters but those whose names suggest a secret or tracking; the rest
//! (such as WordPress's `?p=123`) may be what finds the page. The fragment keeps only
//! the widgets' share codes (`ovp=…`, `ovp-ID=…`).

/// Parts of a parameter's name, lowercase, that a public address never needs. A name is
/// dropped when it contains one of `SECRET_PARTS` anywhere (`_wpnonce`, `access_token`)
/// or has one of `PRIVATE_WORDS` as a word between `_`, `-` or `.` (`preview_id`,
/// `utm_source`, `api-key`), so `author` or `keyword` stay.
const SECRET_PARTS: &[&str] = &["token", "nonce", "secret", "password", "session"];
const PRIVATE_WORDS: &[&str] = &[
    "preview",
    "key",
    "sig",
    "signature",
    "code",
    "auth",
    "oauth",
    "jwt",
    "utm",
    "fbclid",
    "gclid",
    "msclkid",
    "mc_eid",
];

/// The address of the page at `href` to pass on, without its fragment; `canonical` is
/// the `href` of the page's `<link rel="canonical">`, already resolved, if it has one.
pub fn public_page_url(href: &str, canonical: Option<&str>) -> String {
    let page = href.split_once('#').map_or(href, |(page, _)| page);
    if let Some(canonical) = canonical {
        let canonical = canonical
            .split_once('#')
            .map_or(canonical, |(page, _)| page);
        if origin(canonical).is_some() && origin(canonical) == origin(page) {
            return canonical.to_owned();
        }
    }
    match page.split_once('?') {
        None => page.to_owned(),
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|parameter| !parameter.is_empty() && !is_private(parameter))
                .collect();
            if kept.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
    }
}

/// The fragment of a share link: the widgets' codes in `hash` (with or without its
/// `#`), the one under `key` replaced by `code`, and nothing else.
pub fn share_fragment(hash: &str, key: &str, code: &str) -> String {
    let mut parts: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|part| {
            let name = part.split_once('=').map_or(*part, |(name, _)| name);
            (name == "ovp" || name.starts_with("ovp-")) && name != key
        })
        .collect();
    let own = format!("{key}={code}");
    parts.push(&own);
    parts.join("&")
}

/// The key of the share code added last to `hash` (`ovp` or `ovp-ID`): the link's own,
/// since a share link puts its widget's code after any others it keeps.
pub fn last_code_key(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#')
        .split('&')
        .filter_map(|part| part.split_once('=').map(|(name, _)| name))
        .rfind(|name| *name == "ovp" || name.starts_with("ovp-"))
}

fn is_private(parameter: &str) -> bool {
    let name = parameter
        .split_once('=')
        .map_or(parameter, |(name, _)| name)
        .to_ascii_lowercase();
    SECRET_PARTS.iter().any(|part| name.contains(part))
        || PRIVATE_WORDS.contains(&name.as_str())
        || name
            .split(['_', '-', '.'])
            .any(|word| PRIVATE_WORDS.contains(&word))
}

/// The scheme and host of an absolute URL, such as `https://example.com:8080`.
fn origin(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    Some(&url[..scheme.len() + 3 + host_end])
}
