// Real-world 401 problems, acted out through the machine the way the person would answer (by the
// visible wording, not by knowing the tree). Each must reach its right fix within 8 answers,
// counting every "No, that did not fix it". Where people could reasonably pick another answer, both
// readings are listed. The report at the end gives the share of first-suggestion hits.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { copy } from '../../../src/wizard/copy.ts';
import { START, type WizardEvent } from '../../../src/wizard/machine.ts';
import { WIZARD } from '../../../src/wizard/wizard.ts';

interface Scenario {
  /** What happened, in the person's words. */
  story: string;
  /** The answer labels they click, in order (matched against content/wizard wording, by prefix). */
  says: string[];
  /** The fix page that solves it. */
  fix: string;
}

const S: Scenario[] = [
  // People in a browser
  { story: 'Router admin page keeps popping up the login box after I changed the router password', says: ['On a website', 'A sign-in box from the browser', 'On a website, or the admin page', 'Yes: they worked', 'Neither'], fix: 'clear-cached-credentials' },
  { story: 'NAS login box, I forgot which password I set', says: ['On a website', 'A sign-in box from the browser', 'On a website, or the admin page', 'No, or I am not sure'], fix: 'check-credentials' },
  { story: 'SharePoint keeps asking for my password in Edge on my work laptop in the office', says: ['On a website', 'A sign-in box from the browser', 'On a work or school site', 'A company computer'], fix: 'fix-intranet-sso' },
  { story: 'Intranet asks for a password at home over VPN', says: ['On a website', 'A sign-in box from the browser', 'On a work or school site', 'From home'], fix: 'fix-intranet-sso' },
  { story: 'Hotel / company network: every site shows "Proxy Authentication Required"', says: ['On a website', 'A sign-in box from the browser', 'On every site'], fix: 'network-checks' },
  { story: 'Shop keeps logging me out; works in incognito', says: ['On a website', 'The site says my session expired', 'Only in one browser', 'In my normal window', 'No, or I am not sure'], fix: 'clear-cookies' },
  { story: 'Login loop started after installing a privacy extension; incognito works', says: ['On a website', 'The site says my session expired', 'Only in one browser', 'In my normal window', 'Yes, it started after'], fix: 'disable-extensions' },
  { story: 'uBlock user, incognito works, clearing cookies did not help', says: ['On a website', 'The site says my session expired', 'Only in one browser', 'In my normal window', 'No, or I am not sure'], fix: 'disable-extensions' },
  { story: 'Left the banking tab open overnight, now "session expired"', says: ['On a website', 'The site says my session expired', 'After I’ve been away'], fix: 'sign-out-and-in' },
  { story: 'Webmail signs me out every few minutes; my PC clock is 20 minutes off', says: ['On a website', 'The site says my session expired', 'Every few minutes'], fix: 'fix-clock-skew' },
  { story: 'Safari: sign-in loop on a site that signs in through another domain, also in private', says: ['On a website', 'The site says my session expired', 'Right after I sign in', 'Yes: another site'], fix: 'allow-cookies-for-site' },
  { story: 'Sign-in loop only on the office VPN (session pinned to IP)', says: ['On a website', 'A plain page says', 'Yes, it works on another network'], fix: 'network-checks' },
  { story: 'Password manager fills my old password after I changed it', says: ['On a website', 'The site says my username or password is wrong', 'Yes, it is filled in'], fix: 'check-credentials' },
  { story: 'Typing password with Caps Lock on', says: ['On a website', 'The site says my username or password is wrong', 'No, I type it'], fix: 'check-credentials' },
  { story: 'Trying my production password on the staging site', says: ['On a website', 'The site says my username or password is wrong', 'No, I type it'], fix: 'check-url' },
  { story: 'Account locked after too many attempts', says: ['On a website', 'The site says my username or password is wrong', 'No, I type it'], fix: 'contact-admin' },
  { story: 'News site says 401 and asks me to subscribe', says: ['On a website', 'I am signed in, but a page says 401', 'To subscribe, pay or upgrade'], fix: 'contact-admin' },
  { story: 'Signed in with my personal Google account instead of work, "no permission"', says: ['On a website', 'I am signed in, but a page says 401', 'That I don’t have permission'], fix: 'switch-account' },
  { story: 'Team wiki page: "401 access denied" though the rest works for me; I lack the group', says: ['On a website', 'I am signed in, but a page says 401', 'That I don’t have permission'], fix: 'contact-admin' },
  { story: 'Old bookmark to a moved dashboard page gives 401', says: ['On a website', 'I am signed in, but a page says 401', 'Only one link or bookmark fails'], fix: 'check-url' },
  { story: 'After an hour of using the admin panel, clicks return 401', says: ['On a website', 'I am signed in, but a page says 401', 'Just “401”'], fix: 'sign-out-and-in' },
  { story: '"Sign in with Google" pop-up closes and nothing happens in Safari', says: ['On a website', 'Signing in fails in a pop-up'], fix: 'allow-cookies-for-site' },
  { story: 'Embedded course player (LMS iframe) says 401 in Firefox strict mode', says: ['On a website', 'Signing in fails in a pop-up'], fix: 'allow-cookies-for-site' },
  { story: 'Company portal shows plain 401 from home, works in the office', says: ['On a website', 'A plain page says', 'Yes, it works on another network'], fix: 'network-checks' },
  { story: 'Link a colleague sent points to the internal test server: plain 401', says: ['On a website', 'A plain page says', 'No, it fails everywhere', 'An old bookmark'], fix: 'check-url' },
  { story: 'Site moved host last night; my DNS still points at the old server that answers 401', says: ['On a website', 'A plain page says', 'No, it fails everywhere', 'An old bookmark'], fix: 'flush-dns' },
  { story: 'Clicking a members-only area gives a bare 401', says: ['On a website', 'A plain page says', 'No, it fails everywhere', 'By clicking a link'], fix: 'contact-admin' },

  // People in an app
  { story: 'Banking app says session expired after the update', says: ['In an app', 'Another app', 'Says my session expired', 'After an app update'], fix: 'sign-out-and-in' },
  { story: 'Android app signs me out minutes after login; phone date set manually and wrong', says: ['In an app', 'Another app', 'Says my session expired', 'Again within minutes'], fix: 'fix-clock-skew' },
  { story: 'App logs me out again and again; corrupt app data', says: ['In an app', 'Another app', 'Says my session expired', 'Again within minutes'], fix: 'clear-cached-credentials' },
  { story: 'App only fails on the school Wi-Fi', says: ['In an app', 'Another app', 'Says my session expired', 'Only on some networks'], fix: 'network-checks' },
  { story: 'App says password wrong but website accepts it (old password in keychain)', says: ['In an app', 'Another app', 'Says my password is wrong', 'Yes, I can sign in on the website'], fix: 'clear-cached-credentials' },
  { story: 'Outlook desktop keeps prompting after my Microsoft password change', says: ['In an app', 'Another app', 'A work app'], fix: 'clear-cached-credentials' },
  { story: 'Streaming app: "Error 401" on my phone, works on the TV', says: ['In an app', 'Another app', 'Shows “Error 401”', 'Yes, it works elsewhere'], fix: 'sign-out-and-in' },
  { story: 'App "you need a subscription" after switching accounts', says: ['In an app', 'Another app', 'Says I don’t have access'], fix: 'contact-admin' },

  // Developers calling an API
  { story: 'React app: fetch to API, console says preflight response 401', says: ['When my code', 'My own API', 'It runs in a web page'], fix: 'fix-cors-preflight' },
  { story: 'curl -L to http:// URL redirects to https on another host, then 401', says: ['When my code', 'My own API', 'The request is redirected'], fix: 'keep-auth-on-redirect' },
  { story: 'Python requests: API moved to api2.example.com, 301 then 401', says: ['When my code', 'My own API', 'It used to work', 'The address changed'], fix: 'keep-auth-on-redirect' },
  { story: 'OAuth access token works for an hour, then 401', says: ['When my code', 'My own API', 'It used to work', 'Nothing: it stops after a while'], fix: 'refresh-oauth-token' },
  { story: 'Stripe key rotated, old key in env now 401', says: ['When my code', 'My own API', 'It used to work', 'A key, secret'], fix: 'refresh-api-token' },
  { story: 'After putting the API behind nginx, Authorization never arrives (PHP-FPM)', says: ['When my code', 'My own API', 'It used to work', 'It now runs behind a proxy'], fix: 'pass-authorization-through-proxy' },
  { story: 'JWT rejected only in one Docker container whose clock drifted', says: ['When my code', 'My own API', 'It used to work', 'It fails on one machine'], fix: 'fix-clock-skew' },
  { story: 'CI job gets 401: the secret variable is empty there, so no header is sent', says: ['When my code', 'My own API', 'It used to work', 'It fails on one machine'], fix: 'fix-authorization-header' },
  { story: 'Switched the app registration to a new Azure tenant, tokens now rejected', says: ['When my code', 'My own API', 'It used to work', 'We changed our code'], fix: 'fix-token-audience' },
  { story: 'Works in Postman, not in axios: header name typo, no Authorization sent', says: ['When my code', 'My own API', 'It works in one tool', 'The failing one has no Authorization header'], fix: 'fix-authorization-header' },
  { story: 'Works in curl, code sends "Token abc" instead of "Bearer abc"', says: ['When my code', 'My own API', 'It works in one tool', 'The header looks different'], fix: 'fix-authorization-header' },
  { story: 'Works locally, fails through the company API gateway', says: ['When my code', 'My own API', 'It works in one tool', 'The failing one goes through'], fix: 'pass-authorization-through-proxy' },
  { story: 'Works in Postman, fails in code, cannot see why (redirect to trailing slash)', says: ['When my code', 'My own API', 'It works in one tool', 'They look the same'], fix: 'keep-auth-on-redirect' },
  { story: 'Azure AD: "IDX10214: Audience validation failed"', says: ['When my code', 'My own API', 'It has never worked', 'A bearer token', 'Something about the audience'], fix: 'fix-token-audience' },
  { story: 'Graph token used against my own API: invalid signature', says: ['When my code', 'My own API', 'It has never worked', 'A bearer token', 'The signature is invalid'], fix: 'fix-token-audience' },
  { story: 'Fresh token says "token not yet valid (nbf)"', says: ['When my code', 'My own API', 'It has never worked', 'A bearer token', 'The token is expired or not yet valid'], fix: 'fix-clock-skew' },
  { story: 'Bearer token sent without the "Bearer " prefix: invalid_token', says: ['When my code', 'My own API', 'It has never worked', 'A bearer token', '“invalid_token”'], fix: 'fix-authorization-header' },
  { story: 'API key sent as ?api_key= but the API wants X-API-Key header: "missing API key"', says: ['When my code', 'My own API', 'It has never worked', 'An API key', 'The key is missing'], fix: 'fix-authorization-header' },
  { story: 'Test key used against live endpoint: "invalid API key"', says: ['When my code', 'My own API', 'It has never worked', 'An API key', 'The key is invalid'], fix: 'refresh-api-token' },
  { story: 'API key copied with a trailing newline from a file: "invalid API key"', says: ['When my code', 'My own API', 'It has never worked', 'An API key', 'The key is invalid'], fix: 'fix-client-credentials-config' },
  { story: 'Basic auth with a password containing "ü" fails', says: ['When my code', 'My own API', 'It has never worked', 'A username and password', 'My username or password has letters'], fix: 'fix-authorization-header' },
  { story: 'Basic auth against IIS that only offers NTLM', says: ['When my code', 'My own API', 'It has never worked', 'A username and password', 'Digest, Negotiate or NTLM'], fix: 'fix-authorization-header' },
  { story: 'Python script to an intranet API that requires Kerberos', says: ['When my code', 'My own API', 'It has never worked', 'Windows sign-in'], fix: 'fix-intranet-sso' },
  { story: '.NET HttpClient with credentials never sends them: the 401 has no WWW-Authenticate', says: ['When my code', 'My own API', 'It has never worked', 'A username and password', 'There is no WWW-Authenticate'], fix: 'send-correct-401' },
  { story: 'Basic auth with curl -u, WWW-Authenticate: Basic, wrong password', says: ['When my code', 'My own API', 'It has never worked', 'A username and password', 'Basic realm'], fix: 'check-credentials' },
  { story: 'npm behind corporate proxy: 407', says: ['When my code', 'My own API', 'The status is 407'], fix: 'network-checks' },
  { story: 'SPA on app.example calls api.example.org with credentials: include; Safari gets 401', says: ['When my code', 'My own API', 'It has never worked', 'A session cookie'], fix: 'allow-cookies-for-site' },
  { story: 'WordPress REST API behind Apache CGI: the 401 has no challenge, Authorization never arrives', says: ['When my code', 'My own API', 'It has never worked', 'A username and password', 'There is no WWW-Authenticate'], fix: 'pass-authorization-through-proxy' },
  { story: 'New to this API, not sure what header to send', says: ['When my code', 'My own API', 'It has never worked', 'Nothing yet'], fix: 'fix-authorization-header' },

  // People running the server
  { story: 'My Express API returns 401 without WWW-Authenticate; browsers show no prompt', says: ['On a server', 'Browsers show no sign-in box'], fix: 'send-correct-401' },
  { story: 'Spring API: OPTIONS preflight gets 401 from the security filter', says: ['On a server', 'Browser calls from another site'], fix: 'fix-cors-preflight' },
  { story: 'Apache + PHP-FPM: $_SERVER has no HTTP_AUTHORIZATION', says: ['On a server', 'The Authorization header never reaches'], fix: 'pass-authorization-through-proxy' },
  { story: 'Our API rejects tokens as expired although just issued; server clock off', says: ['On a server', 'My app rejects tokens', 'Expired or not yet valid'], fix: 'fix-clock-skew' },
  { story: 'ASP.NET Core rejects tokens: wrong audience configured', says: ['On a server', 'My app rejects tokens', 'Wrong audience'], fix: 'fix-token-audience' },
  { story: 'Users with umlauts in passwords cannot log in via Basic', says: ['On a server', 'Basic or Digest sign-in rejects correct passwords'], fix: 'send-correct-401' },
  { story: 'IIS Windows auth prompts users again and again', says: ['On a server', 'Windows sign-in', 'Users get a password prompt'], fix: 'fix-intranet-sso' },
  { story: 'Should my app return 401 or 403 for a logged-in user without rights?', says: ['On a server', 'I am not sure my 401s are right'], fix: 'send-correct-401' },
];

