// The news shape of bench/build-corpus.sh (which calls it): the State of the Union
// addresses cut at paragraph boundaries into 300-1,000-word articles with their own
// headlines, dates, outlets and bylines, written in every input format cs-index reads,
// and as plain text for omindex.
//
//   node bench/news-corpus.js SOURCE_DIR OUT SCALE
'use strict';
const fs = require('fs');
const path = require('path');
const [from, out, scaleText] = process.argv.slice(2);
const scale = Number(scaleText);

// ---------------------------------------------------------------------------------------
// Fixed choices. Everything below is a function of these and the source text: no clock, no
// random numbers, so two builds are byte for byte the same.

const MIN_WORDS = 300;           // an article's length, in words
const MAX_WORDS = 1000;
const FORMATS = ['html', 'json', 'jsonl', 'rss', 'atom', 'md', 'txt'];
const ITEMS_PER_FILE = { jsonl: 25, rss: 10, atom: 10 };
const DAY_MS = 86400000;
const EST_MS = 5 * 3600000;      // dates are US Eastern (standard time: Dec-Feb)

// Invented outlets on reserved .example hosts; `variant` picks between equally real ways of
// writing the same thing (JSON-LD or not, CDATA or escaped HTML, .rss or .xml, ...).
const OUTLETS = [
  { name: 'The Washington Wire', host: 'www.washingtonwire.example', body: 'article-body',
    staff: ['Margaret Ellison', 'David Okafor', 'Priya Raman', 'Thomas Whitfield'] },
  { name: 'Capitol Desk', host: 'capitoldesk.example', body: 'story-text',
    staff: ['Elena Vasquez', 'James Holloway', 'Grace Lindqvist', 'Samuel Adeyemi'] },
  { name: 'National Review Service', host: 'www.nrs-news.example', body: 'entry-content',
    staff: ['Laura Chen', 'Michael Brennan', 'Hannah Weiss', 'Robert Castillo'] },
  { name: 'The Federal Ledger', host: 'www.federalledger.example', body: 'article__content',
    staff: ['Nora Fitzgerald', 'Daniel Kim', 'Sophie Marchand', 'William Tate'] },
  { name: 'Potomac Courier', host: 'www.potomaccourier.example', body: 'story-body',
    staff: ['Aisha Bello', 'Christopher Lang', 'Rebecca Stone', 'Jonathan Pierce'] },
  { name: 'Union Press Agency', host: 'unionpress.example', body: 'rich-text',
    staff: ['Olivia Grant', 'Marcus Reed', 'Claire Dubois', 'Ethan Morales'] },
  { name: 'The Heartland Tribune', host: 'www.heartlandtribune.example', body: 'article-text',
    staff: ['Isabel Novak', 'Peter Lindsay', 'Fatima Hassan', 'George Whitaker'] },
  { name: 'Republic Daily', host: 'www.republicdaily.example', body: 'post-content',
    staff: ['Julia Serrano', 'Andrew Marsh', 'Catherine Boyle', 'Victor Alvarez'] },
].map((outlet, index) => ({ ...outlet, index, variant: index % 2, slug: slugify(outlet.name) }));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'St', 'Gen', 'Gov', 'Sen', 'Rep', 'Col',
  'Capt', 'Lt', 'Maj', 'Adm', 'Jr', 'Sr', 'Hon', 'No', 'Nos', 'Vol', 'Art', 'Sec', 'Ch', 'vs', 'viz', 'Co',
  'Inc', 'Ltd', 'Ft', 'Mt']);
const STOP_WORDS = new Set(('a an the and or but nor of to in on at by for with from as into onto upon unto ' +
  'is are was were be been being am has have had do does did shall will would should may might must can could ' +
  'that this these those it its we our ours us you your i my me he him his she her they their them which who ' +
  'whom whose what when where while there here than then so such not no all any each every some both either ' +
  'also very more most other own same too only just over under again once about between through during before ' +
  'after above below up down out off if because let now yet one thus hence therefore however mr mrs ' +
  'applause laughter').split(' '));

// ---------------------------------------------------------------------------------------
// Small helpers.

// FNV-1a: for choices that should look arbitrary and never change.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ++i) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function slugify(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const words = (text) => text.split(' ').length;

