// Prints the path of a Chromium that Playwright can drive, or exits 1 with one line that says
// what to install. Shared by run.sh and playwright.config.ts so both pick the same browser.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Finds a Chromium executable: Playwright's own download first (laptops with internet), then
 * $CHROME_PATH, then the usual system locations (Debian's `chromium` package on CI machines).
 * @returns {string | undefined} absolute path, or undefined when none exists
 */
export function findChromium() {
  try {
    const own = require('playwright-core').chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core not installed yet, or it has no bundled browser: try the others.
  }
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  return candidates.find((p) => p !== undefined && p !== '' && existsSync(p));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findChromium();
  if (found) {
    process.stdout.write(found);
  } else {
    console.error(
      'No Chromium found: run `npx playwright install chromium`, or install Chromium (Debian: apt-get install chromium) and set CHROME_PATH to it.',
    );
    process.exit(1);
  }
}
