import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { headingAnchor } from '../../../src/markdown/heading-anchors-plugin.ts';
import { faqPlugin } from '../../../src/markdown/faq-plugin.ts';
import { faqEntries, faqPageJsonLd, jsonForScript } from '../../../src/lib/faq.ts';
import { component, prop, runPlugin } from './support.ts';

// What the FAQ plugin sees inside <Faq>: Markdown turned into hast, the headings already carrying
// their ids and the self-links of src/markdown/heading-anchors-plugin.ts.
const question = (id: string, text: string) => h('h2', { id }, [text, headingAnchor(id, text)]);
const faq = (): ElementContent[] => [
  { type: 'text', value: '\n' },
  question('what-does-401-mean', 'What does 401 mean?'),
  h('p', ['The request lacked ', h('a', { href: '/guide/what-is-401/' }, 'valid credentials'), '. Check ', h('code', 'WWW-Authenticate'), ' & the ', h('strong', 'body'), '.']),
  question('is-401-my-fault', 'Is 401 my fault?'),
  h('p', ['Often not — see ', h('em', 'below'), '.']),
  h('ul', [h('li', 'one'), h('li', ['a', h('code', '.netrc'), ' file'])]),
];

describe('faqEntries', () => {
  it('pairs each h2 with the content up to the next one, as the plain text a reader sees', () => {
    expect(faqEntries(faq())).toEqual([
      { id: 'what-does-401-mean', question: 'What does 401 mean?', answer: 'The request lacked valid credentials. Check WWW-Authenticate & the body.' },
      { id: 'is-401-my-fault', question: 'Is 401 my fault?', answer: 'Often not — see below. one a.netrc file' },
    ]);
  });

  it('refuses an FAQ without questions, with text before the first one, or with an empty answer', () => {
    expect(() => faqEntries([h('p', 'Just text')])).toThrow(/at least one/);
    expect(() => faqEntries([h('p', 'Intro'), question('q', 'Q?'), h('p', 'A.')])).toThrow(/must start/);
    expect(() => faqEntries([question('q', 'Q?'), { type: 'text', value: '\n' }, question('r', 'R?'), h('p', 'A.')])).toThrow(/"Q\?" has no answer/);
    expect(() => faqEntries([h('h2', 'No id'), h('p', 'A.')])).toThrow(/no id/);
  });
});

describe('faqPlugin', () => {
  it('hands <Faq> the FAQPage JSON-LD of its own questions and answers', () => {
    const node = component('Faq', {}, faq());
    runPlugin(faqPlugin(), h(null, [node]));
    const ld = JSON.parse(String(prop(node, 'jsonLd')));
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity).toHaveLength(2);
    expect(ld.mainEntity[1]).toEqual({ '@type': 'Question', name: 'Is 401 my fault?', acceptedAnswer: { '@type': 'Answer', text: 'Often not — see below. one a.netrc file' } });
  });

  it('JSON-LD cannot be closed early by text inside it', () => {
    const json = jsonForScript(faqPageJsonLd([{ id: 'x', question: '</script><script>alert(1)</script>', answer: 'x' }]));
    expect(json).not.toContain('</script');
    expect(JSON.parse(json).mainEntity[0].name).toBe('</script><script>alert(1)</script>');
  });
});
