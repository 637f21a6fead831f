// cs-index allocates with jemalloc (cs_allocate_with_jemalloc in cmake/CsDependencies.cmake),
// not the C library's malloc: a run allocates and frees millions of small blocks on two
// threads at once (words, terms, Xapian's pending postings), and glibc's arenas spent that
// time merging and returning free chunks (malloc_consolidate, unlink_chunk in perf).
// Side by side, --jobs 2, alternating: news 1x 3.26 s -> 2.57 s (medians of five),
// speeches 1x 1.32-1.46 s -> 1.03-1.15 s, news 10x 25.0-25.2 s -> 21.2-23.3 s (2026-12-07);
// 5% fewer instructions (callgrind, --jobs 1).
//
// jemalloc keeps pages freed for a while to hand them out again; its default of ten seconds
// held 25 MB more at news 1x than glibc (135 against 111 MB), one second holds 4 MB more
// and keeps most of the gain (2.25 s against 2.17 s). jemalloc reads this at its start.
extern "C" {
// The name and type jemalloc looks for.
const char* malloc_conf = "dirty_decay_ms:1000";
}
