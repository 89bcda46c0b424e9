// The author components: every article gets these through the MDX components map (see
// src/pages/guide/[slug].astro), so pages use <Steps>, <Tabs>, <Callout> … without imports.
import Callout from './Callout.astro';
import CodeBlock from './CodeBlock.astro';
import Faq from './Faq.astro';
import HttpExchange from './HttpExchange.astro';
import ScrollTable from './ScrollTable.astro';
import Steps from './Steps.astro';
import TabPanel from './TabPanel.astro';
import Tabs from './Tabs.astro';

/** Components available in every MDX article, with the element overrides: scrolling tables and code blocks (headings get their self-links from src/markdown/heading-anchors-plugin.ts). */
export const mdxComponents = { table: ScrollTable, pre: CodeBlock, Callout, Faq, HttpExchange, Steps, TabPanel, Tabs };
