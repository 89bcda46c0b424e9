// The troubleshooting wizard as one XState machine: the single source of truth for the questions,
// their answers, the order they come in and the outcomes they lead to. Imports only xstate (no DOM,
// no network) so the same definition runs in the browser, at build time (static pages, the tree
// page) and in tests (unit and model-based).
//
// Shape: the questions form a *tree*. Every state has exactly one parent, so a state id alone
// determines the answers that led to it — which is what lets every step be a static page with a
// plain URL. Each answer path ends in a "leaf": an ordered list of tries (fix page + the cause it
// addresses), likeliest first. "Did this fix it? No" walks down that list; after the last try comes
// the escalation summary for that leaf.
//
// Wording lives in content/wizard/ keyed by these ids; the unit tests check both directions.
import { assign, setup } from 'xstate';

/** The first question's answers: which audience the visitor is. */
export type Audience = 'web' | 'app' | 'api' | 'server';

/** A try on an outcome list: [fix page slug, cause page slug]. Slugs come from docs/content-plan.md. */
export type Try = readonly [fix: string, cause: string];

/**
 * Questions: answer id → the next state id (another question, or a leaf from LEAVES).
 * Answer ids are unique within their question; the event is `answer.<id>`.
 * Order of answers here is the order they are shown.
 */
export const QUESTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  start: { web: 'webSymptom', app: 'appSymptom', api: 'apiSymptom', server: 'serverSymptom' },

  // People in a browser
  webSymptom: {
    prompt: 'webPrompt',
    session: 'webPrivate',
    password: 'webPassword',
    denied: 'webDenied',
    embedded: 'webEmbedded',
    plain: 'webPlain',
    other: 'webOther',
  },
  webPrompt: { site: 'webPromptCreds', work: 'webPromptWork', proxy: 'webProxy' },
  webPromptCreds: { right: 'webPromptCached', unsure: 'webPromptWrong' },
  webPromptWork: { office: 'webSsoOffice', remote: 'webSsoRemote' },
  webPrivate: { yes: 'webPrivateWorks', no: 'webSessionWhen' },
  webPrivateWorks: { recent: 'webExtensions', no: 'webCookies' },
  webSessionWhen: { loop: 'webLoop', idle: 'webIdle', often: 'webOften' },
  webPassword: { saved: 'webPasswordSaved', typed: 'webPasswordTyped' },
  webDenied: { pay: 'webPaywall', permission: 'webNoPermission', link: 'webBadLink', later: 'webDeniedLater' },
  webPlain: { yes: 'webNetwork', no: 'webPlainLink' },
  webPlainLink: { link: 'webOldLink', site: 'webRestricted' },

  // People in an app
  appSymptom: { session: 'appSession', password: 'appPassword', error: 'appError', access: 'appAccess', work: 'appWork' },
  appSession: { change: 'appChanged', soon: 'appRepeat', network: 'appNetwork', idle: 'appIdle' },
  appPassword: { yes: 'appSavedPassword', no: 'appWrongPassword' },
  appError: { yes: 'appLocal', no: 'appEverywhere', network: 'appErrNetwork' },

  // Developers calling an API
  apiSymptom: {
    cors: 'apiCors',
    redirect: 'apiRedirected',
    stopped: 'apiStopped',
    elsewhere: 'apiElsewhere',
    never: 'apiNever',
    proxy: 'apiProxy',
  },
  apiStopped: { time: 'apiExpired', keys: 'apiRevoked', moved: 'apiMoved', url: 'apiUrlChanged', machine: 'apiMachine', code: 'apiCodeChange' },
  apiElsewhere: { noheader: 'apiNoHeader', redirect: 'apiLostOnRedirect', format: 'apiFormat', route: 'apiViaProxy', same: 'apiNoDiff' },
  apiNever: { bearer: 'apiBearer', key: 'apiKey', basic: 'apiBasic', cookie: 'apiCookie', windows: 'apiNegotiate', nothing: 'apiNothing' },
  apiBearer: { audience: 'apiAudience', time: 'apiClock', other: 'apiWrongApi', vague: 'apiBearerVague' },
  apiKey: { missing: 'apiKeyMissing', invalid: 'apiKeyInvalid', vague: 'apiKeyVague' },
  apiBasic: { yes: 'apiNonAscii', no: 'apiBasicChallenge' },
  apiBasicChallenge: { basic: 'apiBasicRejected', other: 'apiOtherScheme', none: 'apiNoChallenge', unsure: 'apiBasicUnsure' },

  // People running the server
  serverSymptom: {
    noprompt: 'srvNoChallenge',
    cors: 'srvCors',
    header: 'srvProxy',
    tokens: 'srvTokens',
    charset: 'srvCharset',
    windows: 'srvSso',
    status: 'srvStatus',
  },
  srvTokens: { time: 'srvClock', audience: 'srvAudience', missing: 'srvMissing', unsure: 'srvUnsure' },
};

