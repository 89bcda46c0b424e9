import { expect, test } from '@playwright/test';

// The FAQ's structured data must say exactly what the page says: same questions, same order,
// same answers. The FAQ plugin derives the JSON-LD from the page's MDX tree; this checks the built page.
interface FaqPage {
  '@context': string;
  '@type': string;
  mainEntity: Array<{ '@type': string; name: string; acceptedAnswer: { '@type': string; text: string } }>;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

test('the FAQ page has one FAQPage JSON-LD block that matches the visible questions and answers', async ({ page }) => {
  await page.goto('/guide/faq/');
  const blocks = page.locator('script[type="application/ld+json"]');
  await expect(blocks).toHaveCount(1);
  const ld = JSON.parse((await blocks.textContent()) ?? '') as FaqPage;
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld['@type']).toBe('FAQPage');
  expect(ld.mainEntity.length).toBeGreaterThanOrEqual(12);
  expect(ld.mainEntity.length).toBeLessThanOrEqual(20);

  // Visible Q&A: every h2 in the article body except the page furniture (sources, prev/next).
  const visible = await page.locator('article .prose h2').evaluateAll((heads) =>
    heads.map((h) => {
      const q = h.cloneNode(true) as HTMLElement;
      q.querySelector('.heading-anchor')?.remove();
      let answer = '';
      for (let el = h.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
        if (el.tagName !== 'SCRIPT') answer += ` ${el.textContent ?? ''}`;
      }
      return { q: q.textContent ?? '', a: answer };
    }),
  );
  expect(visible.map((v) => norm(v.q))).toEqual(ld.mainEntity.map((e) => e.name));
  expect(visible.map((v) => norm(v.a))).toEqual(ld.mainEntity.map((e) => e.acceptedAnswer.text));
  for (const e of ld.mainEntity) {
    expect(e['@type']).toBe('Question');
    expect(e.acceptedAnswer['@type']).toBe('Answer');
    expect(e.acceptedAnswer.text.length).toBeGreaterThan(40);
  }
});

test('FAQ questions are headings people can reach from the table of contents', async ({ page }) => {
  await page.goto('/guide/faq/');
  const first = page.locator('article .prose h2').first();
  const id = await first.getAttribute('id');
  expect(id).toMatch(/^[a-z0-9-]+$/);
  await expect(page.getByRole("navigation", { name: "On this page" }).locator(`a[href="#${id}"]`).first()).toBeAttached();
});
