import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { type Page as Article, list, loadPages } from '../content/content.ts';

// The article layout: copy buttons, cross-links from front matter, sidebar, table of contents.
const pages = loadPages();
const bySlug = new Map(pages.map((p) => [p.slug, p]));
const ofType = (...types: string[]) => pages.filter((p) => types.includes(String(p.data['type'])));
const built = (slug: string) => readFileSync(new URL(`../../dist/guide/${slug}/index.html`, import.meta.url), 'utf8');
/** Hrefs inside the block with a given heading id, read from the built page ([] when absent). */
function blockLinks(html: string, id: string): string[] {
  const m = new RegExp(`<section aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return [...(m?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((h) => h[1] ?? '');
}
/** The links a block must hold: one per listed slug whose page exists (pending ones are skipped). */
const expected = (p: Article, field: string) => list(p.data[field]).filter((s) => bySlug.has(s)).map((s) => `/guide/${s}/`);

test.describe('code blocks', () => {
  test('every code block gets a keyboard-usable Copy button that copies the code and announces it', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto('/guide/tabs-help/?client=curl');
    const article = page.getByRole('article');
    // Buttons in closed tabs are hidden with their panel, so count those too.
    await expect(article.getByRole('button', { name: 'Copy code', includeHidden: true })).toHaveCount(await article.locator('pre > code').count());
    const panel = page.getByRole('tabpanel', { name: 'curl' });
    const button = panel.getByRole('button', { name: 'Copy code' });
    await expect(button).toHaveText('Copy');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveText('Copied');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('curl --version');
    await expect(button).toHaveText('Copy', { timeout: 5000 });
    await context.close();
  });

  test('when the clipboard is refused, the code is selected for Ctrl+C instead', async ({ page }) => {
    await page.goto('/guide/tabs-help/?client=curl');
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }));
    await page.getByRole('tabpanel', { name: 'curl' }).getByRole('button', { name: 'Copy code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Code selected' })).toHaveCount(1);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('curl --version');
  });
});

test.describe('cross-links', () => {
  test('"See also" lists related pages, and the table of contents includes it', async ({ page }) => {
    await page.goto('/guide/tabs-help/');
    const seeAlso = page.getByRole('region', { name: 'See also' });
    await expect(seeAlso.getByRole('link', { name: 'What a 401 means' })).toHaveAttribute('href', '/guide/what-is-401/');
    await expect(page.getByRole('navigation', { name: 'On this page' }).last().getByRole('link', { name: 'See also' })).toHaveAttribute('href', '#see-also');
  });

  test('the guide has cause and fix pages to cross-link (all branches merged)', () => {
    expect(ofType('cause').length, 'no cause pages yet').toBeGreaterThan(0);
    expect(ofType('fix', 'server').length, 'no fix pages yet').toBeGreaterThan(0);
  });

  test('every cause page links to its fixes; every fix page to its causes and to the wizard', () => {
    for (const p of ofType('cause')) {
      expect(blockLinks(built(p.slug), 'fixes-for-this-cause'), `${p.slug}: Fixes for this cause`).toEqual(expected(p, 'fixes'));
    }
    for (const p of ofType('fix', 'server')) {
      const links = blockLinks(built(p.slug), 'causes-this-fixes');
      expect(links, `${p.slug}: Causes this fixes`).toEqual([...expected(p, 'causes'), '/wizard/']);
    }
    for (const p of pages) {
      if (list(p.data['related']).length > 0) expect(blockLinks(built(p.slug), 'see-also'), `${p.slug}: See also`).toEqual(expected(p, 'related'));
    }
  });

  test('a cause page and one of its fixes, in the browser', async ({ page }) => {
    const cause = ofType('cause').find((p) => expected(p, 'fixes').length > 0);
    expect(cause, 'no cause page with a written fix yet').toBeDefined();
    if (!cause) return;
    await page.goto(`/guide/${cause.slug}/`);
    const fixes = page.getByRole('region', { name: 'Fixes for this cause' });
    const first = fixes.getByRole('link').first();
    await expect(first).toBeVisible();
    await first.click();
    await expect(page).toHaveURL(expected(cause, 'fixes')[0] ?? '');
    const causes = page.getByRole('region', { name: 'Causes this fixes' });
    await expect(causes.getByRole('link', { name: String(cause.data['navTitle'] ?? cause.data['title']) })).toHaveAttribute('href', `/guide/${cause.slug}/`);
    await expect(causes.getByRole('link', { name: 'wizard' })).toHaveAttribute('href', '/wizard/');
  });
});

test.describe('navigation', () => {
  test('the sidebar expands only the current section and marks the current page', async ({ page }) => {
    await page.goto('/guide/tabs-help/');
    const nav = page.getByRole('navigation', { name: 'Guide' });
    await expect(nav.getByRole('link', { name: 'How fix pages work' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'What a 401 means' })).toHaveAttribute('href', '/guide/what-is-401/');
    // Sections other than "Understanding 401" are one link each, to their part of the guide index.
    const basics = ofType('concept', 'compare', 'platform').length;
    const otherSections = new Set(pages.map((p) => String(p.data['type'])).map((t) => ({ method: 'methods', cause: 'causes', fix: 'fixes', server: 'server', service: 'services', prevention: 'more', faq: 'more' })[t]).filter(Boolean));
    await expect(nav.getByRole('link')).toHaveCount(basics + otherSections.size);
    for (const link of await nav.getByRole('link').all()) {
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/guide\/([\w-]+\/|#[\w-]+)$/);
      if (href?.includes('#')) expect((await page.request.get(href)).ok()).toBe(true);
    }
  });

  test('breadcrumbs, table of contents and prev/next lead where they say', async ({ page }) => {
    await page.goto('/guide/tabs-help/');
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Understanding 401' })).toHaveAttribute('href', '/guide/#basics');
    const toc = page.getByRole('navigation', { name: 'On this page' }).last();
    await toc.getByRole('link', { name: 'Links that open a tab' }).click();
    await expect(page.getByRole('heading', { name: 'Links that open a tab' })).toBeInViewport();
    const prev = page.getByRole('navigation', { name: 'Previous and next article' }).getByRole('link').first();
    await expect(prev).toHaveAttribute('rel', /prev|next/);
    await prev.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/guide\/[\w-]+\/$/);
  });
});
