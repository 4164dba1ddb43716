fn main() {
    console_error_panic_hook::set_once();
    http_status_codes::browser::start();
}