/**
 * Leaves: the tries for one set of answers, likeliest first. Each becomes outcome states
 * `<leaf>1`, `<leaf>2`, … and an escalation state `<leaf>Help`.
 */
// Fix pages and causes, by slug (docs/content-plan.md). Named constants keep the tables below
// readable and let the minifier write each slug once.
const checkCredentials = 'check-credentials',
  clearCookies = 'clear-cookies',
  clearCachedCredentials = 'clear-cached-credentials',
  signOutAndIn = 'sign-out-and-in',
  privateWindow = 'private-window',
  disableExtensions = 'disable-extensions',
  allowCookiesForSite = 'allow-cookies-for-site',
  checkUrl = 'check-url',
  flushDns = 'flush-dns',
  networkChecks = 'network-checks',
  contactAdmin = 'contact-admin',
  fixIntranetSso = 'fix-intranet-sso',
  refreshApiToken = 'refresh-api-token',
  refreshOauthToken = 'refresh-oauth-token',
  fixAuthorizationHeader = 'fix-authorization-header',
  keepAuthOnRedirect = 'keep-auth-on-redirect',
  fixTokenAudience = 'fix-token-audience',
  fixClockSkew = 'fix-clock-skew',
  sendCorrect401 = 'send-correct-401',
  fixCorsPreflight = 'fix-cors-preflight',
  passAuthorizationThroughProxy = 'pass-authorization-through-proxy';
const proxyAuthRequired = 'proxy-auth-required',
  cachedClientCredentials = 'cached-client-credentials',
  wrongCredentials = 'wrong-credentials',
  intranetSsoFailed = 'intranet-sso-failed',
  ipRestrictions = 'ip-restrictions',
  browserExtensionInterference = 'browser-extension-interference',
  staleCookies = 'stale-cookies',
  expiredSession = 'expired-session',
  thirdPartyCookiesBlocked = 'third-party-cookies-blocked',
  clockSkew = 'clock-skew',
  siteAccessRestricted = 'site-access-restricted',
  wrongUrlOrEnvironment = 'wrong-url-or-environment',
  corsPreflight401 = 'cors-preflight-401',
  missingAuthorizationHeader = 'missing-authorization-header',
  headerDroppedOnRedirect = 'header-dropped-on-redirect',
  proxyStripsAuthorization = 'proxy-strips-authorization',
  expiredOauthToken = 'expired-oauth-token',
  missingOrInvalidApiToken = 'missing-or-invalid-api-token',
  wrongAudienceOrIssuer = 'wrong-audience-or-issuer',
  missingChallenge = 'missing-challenge',
  wrongAuthScheme = 'wrong-auth-scheme',
  apiKeyMisplaced = 'api-key-misplaced',
  unsupportedAuthScheme = 'unsupported-auth-scheme',
  tokenForWrongApi = 'token-for-wrong-api',
  basicNonAsciiCredentials = 'basic-non-ascii-credentials';

