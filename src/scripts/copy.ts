// A "Copy" button on every code block of an article, added by script because only script can
// copy. The page's live region (in src/layouts/ArticleLayout.astro: present from the start, so
// screen readers are already watching it) announces the result ("Copied"); the button's own text
// confirms it visually for two seconds.
const live = document.querySelector('[data-copy-status]')!;

for (const code of document.querySelectorAll('article pre > code')) {
  const button = document.createElement('button');
  button.className = 'copy';
  button.textContent = 'Copy';
  // The visible word starts the accessible name (WCAG 2.5.3 label in name).
  button.ariaLabel = 'Copy code';
  button.onclick = async () => {
    let said = 'Copied';
    try {
      await navigator.clipboard.writeText(code.textContent!);
      button.textContent = said;
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    } catch {
      // No clipboard access (insecure context, permission denied): select it for the keyboard.
      getSelection()!.selectAllChildren(code);
      said = 'Code selected: copy it with Ctrl+C or ⌘C';
    }
    live.textContent = said;
    setTimeout(() => (live.textContent = ''), 2000); // so the same message is announced next time
  };
  code.parentElement!.append(button);
}
