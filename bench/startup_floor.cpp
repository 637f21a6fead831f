// The floor of a cs-search command's start: a program that does nothing, linked with the
// same shared libraries as cs-search (Xapian, ICU, Boost.Program_options, Zstandard, xxHash,
// simdjson), so that bench/scale.sh can time what loading and relocating them costs on
// this machine, beside `quest --version` (Xapian alone) and `cs-search --version`.
int main() { return 0; }
