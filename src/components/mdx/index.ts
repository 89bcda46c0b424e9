// The author components: every article gets these through the MDX components map (see
// src/pages/guide/[slug].astro), so pages use <Steps>, <Tabs>, <Callout> … without imports.
import Callout from './Callout.astro';
import Faq from './Faq.astro';
import HttpExchange from './HttpExchange.astro';
import ScrollTable from './ScrollTable.astro';
import Steps from './Steps.astro';
import TabPanel from './TabPanel.astro';
import Tabs from './Tabs.astro';

/** Components available in every MDX article, with the element override for scrolling tables (headings get their self-links, code blocks their keyboard scrolling, from the plugins in src/markdown/). */
export const mdxComponents = { table: ScrollTable, Callout, Faq, HttpExchange, Steps, TabPanel, Tabs };
