import type { LaunchOptions } from '@playwright/test';
import { findChromium } from '../../../scripts/find-chromium.mjs';

/**
 * Launch options for the Chromium that scripts/find-chromium.mjs picks. A system Chromium gets the
 * flags that keep it off the network (these machines have no internet; without the flags it floods
 * the closed network with refused connections) and runs headless without a sandbox (CI runs as root).
 * @returns Playwright launch options
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROME_PATH ?? findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npx playwright install chromium` or set CHROME_PATH');
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
