// Where findings link: the fix page (opening the tab for the visitor's client or server), the
// wizard outcome for that fix and the cause page. Each cause's default fix and each fix's tab sets
// are data (the knowledge file, generated from the registry), not code, so the engine the page
// loads stays small; the slugs rules name are typed by the registry.
import type { Knowledge } from './atlas.ts';
import type { CauseSlug, FixSlug, TabSetName } from '../registry/registry.gen.ts';

/** The visitor's context, used to pick a tab on the fix page. */
export type Audience = { [K in TabSetName]: string | undefined };

/**
 * @param cause the finding's cause, if any
 * @param fix the finding's own fix, if it names one
 * @param knowledge the knowledge data (each cause's first fix)
 * @returns the fix to link: the finding's own, else the cause's first fix, else (no cause) the page on sending a correct 401; undefined when the knowledge is missing
 */
export function fixOf(cause: CauseSlug | undefined, fix: FixSlug | undefined, knowledge: Knowledge | undefined): string | undefined {
  if (fix) return fix;
  if (!cause) return 'send-correct-401';
  return knowledge?.causes[cause]?.fix;
}

/**
 * @param slug a fix page slug
 * @param who detected client / server / browser / OS ids
 * @param knowledge the knowledge data (each fix page's tab sets)
 * @returns the link to the fix page, with the parameter of the first of its tab sets we know a value for
 */
export function fixHref(slug: string, who: Audience, knowledge: Knowledge | undefined): string {
  const set = (knowledge?.fixes[slug]?.tabs ?? []).find((s) => who[s as TabSetName]) as TabSetName | undefined;
  const id = set ? who[set] : undefined;
  return `/guide/${slug}/${set && id ? `?${set}=${encodeURIComponent(id)}` : ''}`;
}

/**
 * @param slug a fix page slug
 * @returns the wizard outcome page for that fix (the wizard generates one for every fix page)
 */
export function wizardHref(slug: string): string {
  return `/wizard/outcome/${slug}/`;
}

/**
 * Client tab id from a User-Agent (curl/8.5.0, HTTPie/3.2, PostmanRuntime/7, axios/1.7, python-requests/2.32, node…).
 * @param ua a User-Agent header value
 * @returns a client tab id from src/lib/tabs.ts, or undefined
 */
export function clientFromUserAgent(ua: string): string | undefined {
  const s = ua.slice(0, 500);
  if (/^curl\//i.test(s)) return 'curl';
  if (/HTTPie\//i.test(s)) return 'httpie';
  if (/PostmanRuntime|Postman/i.test(s)) return 'postman';
  if (/axios\//i.test(s)) return 'axios';
  if (/python|aiohttp|httpx|urllib/i.test(s)) return 'python';
  if (/^node|undici|node-fetch|got \(|^got\//i.test(s)) return 'node';
  if (/Mozilla\//.test(s)) return 'fetch';
  return undefined;
}

/**
 * Server tab id from response headers (Server, X-Powered-By).
 * @param server the Server header value
 * @param poweredBy the X-Powered-By header value
 * @returns a server tab id from src/lib/tabs.ts, or undefined
 */
export function serverFromHeaders(server: string, poweredBy: string): string | undefined {
  const s = `${server} ${poweredBy}`.slice(0, 500);
  if (/nginx|openresty/i.test(s)) return 'nginx';
  if (/apache(?!-coyote)|httpd/i.test(s)) return 'apache';
  if (/Microsoft-IIS/i.test(s)) return 'iis';
  if (/Kestrel|ASP\.NET/i.test(s)) return 'aspnet';
  if (/Express/i.test(s)) return 'express';
  if (/uvicorn|fastapi|hypercorn/i.test(s)) return 'fastapi';
  if (/WSGIServer|gunicorn|django/i.test(s)) return 'django';
  if (/Apache-Coyote|Tomcat|Jetty|Spring/i.test(s)) return 'spring';
  return undefined;
}
