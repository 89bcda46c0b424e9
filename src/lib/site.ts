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
