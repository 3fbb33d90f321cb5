//! Gives each Wasm instance of the widget a 256 KiB stack instead of the linker's default
//! 1 MiB. Every instance reserves its whole stack in its own memory. Widgets share
//! instances (up to `WIDGETS_PER_INSTANCE` each, in web/embed.js), but a page may still
//! hold many: a crowded page needs several, and after a panic the widgets of the stopped
//! instance move to new ones, each to one of its own when the panic was no one's in
//! particular. So the stack counts once per instance. A browser test in
//! tests/browser/robustness.test.mjs measures the widget's deepest use (a whole quiz to
//! the result and its charts, content with errors) and fails if it reaches a quarter of
//! this size.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=262144");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