export const LEAVES: Readonly<Record<string, readonly Try[]>> = {
  webProxy: [[networkChecks, proxyAuthRequired], [clearCachedCredentials, cachedClientCredentials]],
  webPromptCached: [[clearCachedCredentials, cachedClientCredentials], [checkCredentials, wrongCredentials], [contactAdmin, wrongCredentials]],
  webPromptWrong: [[checkCredentials, wrongCredentials], [clearCachedCredentials, wrongCredentials], [contactAdmin, wrongCredentials]],
  webSsoOffice: [[fixIntranetSso, intranetSsoFailed], [clearCachedCredentials, cachedClientCredentials], [contactAdmin, wrongCredentials]],
  webSsoRemote: [[fixIntranetSso, intranetSsoFailed], [networkChecks, ipRestrictions], [contactAdmin, ipRestrictions]],
  webExtensions: [[disableExtensions, browserExtensionInterference], [clearCookies, staleCookies]],
  webCookies: [[clearCookies, staleCookies], [disableExtensions, browserExtensionInterference], [signOutAndIn, expiredSession]],
  webLoop: [[allowCookiesForSite, thirdPartyCookiesBlocked], [fixClockSkew, clockSkew], [networkChecks, ipRestrictions], [contactAdmin, siteAccessRestricted]],
  webIdle: [[signOutAndIn, expiredSession], [clearCookies, expiredSession], [fixClockSkew, clockSkew]],
  webOften: [[fixClockSkew, clockSkew], [networkChecks, ipRestrictions], [clearCookies, staleCookies], [contactAdmin, siteAccessRestricted]],
  webPasswordSaved: [[checkCredentials, wrongCredentials], [clearCachedCredentials, wrongCredentials], [contactAdmin, wrongCredentials]],
  webPasswordTyped: [[checkCredentials, wrongCredentials], [checkUrl, wrongUrlOrEnvironment], [contactAdmin, wrongCredentials]],
  webPaywall: [[contactAdmin, siteAccessRestricted], [signOutAndIn, expiredSession]],
  webNoPermission: [[contactAdmin, siteAccessRestricted], [signOutAndIn, expiredSession], [checkUrl, siteAccessRestricted]],
  webBadLink: [[checkUrl, wrongUrlOrEnvironment], [contactAdmin, siteAccessRestricted]],
  webDeniedLater: [[signOutAndIn, expiredSession], [clearCookies, staleCookies], [contactAdmin, siteAccessRestricted]],
  webEmbedded: [[allowCookiesForSite, thirdPartyCookiesBlocked], [disableExtensions, browserExtensionInterference], [clearCookies, staleCookies]],
  webNetwork: [[networkChecks, ipRestrictions], [contactAdmin, ipRestrictions]],
  webOldLink: [[checkUrl, wrongUrlOrEnvironment], [flushDns, wrongUrlOrEnvironment], [contactAdmin, siteAccessRestricted]],
  webRestricted: [[contactAdmin, siteAccessRestricted], [checkUrl, siteAccessRestricted], [privateWindow, staleCookies]],
  webOther: [[privateWindow, staleCookies], [clearCookies, staleCookies], [signOutAndIn, expiredSession], [contactAdmin, siteAccessRestricted]],

  appChanged: [[signOutAndIn, expiredSession], [clearCachedCredentials, cachedClientCredentials], [contactAdmin, wrongCredentials]],
  appRepeat: [[clearCachedCredentials, cachedClientCredentials], [fixClockSkew, clockSkew], [networkChecks, ipRestrictions], [contactAdmin, siteAccessRestricted]],
  appNetwork: [[networkChecks, ipRestrictions], [contactAdmin, ipRestrictions]],
  appIdle: [[signOutAndIn, expiredSession], [clearCachedCredentials, cachedClientCredentials], [fixClockSkew, clockSkew]],
  appSavedPassword: [[clearCachedCredentials, cachedClientCredentials], [signOutAndIn, expiredSession], [contactAdmin, wrongCredentials]],
  appWrongPassword: [[checkCredentials, wrongCredentials], [clearCachedCredentials, wrongCredentials], [contactAdmin, wrongCredentials]],
  appLocal: [[signOutAndIn, expiredSession], [clearCachedCredentials, cachedClientCredentials], [fixClockSkew, clockSkew], [networkChecks, ipRestrictions]],
  appEverywhere: [[contactAdmin, siteAccessRestricted], [checkCredentials, wrongCredentials]],
  appErrNetwork: [[networkChecks, ipRestrictions], [contactAdmin, ipRestrictions]],
  appAccess: [[contactAdmin, siteAccessRestricted], [signOutAndIn, expiredSession]],
  appWork: [[clearCachedCredentials, cachedClientCredentials], [signOutAndIn, expiredSession], [fixIntranetSso, intranetSsoFailed], [contactAdmin, wrongCredentials]],

  apiCors: [[fixCorsPreflight, corsPreflight401], [fixAuthorizationHeader, missingAuthorizationHeader]],
  apiRedirected: [[keepAuthOnRedirect, headerDroppedOnRedirect], [passAuthorizationThroughProxy, proxyStripsAuthorization]],
  apiProxy: [[networkChecks, proxyAuthRequired]],
  apiExpired: [[refreshOauthToken, expiredOauthToken], [fixClockSkew, clockSkew]],
  apiRevoked: [[refreshApiToken, missingOrInvalidApiToken], [refreshOauthToken, expiredOauthToken]],
  apiMoved: [[passAuthorizationThroughProxy, proxyStripsAuthorization], [keepAuthOnRedirect, headerDroppedOnRedirect], [fixCorsPreflight, corsPreflight401]],
  apiUrlChanged: [[keepAuthOnRedirect, headerDroppedOnRedirect], [passAuthorizationThroughProxy, proxyStripsAuthorization]],
  apiMachine: [[fixClockSkew, clockSkew], [fixAuthorizationHeader, missingAuthorizationHeader], [refreshApiToken, missingOrInvalidApiToken]],
  apiCodeChange: [[fixAuthorizationHeader, missingAuthorizationHeader], [fixTokenAudience, wrongAudienceOrIssuer], [keepAuthOnRedirect, headerDroppedOnRedirect]],
  apiNoHeader: [[fixAuthorizationHeader, missingAuthorizationHeader], [keepAuthOnRedirect, headerDroppedOnRedirect], [sendCorrect401, missingChallenge]],
  apiLostOnRedirect: [[keepAuthOnRedirect, headerDroppedOnRedirect], [fixAuthorizationHeader, missingAuthorizationHeader]],
  apiFormat: [[fixAuthorizationHeader, wrongAuthScheme], [refreshApiToken, apiKeyMisplaced]],
  apiViaProxy: [[passAuthorizationThroughProxy, proxyStripsAuthorization], [keepAuthOnRedirect, headerDroppedOnRedirect]],
  apiNoDiff: [[fixAuthorizationHeader, wrongAuthScheme], [keepAuthOnRedirect, headerDroppedOnRedirect], [passAuthorizationThroughProxy, proxyStripsAuthorization], [fixClockSkew, clockSkew]],
  apiCookie: [[allowCookiesForSite, thirdPartyCookiesBlocked], [fixCorsPreflight, corsPreflight401], [fixAuthorizationHeader, missingAuthorizationHeader]],
  apiNegotiate: [[fixIntranetSso, unsupportedAuthScheme], [fixAuthorizationHeader, unsupportedAuthScheme]],
  apiNothing: [[fixAuthorizationHeader, missingAuthorizationHeader], [refreshApiToken, missingOrInvalidApiToken], [sendCorrect401, missingChallenge]],
  apiAudience: [[fixTokenAudience, wrongAudienceOrIssuer], [refreshOauthToken, expiredOauthToken]],
  apiClock: [[fixClockSkew, clockSkew], [refreshOauthToken, expiredOauthToken]],
  apiWrongApi: [[fixTokenAudience, tokenForWrongApi], [refreshOauthToken, expiredOauthToken]],
  apiBearerVague: [[fixAuthorizationHeader, wrongAuthScheme], [fixTokenAudience, wrongAudienceOrIssuer], [keepAuthOnRedirect, headerDroppedOnRedirect], [refreshOauthToken, expiredOauthToken]],
  apiKeyMissing: [[fixAuthorizationHeader, apiKeyMisplaced], [refreshApiToken, missingOrInvalidApiToken]],
  apiKeyInvalid: [[refreshApiToken, missingOrInvalidApiToken], [fixAuthorizationHeader, apiKeyMisplaced]],
  apiKeyVague: [[fixAuthorizationHeader, apiKeyMisplaced], [refreshApiToken, missingOrInvalidApiToken], [keepAuthOnRedirect, headerDroppedOnRedirect]],
  apiNonAscii: [[fixAuthorizationHeader, basicNonAsciiCredentials], [sendCorrect401, basicNonAsciiCredentials]],
  apiBasicRejected: [[fixAuthorizationHeader, wrongAuthScheme], [checkCredentials, wrongCredentials]],
  apiOtherScheme: [[fixAuthorizationHeader, unsupportedAuthScheme], [fixIntranetSso, unsupportedAuthScheme]],
  apiNoChallenge: [[sendCorrect401, missingChallenge], [passAuthorizationThroughProxy, proxyStripsAuthorization], [fixAuthorizationHeader, missingAuthorizationHeader]],
  apiBasicUnsure: [[fixAuthorizationHeader, wrongAuthScheme], [checkCredentials, wrongCredentials], [sendCorrect401, missingChallenge]],

  srvNoChallenge: [[sendCorrect401, missingChallenge]],
  srvCors: [[fixCorsPreflight, corsPreflight401]],
  srvProxy: [[passAuthorizationThroughProxy, proxyStripsAuthorization]],
  srvCharset: [[sendCorrect401, basicNonAsciiCredentials]],
  srvSso: [[fixIntranetSso, intranetSsoFailed]],
  srvStatus: [[sendCorrect401, missingChallenge]],
  srvClock: [[fixClockSkew, clockSkew], [fixTokenAudience, wrongAudienceOrIssuer]],
  srvAudience: [[fixTokenAudience, wrongAudienceOrIssuer], [fixClockSkew, clockSkew]],
  srvMissing: [[passAuthorizationThroughProxy, proxyStripsAuthorization], [fixCorsPreflight, corsPreflight401]],
  srvUnsure: [[fixTokenAudience, wrongAudienceOrIssuer], [fixClockSkew, clockSkew], [passAuthorizationThroughProxy, proxyStripsAuthorization]],
};

