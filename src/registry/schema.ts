// The shapes of everything authors write in content/: article front matter (one schema per page
// type, selected by `type`), families, tab sets and the wizard's tree. Imports only zod, so the same
// schemas validate the Astro collection (src/content.config.ts) and the registry generator
// (scripts/registry.ts), which runs under plain Node. Messages are written for the author.
import { z } from 'astro/zod';

/** Who meets a cause or a service: a person in a browser, in an app, a developer, a server operator. */
export const audiences = ['web', 'app', 'api', 'server'] as const;

/** A page slug: the file name, lower-case words joined by hyphens. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case words joined by hyphens, e.g. clear-cookies');

const source = z.strictObject(
  {
    /** Human title of the source, e.g. "RFC 9110 §15.5.2 401 Unauthorized". */
    title: z.string({ error: 'each source needs a title' }).min(3, 'a source title must be at least 3 characters'),
    /** Absolute https URL of the primary source (RFC, vendor help page, browser source). */
    url: z.url({ protocol: /^https$/, error: 'a source url must be an absolute https:// URL' }),
  },
  { error: 'each source must be { title, url }' },
);

/** Fields every article has, whatever its type. */
const base = {
  /** Page title, shown as the h1 and in <title>. 5–80 characters. */
  title: z.string().min(5, 'title must be at least 5 characters').max(80, 'title must be at most 80 characters'),
  /** One-sentence summary for search results and social cards. 50–170 characters. */
  description: z
    .string()
    .min(50, 'description must be 50–170 characters (it is the search-result snippet)')
    .max(170, 'description must be 50–170 characters (it is the search-result snippet)'),
  /** Sort order within its sidebar section (lower first). */
  order: z.number().int().default(100),
  /** Short label for the sidebar, breadcrumbs and (fix pages) the wizard's "Try this"; defaults to the title. */
  navTitle: z.string().max(40, 'navTitle must be at most 40 characters').optional(),
  /** Date a person last checked every claim on the page against its sources (YYYY-MM-DD). */
  reviewed: z.coerce.date({ error: 'reviewed must be a date like 2026-11-28' }),
  /** Primary sources for the claims on this page. At least one. */
  sources: z.array(source).min(1, 'sources must list at least one primary source'),
  /** Slugs of other related articles to list under "See also". */
  related: z.array(slug).default([]),
  /** Tab sets this page shows (ids from content/tab-sets.yaml); the content tests check every panel of each set is present. */
  tabs: z.array(z.string()).default([]),
};

const audienceList = z.array(z.enum(audiences, { error: `audiences are: ${audiences.join(', ')}` })).min(1, 'list at least one audience');

/** A cause page: what went wrong, with its own short data that the wizard and the diagnoser show. */
const cause = z.strictObject({
  ...base,
  type: z.literal('cause'),
  /** Short label (≤ 60 characters) for wizard outcomes and diagnoser findings: "Your session has ended". */
  label: z.string().min(5).max(60, 'label must be at most 60 characters'),
  /** One sentence (≤ 220 characters): why this ends in a 401 (or a lookalike). */
  why: z.string().min(20).max(220, 'why must be one sentence of at most 220 characters'),
  /** One imperative sentence (≤ 220 characters), shown under the title: the action that usually fixes it. */
  quickFix: z.string().min(20).max(220, 'quickFix must be one sentence of at most 220 characters'),
  /** Family id from content/families.yaml (groups causes, and says who can help). */
  family: z.string(),
  /** Who meets this cause. */
  audiences: audienceList,
  /** Fix page slugs that resolve this cause, best first. The first is the default fix everywhere. */
  fixes: z.array(slug).min(1, 'a cause needs at least one fix page in `fixes`'),
});

/** A fix page (type fix: browser, app and developer fixes; type server: for server operators). */
const fix = z.strictObject({
  ...base,
  type: z.enum(['fix', 'server']),
  /** One sentence (≤ 170 characters): what the fix does, shown on wizard outcomes and findings. */
  summary: z.string().min(20).max(170, 'summary must be one sentence of at most 170 characters'),
  /** Cause page slugs this fix resolves; each of those causes must list this fix too. */
  causes: z.array(slug).min(1, 'a fix must name at least one cause it resolves in `causes`'),
});

