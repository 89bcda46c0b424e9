// The FAQ page is written as ordinary Markdown inside <Faq>: one `## Question` heading per
// question, followed by its answer. The FAQPage JSON-LD is built from that same part of the MDX
// tree when the page is compiled (src/markdown/faq-plugin.ts), so the structured data is derived
// from exactly what people see and cannot drift from it. Because the questions are real Markdown
// headings, they also get ids, self-links, table-of-contents entries and search anchors like
// every other heading.
import type { ElementContent } from 'hast';

/** One question and answer as found in the tree. */
export interface FaqEntry {
  /** The heading's id (its URL fragment). */
  id: string;
  /** The question as plain text. */
  question: string;
  /** The answer as plain text (links keep their text; markup is dropped). */
  answer: string;
}

/** Elements that start a new block: their text is kept apart from the text around them. */
const BLOCKS = new Set(['p', 'li', 'ul', 'ol', 'div', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'br', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * @param node a node of the MDX tree
 * @returns its text as a reader sees it: blocks kept apart by a space, inline markup joined
 */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  // (A heading's self-link has no text of its own: its "#" is drawn by CSS.)
  if (node.type === 'element') {
    const inner = node.children.map(textOf).join('');
    return BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
  }
  // Author components (<Callout> …) inside an answer are blocks of their own.
  if (node.type === 'mdxJsxFlowElement') return ` ${node.children.map(textOf).join('')} `;
  if (node.type === 'mdxJsxTextElement') return node.children.map(textOf).join('');
  return '';
}

/**
 * @param nodes nodes of the MDX tree
 * @returns their text, whitespace collapsed
 */
function plainText(nodes: readonly ElementContent[]): string {
  return nodes.map(textOf).join('').replace(/\s+/g, ' ').trim();
}

/**
 * Splits the content of <Faq> into question/answer pairs.
 * @param nodes the children of <Faq> in the MDX tree: h2 headings (with their ids set), each
 *   followed by its answer
 * @returns one entry per h2, in order
 * @throws if there is no question, text before the first question, or a question without an answer
 */
export function faqEntries(nodes: readonly ElementContent[]): FaqEntry[] {
  const entries: Array<{ id: string; question: string; answer: ElementContent[] }> = [];
  const before: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'h2') {
      const id = node.properties['id'];
      if (typeof id !== 'string') throw new Error('an FAQ heading has no id');
      const question = plainText([node]);
      if (!question) throw new Error(`FAQ heading #${id} has no text`);
      entries.push({ id, question, answer: [] });
    } else (entries.at(-1)?.answer ?? before).push(node);
  }
  if (entries.length === 0) throw new Error('<Faq> must contain at least one "## Question" heading');
  if (plainText(before) !== '') throw new Error('<Faq> must start with a "## Question" heading; put introductions before <Faq>');
  return entries.map(({ id, question, answer }) => {
    const text = plainText(answer);
    if (!text) throw new Error(`FAQ question "${question}" has no answer`);
    return { id, question, answer: text };
  });
}

/**
 * Builds the schema.org FAQPage object.
 * @param entries the questions and answers
 * @returns a JSON-serialisable FAQPage
 */
export function faqPageJsonLd(entries: readonly FaqEntry[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: entries.map((e) => ({
      '@type': 'Question',
      name: e.question,
      acceptedAnswer: { '@type': 'Answer', text: e.answer },
    })),
  };
}

/**
 * Serialises JSON for a `<script type="application/ld+json">` element. `<` is escaped so that no
 * text inside can close the element early.
 * @param value any JSON-serialisable value
 * @returns the JSON text, safe inside a script element
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
