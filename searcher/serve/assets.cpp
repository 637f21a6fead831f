#include "searcher/serve/assets.hpp"

namespace cs::searcher {

namespace {

// System fonts only (nothing to download); on a wider screen the facets and timeline stand
// beside the results, on a phone below them (the results are what a reader came for).
constexpr std::string_view kStyle = R"CSS(
:root { --ink: #1d2329; --soft: #5b6670; --line: #d8dde2; --accent: #1f5fa8; --mark: #fde68a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fbfbfa; }
header { padding: 0.75rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
header a.home { font-weight: 700; color: var(--ink); text-decoration: none; margin-right: 0.75rem; }
form#search { display: flex; gap: 0.5rem; max-width: 60rem; margin: 0 auto; align-items: center; }
form#search input { flex: 1; min-width: 0; font-size: 1.05rem; padding: 0.45rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; }
form#search button { font-size: 1rem; padding: 0.45rem 0.9rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
main { max-width: 60rem; margin: 0 auto; padding: 0.5rem 1rem 2rem; }
a { color: var(--accent); }
p#count, p.note, p.filters { color: var(--soft); margin: 0.6rem 0; }
p.error { color: #9b1c1c; background: #fdecec; padding: 0.5rem 0.75rem; border-radius: 6px; }
.chip { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.6rem; margin: 0 0.25rem 0.25rem 0; text-decoration: none; color: var(--ink); background: #fff; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 16rem; gap: 1.5rem; }
@media (max-width: 46rem) { .layout { grid-template-columns: minmax(0, 1fr); } aside { border-top: 1px solid var(--line); } }
ol#results { list-style: none; padding: 0; margin: 0; }
li.hit { padding: 0.75rem 0; border-bottom: 1px solid var(--line); }
li.hit h2 { font-size: 1.1rem; margin: 0 0 0.15rem; }
li.hit h2 a { text-decoration: none; }
.preview { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: #8a5a00; border: 1px solid #e7c27a; border-radius: 4px; padding: 0 0.3rem; margin-left: 0.3rem; }
.meta { color: var(--soft); font-size: 0.9rem; margin: 0; }
.passage { white-space: pre-line; margin: 0.35rem 0; }
.passage mark, section.passage mark { background: var(--mark); color: inherit; padding: 0 1px; }
.links { font-size: 0.9rem; color: var(--soft); margin: 0; }
.links a { margin-right: 0.75rem; }
.more-passages { border-left: 3px solid var(--line); padding-left: 0.75rem; margin: 0.4rem 0; }
aside h3 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--soft); margin: 1rem 0 0.3rem; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside li { margin: 0.1rem 0; }
a.facet { text-decoration: none; }
a.facet span { color: var(--soft); font-size: 0.85rem; margin-left: 0.3rem; }
svg#timeline { width: 100%; height: 5.5rem; display: block; }
svg#timeline rect { fill: var(--accent); opacity: 0.75; }
svg#timeline a.bar:hover rect, svg#timeline a.bar:focus rect { opacity: 1; }
svg#timeline text { font-size: 9px; fill: var(--soft); }
nav#pages { display: flex; justify-content: space-between; margin-top: 1rem; }
article#article h1 { font-size: 1.5rem; margin: 0.75rem 0 0.25rem; }
section.passage { white-space: pre-line; padding: 0.5rem 0.75rem; margin: 0.5rem 0; border-radius: 6px; }
section.passage.match { background: #fff; border: 1px solid var(--line); }
section.passage .number { float: right; color: var(--soft); font-size: 0.8rem; text-decoration: none; }
)CSS";

// Enhancements only: the page works without them. "+N more passages" unfolds the article's
// other matching passages in place (taken from the article view the link names, which the
// server rendered and escaped), and the search box offers completions from /api/suggest.
constexpr std::string_view kScript = R"JS(
'use strict';
document.addEventListener('click', async (event) => {
  const link = event.target.closest('a.more');
  if (!link) return;
  event.preventDefault();
  const hit = link.closest('li.hit');
  const open = hit.querySelector('.more-passages');
  if (open) { open.remove(); return; }
  try {
    const response = await fetch(link.href);
    if (!response.ok) { window.location = link.href; return; }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const shown = hit.dataset.passage;
    const box = document.createElement('div');
    box.className = 'more-passages';
    for (const section of page.querySelectorAll('section.passage.match')) {
      if (section.dataset.index !== shown) box.appendChild(document.importNode(section, true));
    }
    hit.querySelector('.passage').after(box);
  } catch (error) {
    window.location = link.href;
  }
});

const box = document.getElementById('q');
const list = document.getElementById('completions');
let pending = null;
if (box && list) {
  box.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      if (box.value.trim() === '') return;
      try {
        const response = await fetch('/api/suggest?q=' + encodeURIComponent(box.value));
        if (!response.ok) return;
        const answer = await response.json();
        list.replaceChildren();
        const offers = answer.completions.map((c) => c.query);
        if (answer.spelling) offers.push(answer.spelling);
        for (const text of offers) {
          const option = document.createElement('option');
          option.value = text;
          list.appendChild(option);
        }
      } catch (error) { /* suggestions are optional */ }
    }, 150);
  });
}
)JS";

}  // namespace

std::optional<Asset> find_asset(std::string_view path) {
  if (path == "/static/app.css") return Asset{"text/css; charset=utf-8", kStyle};
  if (path == "/static/app.js") return Asset{"text/javascript; charset=utf-8", kScript};
  return std::nullopt;
}

}  // namespace cs::searcher
