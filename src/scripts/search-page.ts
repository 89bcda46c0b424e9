// The search page's results (markup in src/components/SearchBox.astro, which loads this module on
// first use). The query lives in the URL (?q=, replaced as the visitor types), so a result's Back
// button, a reload or a shared link shows the same search again.
import { closestWord } from '../lib/near-miss';
import { loadPagefind } from '../lib/pagefind';
import { PAGE_SIZE, queryFromUrl, queryTerms, search, statusText, urlWithQuery, type Outcome } from '../lib/search-core';
import { ensureSearchStyles, hitItem, link } from '../lib/search-view';

let words: Promise<Record<string, number>> | undefined;
/** The guide's vocabulary for "did you mean", fetched (same origin) only when a word finds nothing. */
function vocabulary(): Promise<Record<string, number>> {
  words ??= fetch('/search/words.json')
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, number>>) : {}))
    .catch(() => ({}));
  return words;
}

/**
 * Wires the search page's form, status line, result list and "Show more results" button.
 * @param root the <fix-search> element
 */
export function start(root: HTMLElement): void {
  const form = root.querySelector('form');
  const input = root.querySelector<HTMLInputElement>('input');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !status || !list || !more) return;
  ensureSearchStyles();
  void loadPagefind().catch(() => undefined);

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Outcome | undefined;

  const noResults = async (outcome: Outcome) => {
    const li = document.createElement('li');
    const vocab = outcome.missing.length ? await vocabulary() : {};
    const fixes = outcome.missing.map((t) => closestWord(t, vocab));
    if (outcome.missing.length && fixes.every(Boolean)) {
      const meant = queryTerms(outcome.query)
        .map((t) => fixes[outcome.missing.indexOf(t)] ?? t)
        .join(' ');
      const p = document.createElement('p');
      p.className = 'hit-title';
      p.append('Did you mean ', link(urlWithQuery(location.href, meant), meant), '?');
      li.append(p);
    }
    const p = document.createElement('p');
    p.append('Try other words, or let the ', link('/wizard/', 'wizard'), ' find your fix from symptoms, or paste the error into the ', link('/diagnose/', 'diagnoser'), '.');
    li.append(p);
    return li;
  };

  const show = async (from: number) => {
    const outcome = current;
    if (!outcome) return;
    const mine = seq;
    const hits = await outcome.hits(from, PAGE_SIZE);
    if (mine !== seq) return;
    const items = hits.map(hitItem);
    if (from === 0) list.replaceChildren(...items);
    else list.append(...items);
    const shown = from + hits.length;
    more.hidden = shown >= outcome.total;
    status.textContent = statusText(outcome, shown);
    return items[0];
  };

  const run = async (query: string) => {
    const mine = ++seq;
    const q = query.trim();
    more.hidden = true;
    if (q === '') {
      current = undefined;
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let outcome: Outcome;
    try {
      outcome = await search(await loadPagefind(), q);
    } catch {
      if (mine === seq) status.textContent = 'Search is unavailable right now. Try the guide index or the wizard.';
      return;
    }
    if (mine !== seq) return;
    current = outcome;
    if (outcome.total > 0) {
      await show(0);
      return;
    }
    const li = await noResults(outcome);
    if (mine !== seq) return;
    list.replaceChildren(li);
    status.textContent = statusText(outcome, 0);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(history.state, '', urlWithQuery(location.href, input.value));
      void run(input.value);
    }, 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    history.replaceState(history.state, '', urlWithQuery(location.href, input.value));
    void run(input.value);
  });
  let loadingMore = false;
  more.addEventListener('click', async () => {
    if (loadingMore) return; // a double click must not add the same results twice
    loadingMore = true;
    try {
      const from = list.querySelectorAll('.hit').length;
      // Focus the first new result, so keyboard users carry on reading where the list grew.
      (await show(from))?.querySelector('a')?.focus();
    } finally {
      loadingMore = false;
    }
  });
  // Coming back from a result (or a reload, or a shared link): show the search in the URL.
  const q = queryFromUrl(location.search);
  if (q) {
    input.value = q;
    void run(q);
  } else if (input.value.trim()) {
    // Typed before this module arrived, or restored by the browser: search for it now.
    history.replaceState(history.state, '', urlWithQuery(location.href, input.value));
    void run(input.value);
  }
}