/** The state a visitor reaches by answering "Yes" to "Did this fix it?". */
export const SOLVED = 'solved';
/** The first question. */
export const START = 'start';

/** The decision tree as plain data: what createWizard() builds the machine from. */
export interface Tree {
  /** Question id → (answer id → next question id or leaf id), answers in display order. */
  questions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Leaf id → tries, likeliest first. */
  leaves: Readonly<Record<string, readonly Try[]>>;
}

/** What a state is, for the view and the static pages. */
export type StepInfo =
  | { kind: 'question'; id: string; answers: ReadonlyArray<{ answer: string; to: string }> }
  | { kind: 'outcome'; id: string; leaf: string; n: number; of: number; fix: string; cause: string; next: string }
  | { kind: 'help'; id: string; leaf: string; tries: readonly Try[] }
  | { kind: 'solved'; id: string };

/** Machine context. */
export interface WizardContext {
  /**
   * The furthest state reached along the current line of answers. Going back keeps it, so the
   * later answers stay (and can be stepped through again with `wizard.forward`) until an answer
   * changes; then it becomes the new state.
   */
  furthest: string;
}

/** Events. Answers are `answer.<answer id>`; the rest are fixed. */
export type WizardEvent =
  | { type: `answer.${string}` }
  | { type: 'outcome.yes' }
  | { type: 'outcome.no' }
  | { type: 'wizard.back' }
  | { type: 'wizard.forward' }
  | { type: 'wizard.restart' };