/** Acts a scenario out: answers by label, then says "No" until the right fix is offered. */
function actOut(s: Scenario): { answers: number; tryNumber: number; landed: boolean; trail: string[] } {
  const actor = createActor(WIZARD.machine).start();
  let answers = 0;
  const trail: string[] = [];
  for (const said of s.says) {
    const id = actor.getSnapshot().value as string;
    const step = WIZARD.stepOf(id);
    if (step.kind !== 'question') throw new Error(`"${s.story}": expected a question at ${id}, got ${step.kind}`);
    const labels = copy.questions[id]?.a ?? {};
    const match = Object.entries(labels).filter(([, l]) => l.label.startsWith(said));
    if (match.length !== 1) throw new Error(`"${s.story}": at ${id}, "${said}" matches ${match.length} answers`);
    actor.send({ type: `answer.${match[0]?.[0]}` } as WizardEvent);
    trail.push(said);
    answers++;
  }
  for (let tryNumber = 1; answers <= 8; tryNumber++) {
    const step = WIZARD.stepOf(actor.getSnapshot().value as string);
    if (step.kind !== 'outcome') return { answers, tryNumber, landed: false, trail };
    if (step.fix === s.fix) return { answers, tryNumber, landed: true, trail };
    actor.send({ type: 'outcome.no' });
    answers++;
  }
  return { answers, tryNumber: 0, landed: false, trail };
}

