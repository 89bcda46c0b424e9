// The hast plugins every MDX article goes through (registered in astro.config.mjs). Astro 7
// compiles MDX with Sätteri, whose hast plugins are visitors over the same tree shapes rehype uses
// (hast, with MDX components as `mdxJsxFlowElement` nodes); edits go through the visitor's context.
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { HastPluginList } from 'satteri';
import { codeBlockPlugin } from './code-block-plugin.ts';
import { faqPlugin } from './faq-plugin.ts';
import { headingAnchorsPlugin } from './heading-anchors-plugin.ts';
import { stepsPlugin } from './steps-plugin.ts';
import { tabsPlugin } from './tabs-plugin.ts';

/**
 * The plugins, in run order. Each is a factory, so per-page state (step and tab numbering) starts
 * afresh for every page. Astro runs its heading-id plugin after ours; running it first as well
 * gives the anchors their ids. Its second run keeps ids that are already set, so the ids and the
 * table of contents come out as they would without ours. The FAQ plugin reads the ids too.
 */
export const articleHastPlugins: HastPluginList = [
  satteriHeadingIdsPlugin(),
  headingAnchorsPlugin,
  stepsPlugin,
  tabsPlugin,
  codeBlockPlugin,
  faqPlugin,
];
