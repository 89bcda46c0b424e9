// Finding one's place on an article page (src/layouts/ArticleLayout.astro): the ToC scrollspy
// (src/scripts/toc-spy.ts) loads on the first scroll, so it costs articles a few bytes up front
// rather than its whole size (the 3 KB shared budget).
import tocSpyUrl from './toc-spy.ts?worker&url';

if (document.querySelector('.toc a')) {
  addEventListener('scroll', () => void import(/* @vite-ignore */ tocSpyUrl), { once: true, passive: true });
}
