//! Prints the content pack's JSON Schema; `make schema` writes it to content.schema.json.
fn main() {
    print!("{}", ovp_model::content::json_schema());
}
