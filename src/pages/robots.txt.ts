import type { APIRoute } from 'astro';

/** robots.txt: everything may be crawled; points crawlers at the sitemap on the configured site. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