/** One error text or code a service prints: data the guide shows and the diagnoser matches. */
const serviceError = z
  .strictObject({
    /** The exact distinctive text as the service prints it (≥ 12 characters); matched case- and space-insensitively. */
    text: z.string().min(12, 'an error text must be at least 12 characters, distinctive enough to match').optional(),
    /** A vendor-specific code (AADSTS50173, IDX10223): matched as a whole word. */
    code: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{3,}$/, 'a code is one token like AADSTS50173').optional(),
    /** HTTP status it comes with, when known. */
    status: z.number().int().min(100).max(599).optional(),
    /** Cause page slug this error means. */
    cause: slug,
    /** One sentence in our words: what the error means. */
    means: z.string().min(10).max(240),
    /**
     * Ceiling on the diagnoser's confidence when it matches this text: `medium` for a client's own
     * report that it was refused ("Response status code does not indicate success: 401"), whose
     * `cause` is only the likeliest of several. In the wizard's "which message" question, a
     * message whose every text has a ceiling offers the service's likeliest cause before its own.
     */
    tier: z.enum(['medium', 'low']).optional(),
    /** Where this exact text or code is documented or shown. */
    source: z.url({ protocol: /^https$/, error: 'an error source must be an absolute https:// URL' }),
  })
  .refine((e) => (e.text === undefined) !== (e.code === undefined), 'give an error either `text` or `code`, not both');

/**
 * A JavaScript regular expression's source, as content writes it for the diagnoser: it must
 * compile, and it must run in linear time on a long paste.
 */
const regexSource = z.string().min(2).refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression')
  // A repeated group that itself repeats ((a+)+) can take exponential time on a long paste.
  .refine((p) => !/\([^()]*[*+][^()]*\)(?:[*+]|\{\d+,\})/.test(p), 'nested repetition ((a+)+) can take exponential time; bound the gap instead (.{0,40})');

/** The shape of a credential a service issues, so the diagnoser can name it and spot it sent elsewhere. */
const tokenShape = z.strictObject({
  /** What to call it in a sentence ("a GitHub credential"): the service or the key's own name. */
  name: z.string().min(3).max(40),
  /** Regular expression for the whole credential, anchored (^…$): its documented prefix and length. */
  pattern: regexSource.refine((s) => s.startsWith('^') && s.endsWith('$'), 'anchor the pattern with ^ and $'),
  /** Regular expression for the hosts that accept it (tested on the lower-case host, with any port). */
  hosts: regexSource,
  /** Where the format is documented. */
  source: z.url({ protocol: /^https$/, error: 'a token source must be an absolute https:// URL' }),
});

/** A service page: one service or tool (GitHub, Docker Hub, kubectl …) and the 401s it gives. */
const service = z.strictObject({
  ...base,
  type: z.literal('service'),
  /** The service's short name (≤ 30 characters), as the wizard's picker shows it. */
  label: z.string().min(2).max(30, 'label must be at most 30 characters'),
  /** Words people search with: product names, commands, hosts. */
  aliases: z.array(z.string()).default([]),
  /** Who meets its 401s; decides which wizard pickers list it. */
  audiences: audienceList,
  /** Its most common causes, likeliest first; the wizard offers them in this order. */
  causes: z.array(slug).min(1, 'a service lists its common causes'),
  /**
   * For one audience, a different order (or set) of common causes: people in an app meet other
   * causes than developers calling the same service's API. The wizard's picker for that audience
   * uses it instead of `causes`.
   */
  causesFor: z.partialRecord(z.enum(['web', 'app', 'api', 'server']), z.array(slug).min(1)).optional(),
  /** The exact error texts and codes it prints, with what they mean. */
  errors: z.array(serviceError).default([]),
  /** The shapes of the credentials it issues (by documented prefix), for the diagnoser. */
  tokens: z.array(tokenShape).default([]),
});

