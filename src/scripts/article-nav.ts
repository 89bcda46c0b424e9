// Two small aids to finding one's place on an article page (src/layouts/ArticleLayout.astro),
// counted in the 3 KB shared-JS budget of articles.

// ---- Table of contents: aria-current="true" on the link of the section being read, in both
// copies of the ToC. The observer only reports that a heading crossed the reading line (40 % down
// the window); the current section is then the last heading above that line. The ToC lists its
// targets in document order (ArticleLayout builds it so), and every target exists (the link
// checker proves it).
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

// ---- Tab bars: on phones a tab bar is one row that scrolls sideways (src/styles/global.css sets
// it position: relative there, so offsetLeft is measured from the bar). Keep the selected tab in
// view: the one src/scripts/tabs.ts (imported before this module) selected on load, and the ones
// a choice in another group of the set selects later. A tab already in view is left alone, so the
// bar does not jump under the visitor's finger.
function reveal(tab: HTMLElement) {
  const bar = tab.parentElement!;
  if (tab.offsetLeft < bar.scrollLeft || tab.offsetLeft + tab.offsetWidth > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = tab.offsetLeft - 16;
}
document.querySelectorAll<HTMLElement>('[role="tab"][aria-selected="true"]').forEach(reveal);
new MutationObserver((changes) => {
  for (const { target } of changes) if (target instanceof HTMLElement && target.ariaSelected === 'true') reveal(target);
}).observe(document.body, { subtree: true, attributeFilter: ['aria-selected'] });
