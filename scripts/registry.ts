// Builds the typed registry from content/: every article's front matter, the families, the tab sets
// and the wizard tree are validated (src/registry/schema.ts), cross-checked (every slug a page
// names exists and has the right type; cause ↔ fix links go both ways; the tree is a tree), and
// written to src/registry/registry.gen.ts (slug unions, titles, tab sets, cause → fixes, the
// compiled tree), src/registry/knowledge.gen.json (what the diagnoser reads: labels, default
// fixes, vendor error texts) and src/registry/words.gen.json (the words of each cause page, for
// the wizard's "type or paste" step) and src/registry/steps.gen.ts (the first steps of every fix
// page, read from its "## Steps" section, for the wizard's outcomes). The files are committed: the CLI and the type checker need
// them without a build, and a diff shows what a content change did to the registry.
//
//   node scripts/registry.ts          write the files (only when they change)
//   node scripts/registry.ts --check  exit 1 when they are stale (the tests run this)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, familiesSchema, messagesSchema, tabSetsSchema, treeSchema, type ArticleData, type MessagesData, type TreeData } from '../src/registry/schema.ts';
import { NAMED_CATEGORIES, type MessageKnowledge } from '../src/diagnose/rules/messages.ts';
import { GENERIC_CAUSE } from '../src/diagnose/rules/atlas.ts';
import { normalise as atlasNormalise } from '../src/diagnose/atlas.ts';
import { fixSteps, type FixSteps } from '../src/registry/fix-steps.ts';

const ROOT = join(import.meta.dirname, '..');
const CONTENT = join(ROOT, 'content');
/** Where the generated files go. */
export const OUT_TS = join(ROOT, 'src', 'registry', 'registry.gen.ts');
export const OUT_JSON = join(ROOT, 'src', 'registry', 'knowledge.gen.json');
export const OUT_WORDS = join(ROOT, 'src', 'registry', 'words.gen.json');
export const OUT_STEPS = join(ROOT, 'src', 'registry', 'steps.gen.ts');

/** A problem in content, said the way an author can act on it. */
class ContentError extends Error {}

type Article = { slug: string; file: string; data: ArticleData; body: string };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

