fn main() {
    println!("scrapls");
}
