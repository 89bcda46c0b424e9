// The diagnoser page, in the production build served by nginx: results for each input kind, links
// into the guide and the wizard, masking, "Copy redacted", file input and drop, zero network
// requests after load (even for a JWT with jku/x5u), text-only rendering, and axe in both themes.
import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { GOOD_TOKEN, startServers } from '../fixtures/diagnose/servers.mjs';
import { HAR_CASES } from '../fixtures/diagnose/har-cases.mjs';
import { axeViolations, expectClean, watchPage } from './support/pages.ts';

const fx = (p: string) => readFileSync(new URL(`../fixtures/diagnose/${p}`, import.meta.url), 'utf8');
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function paste(page: Page, text: string) {
  await page.getByLabel('Paste the evidence').fill(text);
  await page.getByRole('button', { name: 'Diagnose' }).click();
}
const status = (page: Page) => page.getByRole('status');
const findings = (page: Page) => page.getByRole('region', { name: 'Findings' }).getByRole('listitem');

test('a curl log gives the cause, the evidence line, a confidence and links with the client tab', async ({ page, baseURL }) => {
  const problems = await watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto('/diagnose/');
  await paste(page, fx('captured/api-redirect-other-host.txt'));
  await expect(status(page)).toContainText('Most likely: A redirect sent the request to localhost');
  const first = findings(page).first();
  await expect(first.getByRole('heading', { level: 3 })).toContainText('Authorization header was dropped');
  await expect(first).toContainText('High confidence');
  await expect(first.locator('mark').first()).toContainText('Authorization: Bearer [redacted]');
  await expect(first.getByRole('link', { name: /^Fix: Keep auth on redirects/ })).toHaveAttribute('href', '/guide/keep-auth-on-redirect/?client=curl');
  await expect(first.getByRole('link', { name: 'Walk through it in the wizard' })).toHaveAttribute('href', '/wizard/outcome/keep-auth-on-redirect/');
  await expect(page.getByText(/Detected: curl -v \/ -i output, 2 exchanges/)).toBeVisible();
  expectClean(problems);
});

test('after load there are no network requests, even for a JWT with jku and x5u key URLs', async ({ page }) => {
  await page.goto('/diagnose/', { waitUntil: 'networkidle' });
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('request', (r) => requests.push(r.url()));
  const token = `${b64({ alg: 'RS256', jku: 'https://keys.attacker.example/jwks.json', x5u: 'https://keys.attacker.example/cert.pem' })}.${b64({ sub: 'a', aud: 'https://api.example.com', exp: 1 })}.c2ln`;
  await paste(page, token);
  await expect(status(page)).toContainText('Most likely: The token expired');
  // A pasted token opens "What was read" by itself.
  await expect(page.getByText(/key URL in header \(jku\): shown only, never fetched/)).toBeVisible();
  await expect(page.getByText(/Decoded locally and NOT verified/)).toBeVisible();
  // Links exist but are never followed; nothing in the page fetched anything. A request is
  // recorded when it is issued, so once the findings are painted any fetch would be listed.
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))));
  expect(requests).toEqual([]);
});

test('a pasted curl command is read for what it sent; its reader is the only script fetched, and the paste stays in the page', async ({ page }) => {
  await page.goto('/diagnose/', { waitUntil: 'networkidle' });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  await paste(page, "curl https://api.example.com/v1/items -H 'Authorization: zq81mkd0vbe5'\nIt still says 401.");
  await expect(status(page)).toContainText('Most likely: The Authorization value has no scheme');
  await expect(findings(page).first().locator('mark').first()).toContainText('Authorization: [redacted]');
  // The command reader, a same-origin script, and nothing else; the token is in no request.
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  for (const r of requests) expect(r).toMatch(new RegExp(`^GET ${new URL(page.url()).origin}/_astro/command[\\w.-]*\\.js $`));
  expect(requests.join('\n')).not.toContain('zq81mkd0vbe5');
});

test('when the command reader cannot load, the paste is still analysed, as text', async ({ page }) => {
  await page.route('**/_astro/command*.js', (route) => route.abort());
  await page.goto('/diagnose/');
  await paste(page, "curl https://api.example.com/v1/items -H 'Authorization: zq81mkd0vbe5'\nIt still says 401.");
  await expect(status(page)).toContainText('Most likely: The server did not accept the request’s credentials');
  // The next paste tries the reader again and is not left waiting either.
  await paste(page, 'curl -x http://proxy.corp:3128 https://api.example.com/v1/items\n\nHTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="corp"\n');
  await expect(status(page)).toContainText('Most likely: A proxy between you and the site requires authentication');
});

test('pasted text is never rendered as HTML', async ({ page }) => {
  await page.goto('/diagnose/');
  const evil = 'HTTP/1.1 401 Unauthorized\nContent-Type: text/html\n\n<img src=x onerror="document.title=\'pwned\'">Invalid API key <b>bold</b>';
  await paste(page, evil);
  await expect(status(page)).toContainText('Most likely');
  await expect(page.locator('fix-diagnose img, fix-diagnose b')).toHaveCount(0);
  await expect(findings(page).first()).toContainText('Invalid API key');
  expect(await page.title()).not.toBe('pwned');
});

