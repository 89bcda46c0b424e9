// Why a cookie was not stored or not sent (issue 10, capability 11), on Set-Cookie lines as servers
// send them and requests as browsers make them (Fetch Metadata headers, Origin, Referer).
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../../src/diagnose/parse/cookies.ts';
import { analyse } from '../../../src/diagnose/analyse.ts';
import { sendReasons, siteOf, storeReasons } from '../../../src/diagnose/rules/cookies.ts';
import { fixture, K, NOW } from './support.ts';
import { parseHar } from '../../../src/diagnose/parse/har.ts';

const sc = (line: string) => {
  const c = parseSetCookie(line);
  if (!c) throw new Error(line);
  return c;
};
const u = (s: string) => new URL(s);
const sameSite = { crossSite: false, navigation: false, laxAllowed: false, from: undefined, sure: true };
const crossFetch = { crossSite: true, navigation: false, laxAllowed: false, from: 'app.books.example', sure: true };
const crossNav = { crossSite: true, navigation: true, laxAllowed: true, from: 'idp.example', sure: true };
const ids = (rs: ReadonlyArray<{ id: string }>) => rs.map((r) => r.id);
const NOW_S = Math.floor(NOW / 1000);

describe('cookies a browser will not store', () => {
  it('Secure over http, except on localhost', () => {
    expect(ids(storeReasons(sc('sid=1; Path=/; Secure; HttpOnly'), u('http://shop.example/login'), sameSite))).toEqual(['secure-only']);
    expect(storeReasons(sc('sid=1; Path=/; Secure'), u('http://localhost:3000/login'), sameSite)).toEqual([]);
    expect(storeReasons(sc('sid=1; Path=/; Secure'), u('https://shop.example/login'), sameSite)).toEqual([]);
  });

  it('SameSite=None without Secure, Partitioned without Secure', () => {
    expect(ids(storeReasons(sc('sid=1; SameSite=None'), u('https://api.example/'), sameSite))).toEqual(['samesite-none-insecure']);
    expect(ids(storeReasons(sc('__Host-sid=1; Path=/; SameSite=None; Secure; Partitioned'), u('https://widget.example/'), crossFetch))).toEqual([]);
    expect(ids(storeReasons(sc('sid=1; SameSite=None; Partitioned'), u('https://widget.example/'), crossFetch))).toEqual(['samesite-none-insecure', 'partitioned-insecure']);
  });

  it('a Domain that does not cover the host, and cookie prefixes', () => {
    expect(ids(storeReasons(sc('sid=1; Domain=example.org; Path=/'), u('https://app.example.com/'), sameSite))).toEqual(['invalid-domain']);
    expect(storeReasons(sc('sid=1; Domain=.example.com; Path=/'), u('https://app.example.com/'), sameSite)).toEqual([]);
    expect(ids(storeReasons(sc('__Secure-sid=1; Path=/'), u('https://app.example.com/'), sameSite))).toEqual(['invalid-prefix']);
    expect(ids(storeReasons(sc('__Host-sid=1; Path=/; Secure; Domain=example.com'), u('https://app.example.com/'), sameSite))).toEqual(['invalid-prefix']);
  });

  it('Lax (or no SameSite) from a cross-site fetch; Strict is fine on a cross-site navigation', () => {
    expect(ids(storeReasons(sc('sid=1; Path=/; Secure; HttpOnly'), u('https://api.ledger.example/session'), crossFetch))).toEqual(['samesite-unspecified-treated-as-lax']);
    expect(ids(storeReasons(sc('sid=1; Path=/; Secure; SameSite=Strict'), u('https://api.ledger.example/session'), crossFetch))).toEqual(['samesite-strict']);
    expect(storeReasons(sc('state=1; Path=/; Secure; SameSite=Lax'), u('https://app.example/callback'), crossNav)).toEqual([]);
    expect(ids(storeReasons(sc('sid=1; Path=/; Secure; SameSite=None'), u('https://api.ledger.example/session'), crossFetch))).toEqual(['third-party']);
  });
});

