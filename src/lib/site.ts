/** Site-wide constants shared by layouts and pages. */
export const SITE_NAME = 'Fix 401';

/** One-line promise used in the home page and default meta description. */
export const SITE_TAGLINE = 'Get past an HTTP 401 Unauthorized error — in your browser, your app, your API client or your server.';

/** Primary navigation, in header order. `match` is the path prefix that marks the item current. */
export const NAV = [
  { href: '/guide/', label: 'Guide', match: '/guide/' },
  { href: '/wizard/', label: 'Wizard', match: '/wizard/' },
  { href: '/diagnose/', label: 'Diagnose', match: '/diagnose/' },
  { href: '/search/', label: 'Search', match: '/search/' },
] as const;

/**
 * The "Suggest a fix to this page" link: the page's source file in the repository's web editor.
 * The repository's address is set at build time (`FIX401_REPO_URL=https://github.com/org/fix401
 * npm run build`); unset, or not an https address, there is no link (a fork or a local build has
 * nowhere to send suggestions).
 * @param repo the repository's web address (GitHub-style: the editor is at /edit/<branch>/<path>)
 * @param filePath the page's source file, relative to the repository root
 * @param branch the branch the site is built from
 * @returns the editor's URL, or undefined for no link
 */
export function editUrl(repo: string | undefined, filePath: string | undefined, branch = 'main'): string | undefined {
  if (!repo || !filePath) return undefined;
  let base: URL;
  try {
    base = new URL(repo.replace(/\/+$/, '') + '/');
  } catch {
    return undefined;
  }
  if (base.protocol !== 'https:') return undefined;
  const path = filePath.replace(/^\.?\//, '').split('/').map(encodeURIComponent).join('/');
  return new URL(`edit/${encodeURIComponent(branch)}/${path}`, base).href;
}
