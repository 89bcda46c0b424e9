// The FAQ page is written as ordinary Markdown inside <Faq>: one `## Question` heading per
// question, followed by its answer. <Faq> reads back its own rendered HTML and builds the
// FAQPage JSON-LD from it, so the structured data is derived from exactly what people see and
// cannot drift from it. Because the questions are real Markdown headings, they also get ids,
// self-links, table-of-contents entries and search anchors like every other heading.

/** One question and answer as found in the rendered HTML. */
export interface FaqEntry {
  /** The heading's id (its URL fragment). */
  id: string;
  /** The question as plain text. */
  question: string;
  /** The answer as plain text (links keep their text; markup is dropped). */
  answer: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * @param html an HTML fragment
 * @returns its text content: tags removed, entities decoded, whitespace collapsed
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, ent: string) => {
      if (ent[0] === '#') {
        const code = ent[1] === 'x' || ent[1] === 'X' ? Number.parseInt(ent.slice(2), 16) : Number.parseInt(ent.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return NAMED[ent.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?)])/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .trim();
}

const H2 = /<h2\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h2>/gi;

/**
 * Splits the rendered FAQ into question/answer pairs.
 * @param html the rendered content of <Faq>: h2 headings, each followed by its answer
 * @returns one entry per h2, in order
 * @throws if there is no question, text before the first question, or a question without an answer
 */
export function parseFaqHtml(html: string): FaqEntry[] {
  const heads = [...html.matchAll(H2)];
  if (heads.length === 0) throw new Error('<Faq> must contain at least one "## Question" heading');
  if (htmlToText(html.slice(0, heads[0]?.index ?? 0)) !== '') {
    throw new Error('<Faq> must start with a "## Question" heading; put introductions before <Faq>');
  }
  return heads.map((m, i) => {
    const next = heads[i + 1];
    const end = next ? next.index : html.length;
    const [whole, id = '', inner = ''] = m;
    // The self-link the heading-anchors plugin appends is navigation, not part of the question.
    const question = htmlToText(inner.replace(/<a\b[^>]*class="heading-anchor"[\s\S]*?<\/a>/gi, ''));
    const answer = htmlToText(html.slice(m.index + whole.length, end));
    if (!question) throw new Error(`FAQ heading #${id} has no text`);
    if (!answer) throw new Error(`FAQ question "${question}" has no answer`);
    return { id, question, answer };
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
