// Table of contents: aria-current="true" on the link of the section being read, in both copies of
// the ToC. Loaded by src/scripts/article-nav.ts on the page's first scroll (before it, the reader
// is where the page opened and nothing needs marking), built as a self-contained module through
// `?worker&url` like the header search (see src/scripts/site-chrome.ts), so that articles do not
// pay for it up front (the 3 KB shared budget).
// The observer only reports that a heading crossed the reading line (40 % down the window); the
// current section is then the last heading above that line. The ToC lists its targets in document
// order (ArticleLayout builds it so), and every target exists (the link checker proves it). An
// observer reports every target once when it starts, so the marking is right at once.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const targets = links.map((a) => document.getElementById(a.hash.slice(1))!);
const spy = new IntersectionObserver(
  () => {
    let current = '';
    for (const h of targets) if (h.getBoundingClientRect().top < innerHeight * 0.4) current = `#${h.id}`;
    for (const a of links) a.ariaCurrent = a.hash === current ? 'true' : null;
  },
  { rootMargin: '0px 0px -60% 0px' },
);
for (const h of targets) spy.observe(h);
