// Integrations, Markdown plugins and Vite plugins only; everything else lives in src/.
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { articleHastPlugins } from './src/markdown/plugins.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://fix401.dev',
  trailingSlash: 'always',
  build: {
    // External CSS keeps style-src 'self' strict (no inline <style> to hash) and is cached.
    inlineStylesheets: 'never',
  },
  integrations: [
    // Steps, tab groups and heading self-links are worked out on the MDX tree (src/markdown/).
    mdx({ processor: satteri({ hastPlugins: articleHastPlugins }) }),
    // Wizard steps and per-fix outcome pages are noindex (tested by the wizard's own tests);
    // only the wizard's start page and its decision-tree pages belong in the sitemap.
    sitemap({ filter: (page) => !/\/wizard\/.+/.test(new URL(page).pathname) || new URL(page).pathname.startsWith('/wizard/tree/') }),
  ],
  markdown: {
    // No syntax highlighting, for any block (why: src/markdown/code-block-plugin.ts). Shiki would also write
    // inline style="" attributes, which our style-src 'self' CSP blocks.
    syntaxHighlight: false,
  },
  vite: {
    plugins: [tailwindcss()],
    // Module bundles built through `?worker&url` (the header search, see src/scripts/site-chrome.ts)
    // are loaded with import(), so they must be ES modules.
    worker: { format: 'es' },
    build: {
      // 0 = never inline scripts as data: or inline <script>: CSP allows only our own files.
      assetsInlineLimit: 0,
      rollupOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive, which the bundler warns about
        // once per article (harmless: Astro handles it). Drop that one warning, keep every other.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
});
