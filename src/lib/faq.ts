// FAQ answers are written once, in a tiny inline syntax, and rendered twice: as HTML for people
// and as plain text for the FAQPage JSON-LD that search engines read. Deriving both from the same
// string is what keeps them from drifting apart.
//
// Syntax (deliberately small, so an answer cannot smuggle in markup):
//   [link text](/guide/slug/#anchor)   a link; the href must be site-relative or https
//   `code`                             inline code
// Everything else is text and is HTML-escaped.

/** One question and its answer, as authors write them. */
export interface FaqItem {
  /** The question, as people search for it. Plain text. */
  q: string;
  /** The answer: plain text with `[text](href)` links and `code` spans. One or two sentences. */
  a: string;
  /** Optional anchor id; defaults to a slug of the question. */
  id?: string;
}

type Token = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'link'; text: string; href: string };

const TOKEN = /\[([^\]]+)\]\(([^)\s]+)\)|`([^`]+)`/g;

/**
 * Splits an answer into text, code and link tokens.
 * @param answer the answer in FAQ inline syntax
 * @returns the tokens in order
 * @throws if a link target is neither site-relative (`/…`, `#…`) nor `https://`
 */
export function tokenize(answer: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of answer.matchAll(TOKEN)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: answer.slice(last, at) });
    const [, linkText, href, code] = m;
    if (linkText !== undefined && href !== undefined) {
      // Only links we can vouch for: our own pages or https sources. This also rules out javascript:.
      if (!/^(\/|#|https:\/\/)/.test(href)) throw new Error(`FAQ link "${href}" must start with /, # or https://`);
      out.push({ kind: 'link', text: linkText, href });
    } else if (code !== undefined) {
      out.push({ kind: 'code', text: code });
    }
    last = at + m[0].length;
  }
  if (last < answer.length) out.push({ kind: 'text', text: answer.slice(last) });
  return out;
}

/**
 * @param text any text
 * @returns the text safe to place in HTML content or a double-quoted attribute
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * @param answer the answer in FAQ inline syntax
 * @returns HTML for the visible answer (links and code rendered, all other text escaped)
 */
export function answerHtml(answer: string): string {
  return tokenize(answer)
    .map((t) => {
      if (t.kind === 'link') return `<a href="${escapeHtml(t.href)}">${escapeHtml(t.text)}</a>`;
      if (t.kind === 'code') return `<code>${escapeHtml(t.text)}</code>`;
      return escapeHtml(t.text);
    })
    .join('');
}

/**
 * @param answer the answer in FAQ inline syntax
 * @returns the same answer as plain text (link text kept, targets and backticks dropped)
 */
export function answerText(answer: string): string {
  return tokenize(answer)
    .map((t) => t.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * @param question a question
 * @returns a URL-fragment-safe id, e.g. "What does 401 mean?" → "what-does-401-mean"
 */
export function questionId(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Builds the schema.org FAQPage object for the given items.
 * @param items the questions and answers
 * @returns a JSON-serialisable FAQPage
 */
export function faqPageJsonLd(items: readonly FaqItem[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.q,
      acceptedAnswer: { '@type': 'Answer', text: answerText(item.a) },
    })),
  };
}

/**
 * Serialises JSON for a `<script type="application/ld+json">` element. `<` is escaped so that no
 * answer text can close the script element early.
 * @param value any JSON-serialisable value
 * @returns the JSON text, safe inside a script element
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Checks the items for mistakes an author can make and the build should catch.
 * @param items the questions and answers
 * @throws on an empty list, an empty question or answer, or two questions with the same id
 */
export function validateFaq(items: readonly FaqItem[]): void {
  if (items.length === 0) throw new Error('<Faq> needs at least one item');
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.q.trim() || !item.a.trim()) throw new Error('every FAQ item needs a question (q) and an answer (a)');
    const id = item.id ?? questionId(item.q);
    if (seen.has(id)) throw new Error(`two FAQ items share the id "${id}"`);
    seen.add(id);
    tokenize(item.a);
  }
}