type Transition = { target: string; guard?: { type: 'keptLeadsTo'; params: { to: string } }; actions?: { type: 'advance'; params: { to: string } } };

/**
 * The machine's states as plain, JSON-safe data: each state's transitions (and, for outcomes, the
 * fix and cause it names), plus each state's parent. compile() derives it from the tree; the browser
 * receives it as /wizard/machine.json, so it runs exactly this machine without shipping the tree
 * as code (that keeps the wizard's script within its size budget).
 */
export interface Spec {
  /** State id → its transitions and meta. */
  states: Record<string, { meta?: { fix: string; cause: string }; on: Record<string, Transition | Transition[]> }>;
  /** State id → parent state id (the start has none). */
  parent: Record<string, string>;
}

/**
 * Derives every state from the tree: the questions, one outcome state per try, one escalation state
 * per leaf, and "solved".
 * @param tree questions and leaves
 * @returns the step list (for pages), each state's parent with the event that leads to it, and the spec
 */
export function compile(tree: Tree) {
  const steps = new Map<string, StepInfo>();
  for (const [id, answers] of Object.entries(tree.questions)) {
    steps.set(id, {
      kind: 'question',
      id,
      answers: Object.entries(answers).map(([answer, to]) => ({ answer, to: tree.leaves[to] ? `${to}1` : to })),
    });
  }
  for (const [leaf, tries] of Object.entries(tree.leaves)) {
    tries.forEach(([fix, cause], i) => {
      const next = i + 1 < tries.length ? `${leaf}${i + 2}` : `${leaf}Help`;
      steps.set(`${leaf}${i + 1}`, { kind: 'outcome', id: `${leaf}${i + 1}`, leaf, n: i + 1, of: tries.length, fix, cause, next });
    });
    steps.set(`${leaf}Help`, { kind: 'help', id: `${leaf}Help`, leaf, tries });
  }
  steps.set(SOLVED, { kind: 'solved', id: SOLVED });

  // A tree: every state but the start (and "solved", reached from every outcome) has one parent.
  const parent = new Map<string, { from: string; event: string }>();
  const spec: Spec = { states: {}, parent: {} };
  for (const step of steps.values()) {
    const children: Array<[event: string, to: string]> =
      step.kind === 'question' ? step.answers.map((a) => [`answer.${a.answer}`, a.to]) : step.kind === 'outcome' ? [['outcome.no', step.next]] : [];
    const on: Record<string, Transition | Transition[]> = {};
    for (const [event, to] of children) {
      parent.set(to, { from: step.id, event });
      spec.parent[to] = step.id;
      on[event] = { target: to, actions: { type: 'advance', params: { to } } };
    }
    // Forward replays a kept later answer: exactly one child can be on the kept line.
    if (children.length > 0) on['wizard.forward'] = children.map(([, to]) => ({ target: to, guard: { type: 'keptLeadsTo', params: { to } } }));
    if (step.kind === 'outcome') on['outcome.yes'] = { target: SOLVED, actions: { type: 'advance', params: { to: SOLVED } } };
    spec.states[step.id] = step.kind === 'outcome' ? { meta: { fix: step.fix, cause: step.cause }, on } : { on };
  }
  for (const [id, { from }] of parent) spec.states[id]!.on['wizard.back'] = { target: from };
  return { steps: steps as ReadonlyMap<string, StepInfo>, parent: parent as ReadonlyMap<string, { from: string; event: string }>, spec };
}