function issues(file: string, error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => `${file}: ${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('\n');
}

function readYaml(file: string): unknown {
  try {
    return parseYaml(readFileSync(join(CONTENT, file), 'utf8'));
  } catch (e) {
    throw new ContentError(`content/${file}: ${(e as Error).message}`);
  }
}

/** @returns every article with validated front matter */
function readArticles(): Article[] {
  const errors: string[] = [];
  const out: Article[] = [];
  for (const path of walk(join(CONTENT, 'articles'))) {
    const file = relative(ROOT, path);
    const text = readFileSync(path, 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!m) {
      errors.push(`${file}: no front matter (the file must start with a --- block)`);
      continue;
    }
    let yaml: unknown;
    try {
      yaml = parseYaml(m[1] ?? '');
    } catch (e) {
      errors.push(`${file}: front matter is not valid YAML: ${(e as Error).message}`);
      continue;
    }
    const parsed = articleSchema.safeParse(yaml);
    if (!parsed.success) errors.push(issues(file, parsed.error));
    else out.push({ slug: path.replace(/^.*\//, '').replace(/\.mdx?$/, ''), file, data: parsed.data, body: text.slice(m[0].length) });
  }
  if (errors.length) throw new ContentError(errors.join('\n'));
  return out;
}

/** Words that only restate a failure ("401 Client Error: Unauthorized for url"): they identify nothing. */
const RESTATING_WORDS = new Set(
  ('401 403 407 http https status code error errors client server unauthorized unauthorised forbidden for url the a an to of is was ' +
    'returned response request failed authentication authorization required access denied message invalid not and or with your you ' +
    'this that in on at by remote fatal err warn info get post put bearer basic realm www authenticate description uri').split(' '),
);

/** @returns how many words of an error text say something beyond "it failed" */
const tellingWords = (text: string) => atlasNormalise(text).trim().split(' ').filter((w) => w.length > 1 && !RESTATING_WORDS.has(w)).length;

/**
 * Whether a service's error text or code means its cause even in a paste that does not name the
 * service (the diagnoser's atlas entry `alone`): a code with digits of six or more characters, a
 * code of three or more telling words (not_allowed_token_type), or a text with at least three.
 */
/**
 * An error text's ceiling on the diagnoser's confidence: the page's `tier`, else `medium` for a
 * text that only says the credential is invalid (expired? wrong service? mangled?): it names no
 * reason, so it cannot promise what "high" promises (docs/evaluation.md).
 */
const tierOf = (e: { cause: string; tier?: 'medium' | 'low' | undefined }) => {
  const tier = e.tier ?? (e.cause === GENERIC_CAUSE ? 'medium' : undefined);
  return tier ? { tier } : {};
};

const standsAlone = (e: { text?: string | undefined; code?: string | undefined }) =>
  e.code ? (/\d/.test(e.code) && e.code.length >= 6) || tellingWords(e.code.replace(/_/g, ' ')) >= 3 : tellingWords(e.text ?? '') >= 3;

/** Capitalised words in labels that name no service (pickers say "Corporate proxies", "Email apps"). */
const GENERIC_NAMES = new Set(['corporate', 'container', 'email', 'other', 'services', 'proxies', 'registries', 'apps', 'servers', 'proxy', 'firewall', 'azure', 'devops', 'docker', 'bolt']);

/** Words too common to tell causes apart when matching what a visitor typed. */
const STOP = new Set(
  ('the and for with that this from your you are was were not but can has have had its into when what which who will would there their ' +
    'they them then than also only just more most some such very been being does did doing any all each other over under about after ' +
    'before again once here how why where while our out off own same too use used using via per get gets got may might must should ' +
    'could one two see page site sign signs signed error errors request response server client http https 401 403 unauthorized').split(' '),
);

/** The question the wizard asks after a service is picked, when its error texts tell causes apart. */
const ERROR_QUESTION = {
  q: 'Which of these is closest to the message you see?',
  hint: 'Pick the one that matches, even roughly: the words matter, not the exact numbers or names. If none does, or there is no message, pick the last answer.',
  none: 'None of these, or I see no message',
};
/** At most this many messages (one per cause) are offered, so the question stays readable. */
const ERROR_GROUPS = 6;

/** How much more a word in the title, label, "why", quick fix or description counts than one in the body. */
const HEAD_WEIGHT = 3;
/** Words kept per cause page: its most telling ones by tf·idf (the cap holds the file near 30 KB gz). */
const WORDS_PER_CAUSE = 150;

/** @returns the lower-case words of a text that can tell causes apart (code spans split into words) */
function wordsIn(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/`[^`]*`/g, (m) => m.replace(/[^a-z0-9]+/g, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
}

/**
 * The words of every cause page with how often each occurs (heading fields count HEAD_WEIGHT
 * times), cut to each page's WORDS_PER_CAUSE most telling words. The wizard's "type or paste"
 * step ranks the pages against what a visitor typed with BM25 (src/diagnose/offer.ts).
 * @param causes the cause articles
 * @returns per cause, "word word:count …" (count left out when 1), most telling first
 */
function causeWords(causes: ReadonlyArray<Article & { data: { type: 'cause'; label: string; why: string; quickFix: string } }>): Record<string, string> {
  const counts = causes.map((c) => {
    const tf = new Map<string, number>();
    const head = [c.data.title, c.data.label, c.data.why, c.data.quickFix, c.data.description].join(' ');
    for (const w of wordsIn(head)) tf.set(w, (tf.get(w) ?? 0) + HEAD_WEIGHT);
    // The body without its links' addresses and components' markup, which are not the page's words.
    const body = c.body.replace(/\]\([^)]*\)/g, ']').replace(/<\/?[A-Z][^>]*>/g, ' ').replace(/https?:\/\/\S+/g, ' ');
    for (const w of wordsIn(body)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return [c.slug, tf] as const;
  });
  const df = new Map<string, number>();
  for (const [, tf] of counts) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(causes.length / (df.get(w) ?? 1));
  return Object.fromEntries(
    counts.map(([slug, tf]) => [
      slug,
      [...tf]
        .sort((a, b) => b[1] * idf(b[0]) - a[1] * idf(a[0]) || (a[0] < b[0] ? -1 : 1))
        .slice(0, WORDS_PER_CAUSE)
        .map(([w, n]) => (n > 1 ? `${w}:${n}` : w))
        .join(' '),
    ]),
  );
}

/**
 * Checks content/diagnose/messages.yaml beyond its schema (every cause exists, each category is
 * defined once before any entry that adds wordings, the categories the engine names exist) and
 * compiles it into what the engine reads: meanings by id, and the match order with each entry's
 * patterns joined into one alternation.
 * @param data the validated file
 * @param isCause whether a slug is a cause page
 * @param errors where problems are reported
 * @returns the knowledge file's `messages`
 */
function compileMessages(data: MessagesData, isCause: (s: string) => boolean, errors: string[]): MessageKnowledge {
  const F = 'content/diagnose/messages.yaml';
  const categories: MessageKnowledge['categories'] = {};
  const match: Array<MessageKnowledge['match'][number]> = [];
  for (const c of data.categories) {
    const first = !categories[c.id];
    if (first) {
      if (!c.cause || !c.title) errors.push(`${F}: ${c.id}: the first entry of a category needs \`cause\` and \`title\``);
      const when = (c.when ?? []).map(({ kinds, words, cause, title, bonus, detail }) => ({ ...(kinds ? { kinds } : {}), ...(words ? { words } : {}), cause, title, ...(bonus ? { bonus } : {}), ...(detail ? { detail } : {}) }));
      categories[c.id] = { cause: c.cause ?? '', title: c.title ?? '', ...(c.bonus ? { bonus: c.bonus } : {}), ...(c.detail ? { detail: c.detail } : {}), ...(c.tier ? { tier: c.tier } : {}), ...(when.length ? { when } : {}) };
    } else if (c.cause || c.title || c.bonus !== undefined || c.detail || c.tier || c.when) {
      errors.push(`${F}: ${c.id}: a later entry of a category adds \`patterns\` only (its meaning is set by the first)`);
    }
    for (const cause of [c.cause, ...(c.when ?? []).map((w) => w.cause)]) if (cause && !isCause(cause)) errors.push(`${F}: ${c.id}: ${cause} is not a cause page`);
    match.push({ id: c.id, pattern: c.patterns.join('|') });
  }
  for (const r of data.reclassify) {
    for (const id of [...r.from.filter((f) => f !== 'none'), r.to]) if (!categories[id]) errors.push(`${F}: reclassify: no category ${id}`);
  }
  for (const id of NAMED_CATEGORIES) if (!categories[id]) errors.push(`${F}: the diagnoser's code reads category ${id}; keep it`);
  return {
    categories,
    match,
    reclassify: data.reclassify.map(({ from, words, to }) => ({ from, words, to })),
    restate: data.restate.filter((r) => !r.page).map((r) => r.pattern),
    pages: data.restate.filter((r) => r.page).map((r) => r.pattern),
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Reads and checks all of content/ and renders the generated files.
 * @returns the TypeScript module, the JSON knowledge file, the cause words file and the fixes' first steps, as text
 */
export function build(): { ts: string; json: string; words: string; steps: string } {
  const articles = readArticles();
  const fam = familiesSchema.safeParse(readYaml('families.yaml'));
  if (!fam.success) throw new ContentError(issues('content/families.yaml', fam.error));
  const sets = tabSetsSchema.safeParse(readYaml('tab-sets.yaml'));
  if (!sets.success) throw new ContentError(issues('content/tab-sets.yaml', sets.error));
  const families = fam.data;
  const tabSets = sets.data;
  const treeParsed = treeSchema.safeParse(readYaml('wizard/tree.yaml'));
  if (!treeParsed.success) throw new ContentError(issues('content/wizard/tree.yaml', treeParsed.error));
  const tree: TreeData = treeParsed.data;
  const msgParsed = messagesSchema.safeParse(readYaml('diagnose/messages.yaml'));
  if (!msgParsed.success) throw new ContentError(issues('content/diagnose/messages.yaml', msgParsed.error));

  const errors: string[] = [];
  const bySlug = new Map<string, Article>();
  for (const a of articles) {
    if (bySlug.has(a.slug)) errors.push(`${a.file}: slug ${a.slug} is also used by ${bySlug.get(a.slug)?.file}`);
    bySlug.set(a.slug, a);
  }
  const ofType = <T extends ArticleData['type']>(...types: T[]) =>
    articles.filter((a): a is Article & { data: Extract<ArticleData, { type: T }> } => (types as string[]).includes(a.data.type));
  const causes = ofType('cause');
  const fixes = ofType('fix', 'server');
  const services = ofType('service');
  const isCause = (s: string) => bySlug.get(s)?.data.type === 'cause';
  const isFix = (s: string) => ['fix', 'server'].includes(bySlug.get(s)?.data.type ?? '');
  const familyIds = new Set(families.map((f) => f.id));
  const setIds = new Set(tabSets.map((s) => s.id));

  for (const a of articles) {
    for (const r of a.data.related) if (!bySlug.has(r)) errors.push(`${a.file}: related: no page ${r}`);
    for (const t of a.data.tabs) if (!setIds.has(t)) errors.push(`${a.file}: tabs: ${t} is not a tab set in content/tab-sets.yaml`);
  }
  for (const c of causes) {
    if (!familyIds.has(c.data.family)) errors.push(`${c.file}: family: ${c.data.family} is not in content/families.yaml`);
    for (const f of c.data.fixes) {
      if (!isFix(f)) errors.push(`${c.file}: fixes: ${f} is not a fix or server page`);
      else if (!(bySlug.get(f)?.data as { causes: string[] }).causes.includes(c.slug)) errors.push(`${bySlug.get(f)?.file}: causes: add ${c.slug} (that cause lists this fix)`);
    }
  }
  for (const f of fixes) {
    for (const c of f.data.causes) {
      if (!isCause(c)) errors.push(`${f.file}: causes: ${c} is not a cause page`);
      else if (!(bySlug.get(c)?.data as { fixes: string[] }).fixes.includes(f.slug)) errors.push(`${bySlug.get(c)?.file}: fixes: add ${f.slug} (that fix lists this cause)`);
    }
  }
  for (const s of services) {
    for (const c of s.data.causes) if (!isCause(c)) errors.push(`${s.file}: causes: ${c} is not a cause page`);
    for (const [aud, list] of Object.entries(s.data.causesFor ?? {})) {
      if (!s.data.audiences.includes(aud as (typeof s.data.audiences)[number])) errors.push(`${s.file}: causesFor: ${aud} is not among its audiences`);
      for (const c of list ?? []) if (!isCause(c)) errors.push(`${s.file}: causesFor.${aud}: ${c} is not a cause page`);
    }
    for (const e of s.data.errors) if (!isCause(e.cause)) errors.push(`${s.file}: errors: ${e.text ?? e.code}: cause ${e.cause} is not a cause page`);
  }

  const messages = compileMessages(msgParsed.data, isCause, errors);

  // The wizard shows each fix's first steps; they come from the page's own "## Steps" section.
  const tabOrder = Object.fromEntries(tabSets.map((s) => [s.id, s.panels]));
  const firstSteps: Record<string, FixSteps> = {};
  for (const f of fixes) {
    const steps = fixSteps(f.body, f.slug, tabOrder);
    if (typeof steps === 'string') errors.push(`${f.file}: ${steps}`);
    else firstSteps[f.slug] = steps;
  }

  // The tree: expand answers into leaves, check every reference, and that it is a tree from `start`.
  const T = 'content/wizard/tree.yaml';
  const questions: Record<string, Record<string, string>> = {};
  const leaves: Record<string, Array<[string, string]>> = {};
  const leafOrigin: Record<string, { list?: string; service?: string }> = {};
  const pastes: string[] = [];
  /** Per "type or paste" step: the likeliest causes for the answers that lead to it. */
  const pasteFallback: Record<string, Array<[string, string]>> = {};
  /** The generated "which of these messages" questions. */
  const messageQuestions: string[] = [];
  const camel = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  // A picker question lists the services of its audience first (ordered like the guide), then its own answers.
  type AnswerData = TreeData['questions'][string]['answers'][string];
  const withPicked = (question: TreeData['questions'][string]): Record<string, AnswerData> => ({
    ...(question.pick
      ? Object.fromEntries(
          services
            .filter((s) => s.data.audiences.includes(question.pick as (typeof s.data.audiences)[number]))
            .sort((a, b) => a.data.order - b.data.order || a.data.label.localeCompare(b.data.label))
            .map((s): [string, AnswerData] => [camel(s.slug), { label: s.data.label, short: s.data.label, service: s.slug }]),
        )
      : {}),
    ...question.answers,
  });
  const parents = new Map<string, string>();
  /** Copy of the questions the compiler adds (a service's "which message" question). */
  const generatedCopy: Record<string, { q: string; hint: string }> = {};
  /**
   * A service's "which of these messages" question: one answer per cause its documented error
   * texts name (in the order of `order`, the picker's common causes, at most ERROR_GROUPS), each labelled
   * with up to two of those texts as people see them, and "none of these". Undefined when the
   * texts name fewer than two causes: then the question could not tell anything apart.
   */
  const errorQuestion = (svc: (typeof services)[number], order: readonly string[]) => {
    const rank = (cause: string) => {
      const i = order.indexOf(cause);
      return i < 0 ? order.length : i;
    };
    const byCause = new Map<string, string[]>();
    for (const e of svc.data.errors) byCause.set(e.cause, [...(byCause.get(e.cause) ?? []), e.text ?? e.code ?? '']);
    // A cause whose every text the page gives a confidence ceiling (`tier`: it only says the
    // sign-in was refused) names no reason; its answer offers the likeliest cause first. Only the
    // page's own tier counts, not tierOf's implicit one for the generic cause: a visitor who picks
    // "invalid key" still most often has one (measured on the development split).
    const vague = new Set([...byCause.keys()].filter((c) => svc.data.errors.every((e) => e.cause !== c || e.tier !== undefined)));
    if (byCause.size < 2) return undefined;
    const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t);
    const groups = [...byCause]
      .sort((x, y) => rank(x[0]) - rank(y[0]) || (x[0] < y[0] ? -1 : 1))
      .slice(0, ERROR_GROUPS)
      .map(([cause, texts]) => {
        // The shortest texts read best as a label; a code is shown as it appears.
        const shown = [...new Set(texts)].sort((x, y) => x.length - y.length).slice(0, 2);
        return { id: camel(cause), cause, vague: vague.has(cause), label: shown.map((t) => `“${clip(t, 72)}”`).join(' or '), short: `“${clip(shown[0] ?? '', 36)}”` };
      });
    return [...groups, { id: 'noneOfThese', cause: undefined, vague: false, label: ERROR_QUESTION.none, short: 'No matching message' }];
  };
  /** Most answers a visitor may give on any path, counting each "No, next suggestion" (design §7). */
  const MAX_ANSWERS = 8;
  // Offers become tries: each names the fix to open (the offer's, else the cause's first fix not
  // already offered in this list — a page is never suggested twice; a cause whose fixes were all
  // offered already is covered by them), capped so the path to the escalation summary stays
  // within MAX_ANSWERS.
  const toTries = (where: string, offers: ReadonlyArray<{ cause: string; fix?: string | undefined }>, depth: number, capped: boolean) => {
    const tries: Array<[string, string]> = [];
    for (const o of offers) {
      if (!isCause(o.cause)) {
        errors.push(`${T}: ${where}: ${o.cause} is not a cause page`);
        continue;
      }
      const fixesOf = (bySlug.get(o.cause)?.data as { fixes: string[] }).fixes;
      if (o.fix && !isFix(o.fix)) errors.push(`${T}: ${where}: ${o.fix} is not a fix page`);
      else if (o.fix && !fixesOf.includes(o.fix)) errors.push(`${T}: ${where}: ${o.fix} is not among the fixes of ${o.cause}`);
      const used = new Set(tries.map(([f]) => f));
      const fix = o.fix ?? fixesOf.find((f) => !used.has(f));
      if (o.fix && used.has(o.fix)) errors.push(`${T}: ${where}: ${o.fix} is offered twice in one list`);
      if (fix && !used.has(fix)) tries.push([fix, o.cause]);
    }
    const room = MAX_ANSWERS - depth;
    if (tries.length > room) {
      if (!capped) errors.push(`${T}: ${where}: ${tries.length} suggestions after ${depth} answers; at most ${room} fit in ${MAX_ANSWERS} answers`);
      tries.length = room;
    }
    return tries;
  };
  // Answers needed to reach each question (start: 0), for the cap above.
  const depthOf = new Map<string, number>([['start', 0]]);
  const walkDepth = (q: string, d: number) => {
    for (const a of Object.values(tree.questions[q]?.answers ?? {})) if (a.next && !depthOf.has(a.next) && d < 20) (depthOf.set(a.next, d + 1), walkDepth(a.next, d + 1));
    // A service's "none of these" question comes after two answers: the service, then its message.
    for (const after of Object.values(tree.questions[q]?.none ?? {})) if (!depthOf.has(after) && d < 20) (depthOf.set(after, d + 2), walkDepth(after, d + 2));
  };
  walkDepth('start', 0);
  if (!tree.questions['start']) errors.push(`${T}: there must be a question called start`);
  const answersOf: Record<string, Record<string, { label: string; short: string }>> = {};
  for (const [q, question] of Object.entries(tree.questions)) {
    questions[q] = {};
    const all = withPicked(question);
    for (const svc of Object.keys(question.none ?? {})) if (!Object.values(all).some((x) => x.service === svc)) errors.push(`${T}: ${q}.none: ${svc} is not a service this question offers`);
    answersOf[q] = Object.fromEntries(Object.entries(all).map(([a, x]) => [a, { label: x.label, short: x.short }]));
    for (const [a, ans] of Object.entries(all)) {
      let to: string;
      if (ans.next !== undefined) {
        to = ans.next;
        if (!tree.questions[to]) errors.push(`${T}: ${q}.${a}: next: no question ${to}`);
      } else {
        to = `${q}${cap(a)}`;
        if (tree.questions[to]) errors.push(`${T}: ${q}.${a}: its outcome id ${to} is also a question id; rename one`);
        if (ans.paste) {
          pastes.push(to);
          // Typing the text is one more answer; the fallback follows up to three typed-text causes.
          if (ans.fallback) pasteFallback[to] = toTries(`${q}.${a} fallback`, ans.fallback, (depthOf.get(q) ?? 0) + 2, true);
        } else if (typeof ans.offers === 'string') {
          const list = tree.lists[ans.offers];
          if (!list) errors.push(`${T}: ${q}.${a}: offers: no list ${ans.offers}`);
          leaves[to] = toTries(`${q}.${a}`, list ?? [], (depthOf.get(q) ?? 0) + 1, false);
          leafOrigin[to] = { list: ans.offers };
        } else if (ans.offers) {
          leaves[to] = toTries(`${q}.${a}`, ans.offers, (depthOf.get(q) ?? 0) + 1, false);
          leafOrigin[to] = {};
        } else {
          const svc = services.find((s) => s.slug === ans.service);
          if (!svc) errors.push(`${T}: ${q}.${a}: service: no service page ${ans.service}`);
          // The picker's audience may have its own common causes (app users meet other ones).
          const common = ((question.pick && svc?.data.causesFor?.[question.pick]) || svc?.data.causes || []).map((cause) => ({ cause }));
          const depth = (depthOf.get(q) ?? 0) + 1;
          const asked = svc ? errorQuestion(svc, common.map((c) => c.cause)) : undefined;
          const after = ans.service ? question.none?.[ans.service] : undefined;
          if (after && !tree.questions[after]) errors.push(`${T}: ${q}.none: no question ${after}`);
          if (after && !asked) errors.push(`${T}: ${q}.none: ${ans.service} asks no message question to follow`);
          if (!asked) {
            // A service page lists its common causes; the wizard offers as many as fit.
            leaves[to] = toTries(`${q}.${a}`, common, depth, true);
            leafOrigin[to] = { service: ans.service ?? '' };
          } else {
            // The service's own error texts tell its causes apart: ask which one the visitor sees,
            // then offer that message's cause first (second, after the likeliest, for a message that
            // names no reason) and the service's other common causes after it.
            const next: Record<string, string> = {};
            const copyOf: Record<string, { label: string; short: string }> = {};
            for (const g of asked) {
              // "None of these" may lead to the tree's own question (the picker's `none`), which
              // tells the remaining situations apart; every other answer offers its causes.
              const leaf = !g.cause && after ? after : `${to}${cap(g.id)}`;
              if (leaf !== after) {
                // The message's own cause first, unless the message names no reason (a vague
                // one): then the service's likeliest cause comes before it.
                const rest = common.filter((c) => c.cause !== g.cause);
                const offers = !g.cause ? common : g.vague && rest[0] ? [rest[0], { cause: g.cause }, ...rest.slice(1)] : [{ cause: g.cause }, ...rest];
                leaves[leaf] = toTries(`${q}.${a} → ${g.id}`, offers, depth + 1, true);
                leafOrigin[leaf] = { service: ans.service ?? '' };
              }
              copyOf[g.id] = { label: g.label, short: g.short };
              next[g.id] = leaf;
              parents.set(leaf, to);
            }
            questions[to] = next;
            answersOf[to] = copyOf;
            generatedCopy[to] = { q: ERROR_QUESTION.q, hint: ERROR_QUESTION.hint };
            messageQuestions.push(to);
            depthOf.set(to, depth);
          }
        }
      }
      if (parents.has(to)) errors.push(`${T}: ${to} is reached from both ${parents.get(to)} and ${q}; each question has one parent (share a list instead)`);
      parents.set(to, q);
      questions[q][a] = to;
    }
  }
  const reached = new Set<string>();
  const visit = (id: string, depth: number) => {
    if (reached.has(id) || depth > 20) return;
    reached.add(id);
    for (const to of Object.values(questions[id] ?? {})) visit(to, depth + 1);
  };
  visit('start', 0);
  for (const q of Object.keys(tree.questions)) if (!reached.has(q)) errors.push(`${T}: question ${q} cannot be reached from start`);
  for (const l of Object.keys(tree.lists)) if (!Object.values(leafOrigin).some((o) => o.list === l)) errors.push(`${T}: list ${l} is offered by no answer`);
  if (errors.length) throw new ContentError([...new Set(errors)].join('\n'));

  const str = (v: unknown) => JSON.stringify(v);
  const union = (xs: readonly string[]) => (xs.length ? xs.map(str).join(' | ') : 'never');
  const obj = (entries: Array<[string, string]>) => `{\n${entries.map(([k, v]) => `  ${str(k)}: ${v},`).join('\n')}\n}`;
  const label = (a: Article) => a.data.navTitle ?? a.data.title;

  const ts = `// GENERATED by scripts/registry.ts from content/ — do not edit. Run \`npm run registry\` after
// changing content; the tests fail while this file is stale. Every slug, title, tab set and
// cause ↔ fix link here is written once, in content; code imports it from here (a wrong slug is a
// type error).

/** Every article slug (its URL is /guide/<slug>/). */
export type ArticleSlug = ${union(articles.map((a) => a.slug))};
/** Cause page slugs. */
export type CauseSlug = ${union(causes.map((c) => c.slug))};
/** Fix page slugs (types fix and server). */
export type FixSlug = ${union(fixes.map((f) => f.slug))};
/** Service page slugs. */
export type ServiceSlug = ${union(services.map((s) => s.slug))};
/** Family ids (content/families.yaml). */
export type FamilyId = ${union(families.map((f) => f.id))};
/** Tab set names (content/tab-sets.yaml). */
export type TabSetName = ${union(tabSets.map((s) => s.id))};
/** Who meets a cause or service. */
export type Audience = 'web' | 'app' | 'api' | 'server';

/** Tab sets and their panels, in display order. */
export const TAB_SETS = ${obj(tabSets.map((s) => [s.id, `${str(s.panels)} as const`]))} as const satisfies Record<TabSetName, ReadonlyArray<{ id: string; label: string }>>;

/** What each tab set is, for people. */
export const TAB_SET_LABELS: Readonly<Record<TabSetName, string>> = ${obj(tabSets.map((s) => [s.id, str(s.label)]))};

/** Families of causes: heading, and who can help when the suggestions run out. */
export const FAMILIES: Readonly<Record<FamilyId, { label: string; who: string }>> = ${obj(families.map((f) => [f.id, str({ label: f.label, who: f.who })]))};

/** A cause, as code sees it. */
export interface CauseEntry {
  /** Page title. */
  title: string;
  /** Short label for lists (front matter \`label\`). */
  label: string;
  /** Why it gives a 401, one sentence. */
  why: string;
  /** The action that usually fixes it, one sentence. */
  quickFix: string;
  family: FamilyId;
  audiences: readonly Audience[];
  /** Its fixes, best first; [0] is the default fix. */
  fixes: readonly [FixSlug, ...FixSlug[]];
}
/** Every cause page. */
export const CAUSES: Readonly<Record<CauseSlug, CauseEntry>> = ${obj(
    causes.map((c) => [c.slug, str({ title: c.data.title, label: c.data.label, why: c.data.why, quickFix: c.data.quickFix, family: c.data.family, audiences: c.data.audiences, fixes: c.data.fixes })]),
  )};

/** A fix, as code sees it. */
export interface FixEntry {
  /** Page title. */
  title: string;
  /** Short label: navTitle, else the title. */
  label: string;
  /** What the fix does, one sentence. */
  summary: string;
  /** fix (browser, app, developer) or server. */
  type: 'fix' | 'server';
  /** Tab sets the page carries; links pass the visitor's choice for each. */
  tabs: readonly TabSetName[];
  /** The causes it resolves. */
  causes: readonly CauseSlug[];
}
/** Every fix and server page. */
export const FIXES: Readonly<Record<FixSlug, FixEntry>> = ${obj(
    fixes.map((f) => [f.slug, str({ title: f.data.title, label: label(f), summary: f.data.summary, type: f.data.type, tabs: f.data.tabs, causes: f.data.causes })]),
  )};

/** A service, as code sees it (its error texts are in knowledge.gen.json). */
export interface ServiceEntry {
  title: string;
  label: string;
  aliases: readonly string[];
  audiences: readonly Audience[];
  /** Its common causes, likeliest first. */
  causes: readonly CauseSlug[];
  /** For some audiences, their own common causes (the wizard's picker for that audience uses them). */
  causesFor?: Readonly<Partial<Record<Audience, readonly CauseSlug[]>>>;
}
/** Every service page. */
export const SERVICES: Readonly<Record<ServiceSlug, ServiceEntry>> = ${obj(
    services.map((s) => [s.slug, str({ title: s.data.title, label: s.data.label, aliases: s.data.aliases, audiences: s.data.audiences, causes: s.data.causes, ...(s.data.causesFor ? { causesFor: s.data.causesFor } : {}) })]),
  )};

/** The tab sets each fix page carries, for links that open the visitor's tab. */
export const FIX_TABS: Readonly<Record<FixSlug, readonly TabSetName[]>> = ${obj(fixes.map((f) => [f.slug, str(f.data.tabs)]))};

/** A try on a wizard outcome list: the fix to open and the cause it addresses. */
export type Try = readonly [fix: FixSlug, cause: CauseSlug];

/** The wizard tree, compiled from content/wizard/tree.yaml. */
export const TREE: {
  /** Question id → (answer id → next question id or leaf id), answers in display order. */
  readonly questions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Leaf id → tries, likeliest first. */
  readonly leaves: Readonly<Record<string, readonly Try[]>>;
  /** "Type or paste what you see" steps: the diagnoser core offers the causes. */
  readonly pastes: readonly string[];
  /** "Which of these messages" questions after a service is picked: each answer offers that message's cause first (second, after the service's likeliest, when every text of it carries a confidence ceiling), then the service's other common causes (its last answer: all of them). */
  readonly messages: readonly string[];
  /** Per "type or paste" step: the likeliest causes for the answers that lead to it, offered after what the text points to. */
  readonly pasteFallback: Readonly<Record<string, readonly Try[]>>;
} = {
  questions: ${JSON.stringify(questions, null, 2).replace(/\n/g, '\n  ')},
  leaves: ${obj(Object.entries(leaves).map(([k, v]) => [k, str(v)])).replace(/\n/g, '\n  ')},
  pastes: ${str(pastes)},
  messages: ${str(messageQuestions)},
  pasteFallback: ${obj(Object.entries(pasteFallback).map(([k, v]) => [k, str(v)])).replace(/\n/g, '\n  ')},
};

/** The wizard's wording: per question, the question, a hint and each answer's label and short label. */
export const QUESTION_COPY: Readonly<Record<string, { q: string; hint?: string; a: Record<string, { label: string; short: string }> }>> = ${obj(
    Object.keys(questions).map((q) => {
      const v = tree.questions[q] ?? generatedCopy[q];
      return [q, str({ q: v?.q ?? q, ...(v?.hint ? { hint: v.hint } : {}), a: answersOf[q] })];
    }),
  )};
`;

  const knowledge = {
    // Label and default fix only: the "why" sentence is for the wizard's paste step, which has it
    // in the cause words file; the diagnoser's findings carry their own sentences.
    causes: Object.fromEntries(causes.map((c) => [c.slug, { label: c.data.label, fix: c.data.fixes[0] }])),
    fixes: Object.fromEntries(fixes.map((f) => [f.slug, { label: label(f), tabs: f.data.tabs }])),
    // By service page (AtlasData in src/diagnose/atlas.ts): the slug once, not in every entry. A
    // text made only of words any server prints ("Unauthorized", "401") stays on its service page
    // for visitors to recognise, but is left out here: such words say nothing of the cause, so the
    // diagnoser does not match them, even in a paste that names the vendor.
    errors: Object.fromEntries(services.filter((s) => s.data.errors.length > 0).map((s) => [s.slug,
      s.data.errors.filter((e) => !(e.text && tellingWords(e.text) === 0)).map((e) => ({ ...(e.text ? { text: e.text } : { code: e.code }), ...(e.status ? { status: e.status } : {}), cause: e.cause, means: e.means, ...tierOf(e), ...(standsAlone(e) ? { alone: true } : {}) })),
    ])),
    messages,
    // Credential shapes, to name a token and spot one sent to another service's host.
    tokens: services.flatMap((s) => s.data.tokens.map((t) => ({ name: t.name, pattern: t.pattern, hosts: t.hosts }))),
    // Names that show a paste comes from this service: the label's proper nouns and the aliases
    // that are host names or proper nouns (lower-case phrases like "git push" are too common).
    services: Object.fromEntries(
      services.map((s) => [
        s.slug,
        {
          label: s.data.label,
          names: [...new Set([...(s.slug.includes('-') ? [] : [s.slug]), ...[...s.data.label.split(/[\s,()]+/), ...s.data.aliases].filter((n) => (/\./.test(n) || /^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(n) || /^[A-Z]+\d{3,}$/.test(n)) && n.length >= 4 && !GENERIC_NAMES.has(n.toLowerCase())).map((n) => n.toLowerCase())])],
        },
      ]),
    ),
  };
  const steps = `// GENERATED by scripts/registry.ts from the "## Steps" section of every fix page — do not edit.
// Run \`npm run registry\` after changing content; the tests fail while this file is stale. Read at
// build time only (src/wizard/render.ts): the wizard's outcomes show these first steps.
import type { FixSteps } from './fix-steps.ts';
import type { FixSlug } from './registry.gen.ts';

/** Each fix page's first steps, per tab where they differ by tab (see src/registry/fix-steps.ts). */
export const FIX_STEPS: Readonly<Record<FixSlug, FixSteps>> = ${JSON.stringify(firstSteps, null, 2)};
`;
  return { ts, json: `${JSON.stringify(knowledge, null, 1)}\n`, words: `${JSON.stringify({ causes: causeWords(causes), audiences: Object.fromEntries(causes.map((c) => [c.slug, c.data.audiences])), why: Object.fromEntries(causes.map((c) => [c.slug, c.data.why])) }, null, 1)}\n`, steps };
}

const read = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};

if (import.meta.main) {
  try {
    const out = build();
    const files = [[OUT_TS, out.ts], [OUT_JSON, out.json], [OUT_WORDS, out.words], [OUT_STEPS, out.steps]] as const;
    const stale = files.filter(([f, text]) => read(f) !== text).map(([f]) => f);
    if (process.argv.includes('--check')) {
      if (stale.length) {
        console.error(`registry: ${stale.map((f) => relative(ROOT, f)).join(', ')} stale; run npm run registry`);
        process.exit(1);
      }
    } else if (stale.length) {
      for (const [f, text] of files) if (stale.includes(f)) writeFileSync(f, text);
      console.log(`registry: wrote ${stale.map((f) => relative(ROOT, f)).join(', ')}`);
    }
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    console.error(`registry: content has problems:\n${e.message}`);
    process.exit(1);
  }
}