test('secrets are masked until "Show secrets" is ticked', async ({ page }) => {
  await page.goto('/diagnose/');
  await paste(page, fx('captured/api-double-bearer.txt'));
  const mark = findings(page).first().locator('mark').first();
  await expect(mark).toHaveText('Authorization: Bearer [redacted]');
  await page.getByLabel('Show secrets on screen').check();
  await expect(findings(page).first().locator('mark').first()).toHaveText(`Authorization: Bearer Bearer ${GOOD_TOKEN}`);
});

test('"Copy redacted" puts a masked copy on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
  await page.goto('/diagnose/');
  await paste(page, fx('captured/api-expired-jwt.txt'));
  await page.getByRole('button', { name: 'Copy redacted' }).click();
  await expect(status(page)).toContainText('Copied a redacted copy');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Authorization: Bearer eyJ');
  expect(copied).toContain('.[redacted]');
  const sig = /Authorization: Bearer [\w-]+\.[\w-]+\.([\w-]+)/.exec(fx('captured/api-expired-jwt.txt'))?.[1] ?? 'x';
  expect(copied).not.toContain(sig);
});

test('the detected kind can be overridden', async ({ page }) => {
  await page.goto('/diagnose/');
  await paste(page, '{"error":"invalid_token","error_description":"The access token expired"}');
  await expect(page.getByText(/Detected: JSON error body/)).toBeVisible();
  await page.getByLabel('Read it as').selectOption({ label: 'Error message text' });
  await expect(page.getByText(/Read as Error message text \(you chose this; detection said JSON error body\)/)).toBeVisible();
  await expect(status(page)).toContainText('Most likely: The access token has expired');
});

test('when nothing is found it says what to paste and how to capture it', async ({ page }) => {
  await page.goto('/diagnose/');
  await paste(page, 'it does not work');
  await expect(status(page)).toContainText('No cause found');
  const hints = page.getByRole('region', { name: 'Findings' }).getByRole('list').last();
  await expect(hints).toContainText('curl -v');
  await expect(hints).toContainText('Save all as HAR');
});

test('when the HAR reader cannot load, the page says the HAR was not read instead of waiting', async ({ page }) => {
  await page.route('**/_astro/har*.js', (route) => route.abort());
  await page.goto('/diagnose/');
  await page.getByLabel('Open a file (HAR, log, text)').setInputFiles({ name: 'trace.har', mimeType: 'application/json', buffer: Buffer.from(fx('captured/har-preflight.har')) });
  await expect(page.getByRole('region', { name: 'Findings' }).getByRole('list').last()).toContainText('This HAR file could not be read here.');
});

test('a HAR can be picked with the file input, and a 5 MB one is analysed quickly', async ({ page }) => {
  await page.goto('/diagnose/', { waitUntil: 'networkidle' });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.getByLabel('Open a file (HAR, log, text)').setInputFiles({ name: 'trace.har', mimeType: 'application/json', buffer: Buffer.from(fx('captured/har-preflight.har')) });
  await expect(status(page)).toContainText('Most likely: The cross-origin request');
  // The HAR reader, a same-origin script loaded only now, and nothing else.
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) expect(r).toMatch(new RegExp(`^GET ${new URL(page.url()).origin}/_astro/har[\\w.-]*\\.js$`));
  await expect(findings(page).first().getByRole('link', { name: /^Fix:/ })).toHaveAttribute('href', '/guide/fix-cors-preflight/');
  // 5 MB: the expired-token HAR padded with large successful entries.
  const har = JSON.parse(fx('captured/har-expired-token.har')) as { log: { entries: unknown[] } };
  const ok = har.log.entries[0] as { response: { content: { text: string } } };
  const pad = Array.from({ length: 2400 }, () => ({ ...ok, response: { ...ok.response, content: { ...ok.response.content, text: 'x'.repeat(2000) } } }));
  har.log.entries = [...pad, ...har.log.entries];
  const big = JSON.stringify(har);
  expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
  await page.getByLabel('Open a file (HAR, log, text)').setInputFiles({ name: 'big.har', mimeType: 'application/json', buffer: Buffer.from(big) });
  await expect(status(page)).toContainText('Most likely: The token expired', { timeout: 15_000 });
  const ms = Number(/Analysed in (\d+) ms/.exec((await page.getByText(/Analysed in/).textContent()) ?? '')?.[1]);
  expect(ms).toBeLessThan(1000);
});