/**
 * Builds the XState machine from its spec, with the tree helpers the guard, the view and the URL
 * codec need. Back goes to the parent; forward replays a kept later answer; restart clears
 * everything. Neither invoke nor delayed transitions: the model-based tests need a pure machine.
 * @param spec from compile() (or /wizard/machine.json in the browser)
 * @returns the machine, the spec, and path helpers
 */
export function createWizard(spec: Spec) {
  /** @returns the states from the start down to `id`, inclusive; [] for ids outside the tree (solved, unknown) */
  const pathTo = (id: string): string[] => {
    const path: string[] = [];
    for (let s: string | undefined = id; s; s = spec.parent[s]) {
      if (path.length > 99 || !spec.states[s]) return []; // unknown or cyclic: never loop
      path.unshift(s);
    }
    return path[0] === START ? path : [];
  };
  /** @returns whether `ancestor` lies on the path from the start to `id` (a state is its own ancestor) */
  const isAncestor = (ancestor: string, id: string): boolean => pathTo(id).includes(ancestor);
  const machine = setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
    },
    guards: {
      /** True when the kept line of later answers passes through `to`. */
      keptLeadsTo: ({ context }, params: { to: string }) => isAncestor(params.to, context.furthest),
    },
    actions: {
      /** Moving to `to`: keep the later answers if `to` is on them, else start a new line there. */
      advance: assign(({ context }, params: { to: string }) => ({ furthest: isAncestor(params.to, context.furthest) ? context.furthest : params.to })),
      reset: assign({ furthest: START }),
    },
  }).createMachine({
    id: 'wizard',
    initial: START,
    context: { furthest: START },
    on: { 'wizard.restart': { target: `.${START}`, actions: 'reset' } },
    states: spec.states,
  });
  return { machine, spec, pathTo, isAncestor };
}

/** The machine and path helpers, as the browser builds them too. */
export type Wizard = ReturnType<typeof createWizard>;

/** Everything built from QUESTIONS and LEAVES (not pure data, so bundles that only need createWizard drop it). */
function build() {
  const { steps, parent, spec } = compile(TREE);
  const w = createWizard(spec);
  /** @returns the StepInfo of a state id; throws for an id that is not in the machine */
  const stepOf = (id: string): StepInfo => {
    const step = steps.get(id);
    if (!step) throw new Error(`unknown wizard state ${id}`);
    return step;
  };
  /** @returns the audience branch a state belongs to (the answer to the first question), if any */
  const audienceOf = (id: string): Audience | undefined => parent.get(w.pathTo(id)[1] ?? '')?.event.slice(7) as Audience | undefined;
  return { ...w, steps, parent, stepOf, audienceOf };
}

/** The tree above as data. */
export const TREE: Tree = { questions: QUESTIONS, leaves: LEAVES };

/** The wizard built from TREE: machine, steps, parents and helpers, for pages and tests. */
export const WIZARD = /* @__PURE__ */ build();