describe('cookies a browser does not send', () => {
  it('host-only cookies stay on their host; Domain and Path limit where they go', () => {
    const c = sc('session=7; Path=/; Secure; HttpOnly; SameSite=Lax');
    expect(ids(sendReasons(c, u('https://example-shop.com/login'), u('https://api.example-shop.com/v1/cart'), sameSite, NOW_S))).toEqual(['domain-mismatch']);
    const d = sc('session=7; Domain=example-shop.com; Path=/; Secure');
    expect(sendReasons(d, u('https://example-shop.com/login'), u('https://api.example-shop.com/v1/cart'), sameSite, NOW_S)).toEqual([]);
    expect(ids(sendReasons(sc('t=1; Path=/admin'), u('https://a.example/admin/login'), u('https://a.example/api/me'), sameSite, NOW_S))).toEqual(['not-on-path']);
    // Without a Path, the default is the setting URL's directory (RFC 6265 §5.1.4).
    expect(ids(sendReasons(sc('t=1'), u('https://a.example/auth/login'), u('https://a.example/api/me'), sameSite, NOW_S))).toEqual(['not-on-path']);
  });

  it('Secure cookies over http, expired ones, and SameSite on cross-site requests', () => {
    const at = u('https://a.example/');
    expect(ids(sendReasons(sc('t=1; Path=/; Secure'), at, u('http://a.example/x'), sameSite, NOW_S))).toEqual(['secure-only']);
    expect(ids(sendReasons(sc('t=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT'), at, u('https://a.example/x'), sameSite, NOW_S))).toEqual(['expired']);
    expect(ids(sendReasons(sc('t=1; Path=/; Secure; SameSite=Strict'), at, u('https://a.example/x'), crossNav, NOW_S))).toEqual(['samesite-strict']);
    expect(ids(sendReasons(sc('t=1; Path=/; Secure; SameSite=Lax'), at, u('https://a.example/x'), crossFetch, NOW_S))).toEqual(['samesite-lax']);
    expect(sendReasons(sc('t=1; Path=/; Secure; SameSite=Lax'), at, u('https://a.example/x'), crossNav, NOW_S)).toEqual([]);
  });

  it('reads sites as registrable domains (approximately, without the Public Suffix List)', () => {
    expect(siteOf('api.example.com')).toBe('example.com');
    expect(siteOf('www.shop.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('10.0.0.5')).toBe('10.0.0.5');
  });
});

describe('in a report', () => {
  it('names the blocked cookie first in a HAR of a cross-site login, and the cookie left behind on a subdomain', () => {
    const a = analyse(fixture('synthetic/cookie-blocked-cross-site-lax.har'), { knowledge: K, now: NOW, readHar: parseHar }).findings[0];
    expect(a?.rule).toBe('cookie-blocked');
    expect(a?.cause).toBe('samesite-cookie-not-sent');
    expect(a?.title).toContain('"sid"');
    expect(a?.detail).toContain('samesite-unspecified-treated-as-lax');
    const b = analyse(fixture('synthetic/cookie-not-sent-host-only.har'), { knowledge: K, now: NOW, readHar: parseHar }).findings[0];
    expect(b?.rule).toBe('cookie-not-sent');
    expect(b?.title).toMatch(/only sent to example-shop\.com itself, not to api\.example-shop\.com/);
  });

  it('says nothing about cookies in a curl log (curl keeps cookies by its own rules)', () => {
    const log = '> POST /login HTTP/1.1\n> Host: shop.example\n> User-Agent: curl/8.11.0\n>\n< HTTP/1.1 302 Found\n< Set-Cookie: sid=1; Path=/; Secure\n< Location: /account\n<\n';
    expect(analyse(log, { knowledge: K, now: NOW }).findings.map((f) => f.rule)).not.toContain('cookie-blocked');
  });
});