/** Every other page type: free outline, no registry data. */
const other = z.strictObject({
  ...base,
  type: z.enum(['concept', 'method', 'platform', 'compare', 'prevention', 'faq']),
});

/** Article front matter: the `type` field selects the schema. */
export const articleSchema = z.discriminatedUnion('type', [cause, fix, service, other], {
  error: 'type must be one of: concept, method, platform, compare, cause, fix, server, service, prevention, faq',
});

/** Article front matter after validation. */
export type ArticleData = z.output<typeof articleSchema>;

/** content/families.yaml: the families causes belong to. */
export const familiesSchema = z.array(
  z.strictObject({
    /** Stable id that causes name in `family`. */
    id: slug,
    /** Heading on the guide index. */
    label: z.string().min(5),
    /** Who can help when the wizard's suggestions for this family run out (completes "ask …"). */
    who: z.string().min(10),
  }),
);

/** content/tab-sets.yaml: the tab sets fix pages carry. */
export const tabSetsSchema = z.array(
  z.strictObject({
    /** Set name: `<Tabs set="…">`, the URL parameter and the storage key. Never rename. */
    id: z.string().regex(/^[a-z]+$/, 'a tab set id is one lower-case word'),
    /** What the set is, for people (the wizard's setup bar). */
    label: z.string().min(2),
    /** The panels, in display order. */
    panels: z
      .array(
        z.strictObject({
          /** Panel id: `<TabPanel id="…">`, the URL value and the stored choice. Never rename. */
          id: slug,
          /** Visible label. */
          label: z.string().min(2),
        }),
      )
      .min(2),
  }),
);

/** One thing the wizard offers on an outcome list: a cause, and the fix to try (default: the cause's first). */
const offer = z.strictObject({
  /** Cause page slug. */
  cause: slug,
  /** Fix page slug, when it should not be the cause's first fix. */
  fix: slug.optional(),
});

const answerId = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'an answer id is a camelCase word, e.g. notSure');

/** One answer of a question: where it leads. */
const answer = z
  .strictObject({
    /** The answer as the visitor reads it. */
    label: z.string().min(2),
    /** A short form for the breadcrumb of answers. */
    short: z.string().min(2).max(60),
    /** The next question's id. */
    next: z.string().optional(),
    /** The outcome list this answer offers: a list id from `lists`, or the list itself. */
    offers: z.union([z.string(), z.array(offer).min(1)]).optional(),
    /** Offer a service's common causes (its `causes`, in order): a service page slug. */
    service: slug.optional(),
    /** Ask the visitor to type or paste what they see; the diagnoser core and the error atlas offer the causes. */
    paste: z.literal(true).optional(),
    /**
     * With `paste`: the likeliest causes for what the visitor answered so far, shown on the step
     * under the form (with or without JavaScript) and after the causes the text points to.
     */
    fallback: z.array(offer).min(1).optional(),
  })
  .refine((a) => [a.next, a.offers, a.service, a.paste].filter((x) => x !== undefined).length === 1, 'an answer needs exactly one of `next`, `offers`, `service` or `paste: true`')
  .refine((a) => a.fallback === undefined || a.paste === true, '`fallback` goes with `paste: true` only');

/** content/wizard/tree.yaml: the questions and the outcome lists they lead to. */
export const treeSchema = z.strictObject({
  /** Question id → the question. The first question is `start`. */
  questions: z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a question id is a camelCase word, e.g. webSymptom'),
    z.strictObject({
      /** The question: the step's heading. */
      q: z.string().min(5),
      /** Optional help under the question. */
      hint: z.string().optional(),
      /** Answer id → answer, in display order (after the picked services, when `pick` is set). */
      answers: z.record(answerId, answer),
      /** Also offer, first, every service page whose audiences include this one (a picker that grows with the services). */
      pick: z.enum(audiences).optional(),
      /**
       * With `pick`: service page slug → the question to ask when the visitor sees none of that
       * service's messages, instead of offering its common causes (for a service whose "none of
       * these" still covers several situations that one more answer tells apart).
       */
      none: z.record(slug, z.string()).optional(),
    }),
  ),
  /** Named outcome lists, likeliest first, that several answers may share. */
  lists: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.array(offer).min(1)).default({}),
});

