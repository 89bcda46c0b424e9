// The author components: every article gets these through the MDX components map (see
// src/pages/guide/[slug].astro), so pages use <Steps>, <Tabs>, <Callout> … without imports.
import Callout from './Callout.astro';
import CodeBlock from './CodeBlock.astro';
import Faq from './Faq.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import H4 from './H4.astro';
import HttpExchange from './HttpExchange.astro';
import ScrollTable from './ScrollTable.astro';
import Steps from './Steps.astro';
import TabPanel from './TabPanel.astro';
import Tabs from './Tabs.astro';

/** Components available in every MDX article, with the element overrides: anchored h2–h4, scrolling tables and code blocks. */
export const mdxComponents = { h2: H2, h3: H3, h4: H4, table: ScrollTable, pre: CodeBlock, Callout, Faq, HttpExchange, Steps, TabPanel, Tabs };
