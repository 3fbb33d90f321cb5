//! Prints the content pack's JSON Schema; `make schema` writes it to content.schema.json.
fn main() {
    print!("{}", open_vs_proprietary::model::content::json_schema());
}