/** The wizard tree as authors wrote it, after validation. */
export type TreeData = z.output<typeof treeSchema>;

/** What a request sent, as the diagnoser tells credentials apart (src/diagnose/rules/context.ts `CredKind`). */
export const credKinds = ['basic', 'bearer', 'digest', 'negotiate', 'other-scheme', 'key', 'cookie', 'none', 'unknown'] as const;

/** A regular expression over normalised message text (lower-case, punctuation turned into spaces). */
const pattern = regexSource;

const categoryId = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'a category id is lower-case words joined by hyphens, e.g. aws-signature');

/** What a message category means: the cause, the finding's sentence and its weight. */
const meaning = {
  /** Cause page slug this category means. */
  cause: slug,
  /** The finding's sentence, in our words (≤ 200 characters). */
  title: z.string().min(10).max(200),
  /** Added to the score of a message finding (-20…20): specific causes rank above generic ones. */
  bonus: z.number().int().min(-20).max(20).default(0),
};

/** One category of error messages, in priority order. */
const messageCategory = z
  .strictObject({
    /** Category id; the finding's rule is `message-<id>`. */
    id: categoryId,
    /** Cause page slug this category means (required on a category's first entry). */
    cause: slug.optional(),
    /** The finding's sentence (required on a category's first entry). */
    title: meaning.title.optional(),
    /** Added to the score of a message finding. */
    bonus: z.number().int().min(-20).max(20).optional(),
    /** The explanation the page and the CLI print under the finding (≤ 300 characters). */
    detail: z.string().min(10).max(300).optional(),
    /**
     * The most a finding from this wording can promise (docs/evaluation.md): `low` for words that
     * only restate the failure ("invalid credentials"), `medium` for wordings that fit other causes
     * too. Without it, the score decides.
     */
    tier: z.enum(['medium', 'low']).optional(),
    /** Alternatives that apply instead of the meaning above, first match wins. */
    when: z
      .array(
        z.strictObject({
          ...meaning,
          /** Applies when the request sent one of these credential kinds … */
          kinds: z.array(z.enum(credKinds)).optional(),
          /** … or when the (normalised) message matches this pattern. */
          words: pattern.optional(),
          /** Its own explanation, when the category's does not fit it. */
          detail: z.string().min(10).max(300).optional(),
        }).refine((w) => w.kinds !== undefined || w.words !== undefined, 'a `when` alternative needs `kinds` or `words`'),
      )
      .optional(),
    /** Wordings that mean this category (alternatives; the first category with a match wins). */
    patterns: z.array(pattern).min(1),
  });

/** content/diagnose/messages.yaml: what error messages mean, by their wording. */
export const messagesSchema = z.strictObject({
  /** The categories in priority order (specific before generic). A later entry with the same id adds wordings only. */
  categories: z.array(messageCategory).min(1),
  /** Second readings once a category matched. */
  reclassify: z
    .array(
      z.strictObject({
        /** Categories this applies to; `none` when no category matched. */
        from: z.array(z.union([categoryId, z.literal('none')])).min(1),
        /** Patterns that must all match the message. */
        words: z.array(pattern).min(1),
        /** The category it then means. */
        to: categoryId,
        /** Why, with an example wording (for authors; not shipped). */
        why: z.string().min(10),
      }),
    )
    .default([]),
  /** Messages that name no cause (they restate the status) and servers' stock pages. */
  restate: z
    .array(
      z.strictObject({
        /** Matched against the whole normalised message. */
        pattern,
        /** A stock page: a body containing it says nothing, whatever else it blames. */
        page: z.literal(true).optional(),
        /** What it is (for authors; not shipped). */
        why: z.string().optional(),
        /** Where the text comes from. */
        source: z.url({ protocol: /^https$/ }).optional(),
      }),
    )
    .default([]),
});

/** content/diagnose/messages.yaml after validation. */
export type MessagesData = z.output<typeof messagesSchema>;
