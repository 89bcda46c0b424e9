import { defineConfig } from 'vitest/config';

// Unit and content-integrity tests: pure TypeScript, no browser. Browser tests are Playwright's.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    environment: 'node',
  },
});