describe('real-world 401 scenarios', () => {
  const results = S.map((s) => ({ s, r: actOut(s) }));
  for (const { s, r } of results) {
    it(`${s.story} → ${s.fix}`, () => {
      expect(r.landed, `${s.story}: ${r.trail.join(' › ')}`).toBe(true);
      expect(r.answers).toBeLessThanOrEqual(8);
    });
  }

  it('lands on the right fix within 8 answers in at least 90% of cases, and reports the numbers', () => {
    const landed = results.filter((x) => x.r.landed).length;
    const first = results.filter((x) => x.r.landed && x.r.tryNumber === 1).length;
    const mean = results.reduce((n, x) => n + x.r.answers, 0) / results.length;
    console.log(
      `wizard scenarios: ${results.length}; landed within 8 answers: ${landed} (${((100 * landed) / results.length).toFixed(0)}%); ` +
        `right fix first: ${first} (${((100 * first) / results.length).toFixed(0)}%); mean answers: ${mean.toFixed(1)}`,
    );
    expect(landed / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('covers every audience and starts from the first question', () => {
    expect(WIZARD.machine.config.initial).toBe(START);
    for (const first of ['On a website', 'In an app', 'When my code', 'On a server']) expect(S.some((s) => s.says[0] === first)).toBe(true);
  });
});
