//! What a share link and a downloaded chart pass on of the page's address: what names
//! the page, never a token, nonce or tracking id its query or fragment carried.

use ovp_model::page_address::{public_page_url, share_fragment};

#[test]
fn secrets_and_tracking_leave_the_query_and_what_finds_the_page_stays() {
    // A WordPress preview: its nonce and preview parameters go, the post's id stays.
    assert_eq!(
        public_page_url(
            "https://blog.example/?p=123&preview=true&preview_id=123&_wpnonce=ab12#top",
            None
        ),
        "https://blog.example/?p=123"
    );
    assert_eq!(
        public_page_url(
            "https://blog.example/post/?utm_source=news&access_token=x&api-key=y&sig=z&author=3&keyword=ai",
            None
        ),
        "https://blog.example/post/?author=3&keyword=ai"
    );
    assert_eq!(
        public_page_url("https://blog.example/post/?session=1", None),
        "https://blog.example/post/"
    );
    assert_eq!(
        public_page_url("https://blog.example/post/", None),
        "https://blog.example/post/"
    );
}

#[test]
fn the_page_s_canonical_address_wins_when_it_is_on_the_same_origin() {
    assert_eq!(
        public_page_url(
            "https://blog.example/?p=123&preview=true",
            Some("https://blog.example/2026/12/deepseek/")
        ),
        "https://blog.example/2026/12/deepseek/"
    );
    // Another origin's canonical is not the page the reader is on.
    assert_eq!(
        public_page_url(
            "https://blog.example/post/?a=1",
            Some("https://other.example/post/")
        ),
        "https://blog.example/post/?a=1"
    );
}

#[test]
fn a_share_link_s_fragment_keeps_only_the_widgets_codes() {
    assert_eq!(
        share_fragment(
            "#access_token=secret&ovp-a=OLD&ovp=X&section-2",
            "ovp-a",
            "NEW"
        ),
        "ovp=X&ovp-a=NEW"
    );
    assert_eq!(share_fragment("", "ovp", "CODE"), "ovp=CODE");
}

#[test]
fn the_share_code_a_link_was_made_for_is_its_last() {
    use ovp_model::page_address::last_code_key;
    assert_eq!(last_code_key("#ovp-a=A&ovp-b=B"), Some("ovp-b"));
    assert_eq!(
        last_code_key(&format!("#{}", share_fragment("#ovp-b=B", "ovp-a", "A"))),
        Some("ovp-a")
    );
    assert_eq!(last_code_key("#section-2"), None);
}