// Text in HTML or XML, element content or attribute value.
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// CDATA that no "]]>" in the text can close early.
function cdata(text) {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

// JSON inside <script>: "</script>" or "<!--" in a string must not end the element.
function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

// A paragraph as CommonMark that reads back as the same text: punctuation that could start
// emphasis, code, links, raw HTML or an entity is escaped, and so is a first character that
// would make the paragraph a heading, list item, quote, rule or fence.
function markdownParagraph(text) {
  return text
    .replace(/[\\`*_[\]<>&]/g, '\\$&')
    .replace(/^([#+\-=~|])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const paragraphsHtml = (paragraphs, indent) => paragraphs.map((p) => `${indent}<p>${escapeXml(p)}</p>`).join('\n');

// ---------------------------------------------------------------------------------------
// Cutting an address into articles (done once; copies vary the cut articles).

// Sentences by their final stop, not after "Mr." or an initial ("U.S.", "John F. Kennedy"):
// the next word must start with a capital, a digit, or a quote or bracket before one.
function sentences(text) {
  const tokens = text.split(' ');
  const found = [];
  let start = 0;
  for (let i = 0; i + 1 < tokens.length; ++i) {
    const token = tokens[i];
    const stop = /[.!?]["'\u2019\u201d)\]]*$/.exec(token);
    if (!stop || !/^["'\u2018\u201c([]*[A-Z0-9]/.test(tokens[i + 1])) continue;
    const stem = token.slice(0, stop.index);
    if (token.endsWith('.') && (ABBREVIATIONS.has(stem) || /(^|\.)[A-Z]$/.test(stem))) continue;
    found.push(tokens.slice(start, i + 1).join(' '));
    start = i + 1;
  }
  if (start < tokens.length) found.push(tokens.slice(start).join(' '));
  return found;
}

// Whole sentences into paragraphs of about 40-120 words (a long sentence is one alone); a
// short last one joins the paragraph before.
function toParagraphs(text, seed) {
  const paragraphs = [];
  let current = [];
  let count = 0;
  let target = 0;
  for (const sentence of sentences(text)) {
    if (current.length === 0) target = 40 + (hash(`${seed}/p${paragraphs.length}`) % 80);
    current.push(sentence);
    count += words(sentence);
    if (count >= target) {
      paragraphs.push({ text: current.join(' '), words: count });
      current = [];
      count = 0;
    }
  }
  if (current.length > 0) {
    const last = paragraphs[paragraphs.length - 1];
    if (count < 15 && last) {
      last.text += ` ${current.join(' ')}`;
      last.words += count;
    } else {
      paragraphs.push({ text: current.join(' '), words: count });
    }
  }
  return paragraphs;
}

// Paragraphs into articles of MIN_WORDS-MAX_WORDS, each aiming at its own length in that
// range; a paragraph is never split. A last article under MIN_WORDS joins the one before, or
// when the two would pass MAX_WORDS, the two are cut again in halves.
function toArticles(paragraphs, seed) {
  const articles = [];
  const total = (list) => list.reduce((sum, p) => sum + p.words, 0);
  let current = [];
  let count = 0;
  let target = 0;
  const close = () => {
    articles.push(current);
    current = [];
    count = 0;
  };
  for (const paragraph of paragraphs) {
    if (current.length === 0) target = MIN_WORDS + (hash(`${seed}/a${articles.length}`) % (MAX_WORDS - MIN_WORDS - 50));
    if (current.length > 0 && count >= MIN_WORDS && count + paragraph.words > MAX_WORDS) close();
    current.push(paragraph);
    count += paragraph.words;
    if (count >= target) close();
  }
  if (current.length > 0) {
    if (count >= MIN_WORDS || articles.length === 0) {
      articles.push(current);
    } else {
      const merged = articles.pop().concat(current);
      const all = total(merged);
      if (all <= MAX_WORDS) {
        articles.push(merged);
      } else {
        let cut = 0;
        for (let sum = 0; cut < merged.length && sum + merged[cut].words / 2 < all / 2; ++cut) sum += merged[cut].words;
        articles.push(merged.slice(0, cut), merged.slice(cut));
      }
    }
  }
  return articles.map((list) => list.map((p) => p.text));
}

// ---------------------------------------------------------------------------------------
// An article's headline, date and the rest.

// A telling run of 4-8 words for the headline, from the first sentence that has one (not
// "(Applause.)"): the run with the most words that are not stop words, starting and ending
// on one, within one clause, outside brackets.
function headlinePhrase(paragraph) {
  const all = sentences(paragraph);
  for (const sentence of all.slice(0, 4)) {
    const phrase = tellingRun(sentence.split(' ').slice(0, 80));
    if (phrase) return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  }
  const first = all[0].split(' ').slice(0, 6).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return first.charAt(0).toUpperCase() + first.slice(1);
}

function tellingRun(raw) {
  const clean = raw.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const bracketed = (i) => /^[([]/.test(raw[i]) || /[)\]]$/.test(raw[i]);
  const telling = (i) => clean[i].length >= 3 && !STOP_WORDS.has(clean[i].toLowerCase()) && !bracketed(i);
  const breaks = (i) => /[,;:]$|--|\u2014/.test(raw[i]) || bracketed(i) || clean[i] === '';
  let best = null;
  for (let i = 0; i < raw.length; ++i) {
    if (!telling(i)) continue;
    for (let length = 1; length <= 8 && i + length <= raw.length; ++length) {
      const last = i + length - 1;
      if (last > i && (breaks(last - 1) || clean[last] === '' || bracketed(last))) break;
      if (length < 4 || !telling(last)) continue;
      let score = -0.3 * Math.abs(length - 6) + (clean[last].length >= 6 ? 0.5 : 0);  // ends on a long word
      for (let j = i; j <= last; ++j) {
        if (telling(j)) score += 1;
        if (j > 0 && /^\p{Lu}/u.test(clean[j])) score += 0.5;
      }
      if (best === null || score > best.score) best = { score, words: clean.slice(i, last + 1) };
    }
  }
  return best === null ? '' : best.words.join(' ');
}

// "State of the Union 1790: George Washington" -> "George Washington's 1790 address".
function addressName(record) {
  const match = /^State of the Union (\d{4}): (.+)$/.exec(record.title);
  return match ? `${match[2]}'s ${match[1]} address` : record.title;
}

// The address's day (the source gives only its year): early December before 1934, January
// from then on, a day of its own for each address.
function addressDay(base) {
  const year = Number(base.slice(0, 4));
  const h = hash(base);
  return year < 1934 ? Date.UTC(year, 11, 1 + (h % 9)) : Date.UTC(year, 0, 3 + (h % 26));
}

// One instant, written the ways feeds, pages and APIs write it.
function dates(localMs) {
  const d = new Date(localMs);  // its UTC fields are Eastern local time
  const [y, mo, da, h, mi] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return {
    year: y,
    path: `${y}/${pad(mo + 1)}/${pad(da)}`,
    stamp: `${y}${pad(mo + 1)}${pad(da)}`,
    iso: `${y}-${pad(mo + 1)}-${pad(da)}T${pad(h)}:${pad(mi)}:00-05:00`,
    utc: new Date(localMs + EST_MS).toISOString().replace('.000Z', 'Z'),
    rfc822: `${WEEKDAYS[d.getUTCDay()]}, ${pad(da)} ${MONTHS[mo].slice(0, 3)} ${y} ${pad(h)}:${pad(mi)}:00 -0500`,
    human: `${MONTHS[mo]} ${da}, ${y}, ${hour12}:${pad(mi)} ${h < 12 ? 'a.m.' : 'p.m.'} EST`,
  };
}

// Copy 0 as cut; copy k > 0 with its paragraphs rotated k places and one word in every
// 9-21 dropped, a different one per copy (as the speeches shape varies whole addresses).
function varied(paragraphs, copy) {
  if (copy === 0) return paragraphs;
  const shift = copy % paragraphs.length;
  const rotated = paragraphs.slice(shift).concat(paragraphs.slice(0, shift));
  const every = 9 + (copy % 13);
  let n = 0;
  return rotated
    .map((p) => p.split(' ').filter(() => ++n % every !== copy % every).join(' '))
    .filter((p) => p.length > 0);
}

function excerpt(paragraph) {
  const first = sentences(paragraph)[0].split(' ');
  return first.length <= 30 ? first.join(' ') : `${first.slice(0, 30).join(' ')}\u2026`;
}

// ---------------------------------------------------------------------------------------
// Writers, one a format. A single-article format writes its file at once; a feed format
// keeps an outlet's items until it has a file's worth (or the copy ends).

function htmlPage(a, related) {
  const o = a.outlet;
  const nav = ['Politics', 'Economy', 'World', 'Opinion', 'Podcasts', 'Newsletters']
    .map((s) => `          <li><a href="/${s.toLowerCase()}/">${s}</a></li>`).join('\n');
  const ld = {
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, url: a.url,
    datePublished: a.date.iso, dateModified: a.date.iso, description: a.excerpt,
    author: [{ '@type': 'Person', name: a.author, url: `https://${o.host}/staff/${slugify(a.author)}` }],
    publisher: { '@type': 'Organization', name: o.name, logo: { '@type': 'ImageObject', url: `https://${o.host}/static/logo.png` } },
    keywords: a.topics, mainEntityOfPage: a.url,
  };
  const body = a.paragraphs.map((p, i) => {
    const paragraph = `          <p>${escapeXml(p)}</p>`;
    return i === 2 ? `${paragraph}\n          <div class="ad-container" aria-label="Advertisement"><span class="ad-label">Advertisement</span><div id="ad-slot-${a.serial}" class="ad-slot"></div></div>` : paragraph;
  }).join('\n');
  const links = related.map((r) => `          <li><a href="${escapeXml(r.url)}">${escapeXml(r.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeXml(a.title)} | ${escapeXml(o.name)}</title>
  <link rel="canonical" href="${escapeXml(a.url)}">
  <meta name="description" content="${escapeXml(a.excerpt)}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="${escapeXml(o.name)}">
  <meta property="og:title" content="${escapeXml(a.title)}">
  <meta property="og:url" content="${escapeXml(a.url)}">
  <meta property="og:description" content="${escapeXml(a.excerpt)}">
  <meta property="og:image" content="https://${o.host}/images/${a.serial}.jpg">
  <meta property="article:published_time" content="${a.date.iso}">
  <meta property="article:section" content="Politics">
${a.topics.map((t) => `  <meta property="article:tag" content="${escapeXml(t)}">`).join('\n')}
  <meta name="author" content="${escapeXml(a.author)}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="stylesheet" href="/static/css/site.4f2a9c.css">
${o.variant === 0 ? `  <script type="application/ld+json">${scriptJson(ld)}</script>\n` : ''}  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"section": "politics", "articleId": "${a.serial}"});</script>
</head>
<body class="article-page">
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header" role="banner">
    <div class="site-logo"><a href="/"><img src="/static/logo.svg" alt="${escapeXml(o.name)} logo"></a></div>
    <nav class="main-nav" aria-label="Sections">
      <ul>
          <li><a href="/">Home</a></li>
${nav}
      </ul>
    </nav>
    <div class="header-actions"><a class="subscribe-button" href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
  </header>
  <main id="main">
    <article class="article">
      <header class="article-header">
        <ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/politics/">Politics</a></li></ol>
        <p class="kicker"><a href="/politics/">Politics</a></p>
        <h1 class="headline">${escapeXml(a.title)}</h1>
        <p class="byline">By <a href="/staff/${slugify(a.author)}" rel="author">${escapeXml(a.author)}</a>, ${escapeXml(o.name)}</p>
        <p class="dateline"><time datetime="${a.date.iso}">${a.date.human}</time></p>
      </header>
      <div class="share-bar"><a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(a.url)}">Facebook</a> <a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(a.url)}">Twitter</a> <a href="mailto:?subject=${encodeURIComponent(a.title)}">Email</a></div>
      <div class="${o.body}">
${body}
      </div>
      <div class="newsletter-signup">
        <h2>Get the Morning Briefing newsletter</h2>
        <p>The day's top political stories from ${escapeXml(o.name)}, in your inbox every weekday. Unsubscribe at any time.</p>
        <form action="/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="Your email address"><button type="submit">Sign up</button></form>
      </div>
    </article>
    <aside class="related-stories" aria-label="Related stories">
      <h2>Related stories</h2>
      <ul>
${links}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <nav class="footer-nav"><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/careers">Careers</a> <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a> <a href="/cookies">Cookie settings</a></nav>
    <p class="copyright">&copy; ${a.date.year} ${escapeXml(o.name)}. All rights reserved.</p>
  </footer>
  <div class="cookie-banner" role="dialog" aria-label="Cookie consent">
    <p>We use cookies and similar technologies to personalise content and ads and to analyse our traffic. You can change your cookie preferences at any time.</p>
    <button class="cookie-accept">Accept all cookies</button> <button class="cookie-settings">Manage preferences</button>
  </div>
  <script src="/static/js/site.8d1e77.js" defer></script>
</body>
</html>
`;
}

// A news API's article (NewsAPI's field names), whole text in content.
function apiJson(a) {
  return `${JSON.stringify({
    source: { id: a.outlet.slug, name: a.outlet.name },
    author: a.author,
    title: a.title,
    description: a.excerpt,
    url: a.url,
    urlToImage: `https://${a.outlet.host}/images/${a.serial}.jpg`,
    publishedAt: a.date.utc,
    content: a.paragraphs.join('\n\n'),
    topics: a.topics,
  }, null, 2)}\n`;
}

// A scraper's dump: other common names for the same fields.
function dumpLine(a) {
  return JSON.stringify({
    id: `${a.outlet.slug}-${a.serial}`, headline: a.title, link: a.url, source: a.outlet.name, authors: [a.author],
    published: a.date.iso, language: 'en', tags: a.topics, body: a.paragraphs.join('\n\n'),
  });
}

function rssItem(a) {
  const html = a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
  return `    <item>
      <title>${escapeXml(a.title)}</title>
      <link>${escapeXml(a.url)}</link>
      <guid isPermaLink="true">${escapeXml(a.url)}</guid>
      <pubDate>${a.date.rfc822}</pubDate>
      <dc:creator>${escapeXml(a.author)}</dc:creator>
${a.topics.map((t) => `      <category>${escapeXml(t)}</category>`).join('\n')}
      <description>${escapeXml(a.excerpt)}</description>
      <content:encoded>${a.outlet.variant === 0 ? cdata(html) : escapeXml(html)}</content:encoded>
    </item>`;
}

function rssFeed(outlet, items) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(outlet.name)}</title>
    <link>https://${outlet.host}/</link>
    <atom:link href="https://${outlet.host}/politics/feed.xml" rel="self" type="application/rss+xml"/>
    <description>Politics and policy from ${escapeXml(outlet.name)}</description>
    <language>en-us</language>
    <lastBuildDate>${items[items.length - 1].date.rfc822}</lastBuildDate>
    <generator>cs-search bench/build-corpus.sh</generator>
${items.map(rssItem).join('\n')}
  </channel>
</rss>
`;
}

function atomEntry(a) {
  const content = a.outlet.variant === 0
    ? `<content type="html">${escapeXml(a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n'))}</content>`
    : `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\n${paragraphsHtml(a.paragraphs, '        ')}\n      </div></content>`;
  return `  <entry>
    <title type="text">${escapeXml(a.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(a.url)}"/>
    <id>tag:${a.outlet.host},${a.date.year}:${a.serial}</id>
    <published>${a.date.iso}</published>
    <updated>${a.date.iso}</updated>
    <author><name>${escapeXml(a.author)}</name></author>
${a.topics.map((t) => `    <category term="${escapeXml(t)}"/>`).join('\n')}
    <summary type="text">${escapeXml(a.excerpt)}</summary>
    ${content}
  </entry>`;
}

function atomFeed(outlet, items, number) {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${escapeXml(outlet.name)}</title>
  <subtitle>Politics and policy</subtitle>
  <link rel="alternate" type="text/html" href="https://${outlet.host}/"/>
  <link rel="self" type="application/atom+xml" href="https://${outlet.host}/politics/atom.xml?page=${number}"/>
  <id>tag:${outlet.host},2000:politics</id>
  <updated>${items[items.length - 1].date.iso}</updated>
${items.map(atomEntry).join('\n')}
</feed>
`;
}

function markdown(a) {
  const q = JSON.stringify;  // a JSON string is a YAML double-quoted scalar
  return `---
title: ${q(a.title)}
date: ${q(a.date.iso)}
source: ${q(a.outlet.name)}
author: ${q(a.author)}
url: ${q(a.url)}
description: ${q(a.excerpt)}
tags: [${a.topics.map((t) => q(t)).join(', ')}]
---

${a.paragraphs.map(markdownParagraph).join('\n\n')}
`;
}

// Plain text as a reader saves a story: headline, byline, dateline, then the paragraphs.
function plainText(a) {
  return `${a.title}\n\nBy ${a.author}\n\n${a.date.human}\n\n${a.paragraphs.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// The build.

const names = fs.readdirSync(from).filter((n) => n.endsWith('.json')).sort();
const addresses = names.map((name, index) => {
  const record = JSON.parse(fs.readFileSync(path.join(from, name), 'utf8'));
  const base = name.replace(/\.json$/, '');
  // Control characters (one \x02 in 1890) are not allowed in XML, so in no format.
  const text = record.text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '').split(/\s+/).filter(Boolean).join(' ');
  const parts = toArticles(toParagraphs(text, base), base);
  if (parts.length >= 100) throw new Error(`${name}: ${parts.length} articles, more than serial numbers allow`);
  return { record, base, index, parts, day: addressDay(base) };
});

for (let copy = 0; copy < scale; ++copy) {
  const txtDir = path.join(out, 'txt', `copy-${copy}`);
  fs.mkdirSync(txtDir, { recursive: true });
  const dirs = OUTLETS.map((o) => {
    const dir = path.join(out, 'input', o.name, `copy-${copy}`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  });
  // Feed items waiting for a file, and files written so far, by outlet and format.
  const pending = OUTLETS.map(() => ({ jsonl: [], rss: [], atom: [] }));
  const fileCount = OUTLETS.map(() => ({ jsonl: 0, rss: 0, atom: 0 }));
  const flush = (o, format) => {
    const items = pending[o.index][format];
    if (items.length === 0) return;
    const number = ++fileCount[o.index][format];
    const stem = path.join(dirs[o.index], `${format === 'jsonl' ? 'dump' : 'feed'}-${pad(number, 3)}`);
    if (format === 'jsonl') fs.writeFileSync(`${stem}${o.variant === 0 ? '.jsonl' : '.ndjson'}`, `${items.map(dumpLine).join('\n')}\n`);
    if (format === 'rss') fs.writeFileSync(`${stem}${o.variant === 0 ? '.rss' : '.xml'}`, rssFeed(o, items));
    if (format === 'atom') fs.writeFileSync(`${stem}.atom`, atomFeed(o, items, number));
    pending[o.index][format] = [];
  };

  let dealt = 0;  // articles of this copy so far: deals formats and outlets in turn
  for (const address of addresses) {
    const { record, base } = address;
    const articles = address.parts.map((cut, i) => {
      const part = i + 1;
      const paragraphs = varied(cut, copy);
      const serial = (copy * 1000 + address.index) * 100 + part;
      const j = dealt++;
      const outlet = OUTLETS[(j + 3 * copy) % OUTLETS.length];
      const phrase = headlinePhrase(paragraphs[0]);
      const title = `${phrase}: ${addressName(record)}, part ${part}${copy > 0 ? ` (copy ${copy})` : ''}`;
      const minutes = 6 * 60 + ((hash(`${base}/${part}`) + copy * 97) % (13 * 60));
      const date = dates(address.day + (part - 1) * DAY_MS + minutes * 60000);
      const slug = slugify(phrase).split('-').slice(0, 8).join('-');
      return {
        outlet, paragraphs, serial, title, date,
        format: FORMATS[(j + copy) % FORMATS.length],
        author: outlet.staff[hash(`${base}/${part}/${copy}`) % outlet.staff.length],
        url: `https://${outlet.host}/politics/${date.path}/${slug}-${serial}`,
        stem: `${date.stamp}-${slug}-${serial}`,
        excerpt: excerpt(paragraphs[0]),
        topics: record.topics.filter((t) => t !== 'none'),
      };
    });
    articles.forEach((a, i) => {
      const dir = dirs[a.outlet.index];
      const related = [articles[i - 1], articles[i + 1], articles[i + 2]].filter(Boolean);
      switch (a.format) {
        case 'html': fs.writeFileSync(path.join(dir, `${a.stem}.html`), htmlPage(a, related)); break;
        case 'json': fs.writeFileSync(path.join(dir, `${a.stem}.json`), apiJson(a)); break;
        case 'md': fs.writeFileSync(path.join(dir, `${a.stem}.md`), markdown(a)); break;
        case 'txt': fs.writeFileSync(path.join(dir, `${a.stem}.txt`), plainText(a)); break;
        default:
          pending[a.outlet.index][a.format].push(a);
          if (pending[a.outlet.index][a.format].length >= ITEMS_PER_FILE[a.format]) flush(a.outlet, a.format);
      }
      fs.writeFileSync(path.join(txtDir, `${a.stem}.txt`), `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`);
    });
  }
  for (const o of OUTLETS) for (const format of Object.keys(ITEMS_PER_FILE)) flush(o, format);
}