test('typing is debounced: a burst of keystrokes runs one analysis, not one per key', async ({ page }) => {
  await page.goto('/diagnose/');
  const box = page.getByLabel('Paste the evidence');
  // ~300 KB, set directly (Playwright's fill types large text slowly), then announced like a paste.
  await box.evaluate((t, text) => {
    (t as HTMLTextAreaElement).value = text;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, fx('captured/api-expired-jwt.txt').repeat(200));
  await expect(status(page)).toContainText('Most likely', { timeout: 10_000 });
  await page.evaluate(() => {
    const w = window as unknown as { runs: number };
    w.runs = 0;
    new MutationObserver(() => { w.runs++; }).observe(document.querySelector('[data-dx-detected]')!, { childList: true, characterData: true, subtree: true });
  });
  await box.press('End');
  await box.pressSequentially('abcdefghij', { delay: 40 });
  // The analysis runs once the typing pauses; by then every keystroke has been typed.
  const runs = () => page.evaluate(() => (window as unknown as { runs: number }).runs);
  await expect.poll(runs).toBeGreaterThanOrEqual(1);
  expect(await runs()).toBeLessThanOrEqual(2);
});

test('a HAR recorded by Chromium against real servers can be dropped on the page', async ({ page, browser, baseURL }, testInfo) => {
  const servers = await startServers();
  try {
    const harPath = testInfo.outputPath('live.har');
    const ctx = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
    const p = await ctx.newPage();
    const c = HAR_CASES.find((x) => x.name === 'har-no-token');
    await c?.run(p, servers);
    await ctx.close();
    const text = readFileSync(harPath, 'utf8');
    await page.goto(`${baseURL}/diagnose/`);
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'live.har', { type: 'application/json' }));
      return d;
    }, text);
    await page.locator('[data-dx-drop]').dispatchEvent('drop', { dataTransfer: dt });
    await expect(status(page)).toContainText('Most likely: The request sent no credentials');
    await expect(findings(page).first().getByRole('link', { name: /^Fix:/ })).toHaveAttribute('href', '/guide/fix-authorization-header/?client=fetch');
  } finally {
    await servers.stop();
  }
});

test('keyboard only: paste, diagnose, reach the fix link', async ({ page }) => {
  await page.goto('/diagnose/');
  await page.getByLabel('Paste the evidence').focus();
  await page.keyboard.insertText(fx('documented/squid-407.txt'));
  await page.keyboard.press('Tab'); // to "Read it as"
  await page.keyboard.press('Tab'); // file input
  await page.keyboard.press('Tab'); // Diagnose
  await expect(page.getByRole('button', { name: 'Diagnose' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Most likely: A proxy between you and the site requires authentication');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations with results shown (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('/diagnose/');
    await paste(page, fx('captured/api-expired-jwt.txt'));
    await expect(findings(page).first()).toBeVisible();
    await page.getByText('What was read').click();
    await paste(page, fx('captured/api-expired-jwt.txt'));
    expect(await axeViolations(page, `${scheme}, findings`)).toEqual([]);
    await paste(page, 'nothing useful');
    expect(await axeViolations(page, `${scheme}, nothing found`)).toEqual([]);
    await context.close();
  });
}

test('a HAR of a cross-site login says why the session cookie was not stored, with Chrome’s reason', async ({ page, baseURL }) => {
  const problems = await watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto('/diagnose/');
  await paste(page, fx('synthetic/cookie-blocked-cross-site-lax.har'));
  const first = findings(page).first();
  await expect(first.getByRole('heading', { level: 3 })).toContainText('The browser will not store the cookie "sid" from api.ledger-cloud.example');
  await expect(first).toContainText('no SameSite attribute (so Lax, by default)');
  await expect(first).toContainText("Chrome's reason: samesite-unspecified-treated-as-lax");
  await expect(first).toContainText('High confidence');
  expectClean(problems);
});

test('the cookie rules load only for a paste with a Set-Cookie line, as a same-origin worker; without it the paste is still analysed', async ({ page }) => {
  await page.goto('/diagnose/', { waitUntil: 'networkidle' });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await paste(page, 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n\n{"error":"invalid_token","hint":"cookies are not read here"}');
  await expect(status(page)).toContainText('Most likely');
  expect(requests).toEqual([]);
  await paste(page, fx('synthetic/cookie-blocked-cross-site-lax.har'));
  await expect(findings(page).first()).toContainText("Chrome's reason: samesite-unspecified-treated-as-lax");
  const origin = new URL(page.url()).origin;
  expect(requests.sort()).toEqual([expect.stringMatching(new RegExp(`^${origin}/_astro/analyse[\\w.-]*\\.js$`)), expect.stringMatching(new RegExp(`^${origin}/_astro/har[\\w.-]*\\.js$`))]);
});

test('an Active Directory bind failure in a log is read by the whole engine, in the same worker', async ({ page }) => {
  await page.goto('/diagnose/', { waitUntil: 'networkidle' });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await paste(page, fx('synthetic/ad-bind-disabled.txt'));
  await expect(findings(page).first()).toContainText('Active Directory refused the sign-in: the account is disabled');
  expect(requests).toEqual([expect.stringMatching(new RegExp(`^${new URL(page.url()).origin}/_astro/analyse[\\w.-]*\\.js$`))]);
});

test('when the cookie worker cannot load, a paste with cookies is analysed without the cookie checks', async ({ page }) => {
  await page.route('**/_astro/analyse*.js', (route) => route.abort());
  await page.goto('/diagnose/');
  await paste(page, fx('synthetic/cookie-blocked-cross-site-lax.har'));
  await expect(status(page)).toContainText(/Most likely|No cause/);
  await expect(page.locator('fix-diagnose')).not.toContainText('samesite-unspecified-treated-as-lax');
});
