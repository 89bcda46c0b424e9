// The whole decision tree as an accessible nested list, generated from the machine at build time so
// it can never drift from the real wizard. Questions link to their step pages; outcomes list the
// tries in order with their fix and cause pages.
import { START } from './machine.ts';
import { TREE, WIZARD } from './wizard.ts';
import type { Copy } from './render.ts';
import { pathOf, URL_VERSION } from './url.ts';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * @param id a state id (a question, or the first outcome of a leaf)
 * @param copy wording
 * @returns nested list HTML for the subtree below it
 */
function node(id: string, copy: Copy): string {
  const s = WIZARD.stepOf(id);
  if (s.kind === 'outcome') {
    const tries = TREE.leaves[s.leaf] ?? [];
    return `<ol class="list-decimal ps-6">${tries
      .map(
        ([fix, cause], i) =>
          `<li><a class="link" href="/guide/${fix}/">${esc(copy.fixes[fix]?.title ?? fix)}</a> <span class="text-muted">(${esc(copy.causes[cause]?.label ?? cause)})</span> <a class="link text-sm" href="${pathOf(`${s.leaf}${i + 1}`)}?v=${URL_VERSION}">step<span class="sr-only">: suggestion ${i + 1} here</span></a></li>`,
      )
      .join('')}</ol>`;
  }
  if (s.kind === 'paste') return `<p class="ms-6"><a class="link" href="${pathOf(id)}?v=${URL_VERSION}">Type or paste what you see</a>: the page reads it and offers the matching causes.</p>`;
  if (s.kind !== 'question') return '';
  const c = copy.questions[id];
  if (TREE.messages.includes(id)) {
    // A service's "which message" question: each message offers its own cause first, then the
    // common causes its last answer ("none of these") lists. Its messages are on the service page
    // (the same data), so only that last list is printed here, which keeps the page small.
    const last = s.answers.at(-1);
    const list = last ? node(last.to, copy) : '';
    return `<p><a class="link" href="${pathOf(id)}?v=${URL_VERSION}">${esc(c?.q ?? id)}</a> <span class="text-muted">Each of the service’s ${s.answers.length - 1} messages offers its own cause first, then:</span></p>${list}`;
  }
  const answers = s.answers
    .map((a) => `<li><span class="font-medium">${esc(c?.a[a.answer]?.short ?? a.answer)}</span>${node(a.to, copy)}</li>`)
    .join('');
  return `<p><a class="link" href="${pathOf(id)}?v=${URL_VERSION}">${esc(c?.q ?? id)}</a></p><ul class="ms-2 border-s border-zinc-300 ps-4 dark:border-zinc-700">${answers}</ul>`;
}

/**
 * @param copy wording
 * @param root the question to start from (default: the first question)
 * @returns the tree below it as nested lists
 */
export function treeHtml(copy: Copy, root: string = START): string {
  return node(root, copy);
}

/** @returns the first question's answers, each with the state it leads to: the tree's branches */
export function branches(): ReadonlyArray<{ answer: string; to: string }> {
  const s = WIZARD.stepOf(START);
  return s.kind === 'question' ? s.answers : [];
}
