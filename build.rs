//! Gives each Wasm instance a 256 KiB stack instead of the linker's default 1 MiB.
//! web/embed.js runs one Wasm instance per widget (a panic then stops only its own
//! widget), and every instance reserves its whole stack in its own memory, so the
//! default would cost a page with 20 widgets 20 MiB. The widget's measured peak is about
//! 15 KiB (a whole quiz to the result and its charts, content with errors; a browser
//! test in tests/browser/robustness.test.mjs measures it), so 256 KiB leaves more than
//! tenfold headroom.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=262144");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
