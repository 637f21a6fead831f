// The floor of a cs-search command's start: a program that does nothing, linked as cs-search
// is (the shared libraries it loads, Xapian, simdjson and the C++ runtime; ICU, Boost,
// Zstandard and xxHash are archives in both), so that bench/scale.sh can time what loading
// and relocating them costs on this machine, beside `quest --version` (Xapian alone) and
// `cs-search --version`.
int main() { return 0; }
