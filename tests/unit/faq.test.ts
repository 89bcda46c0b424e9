import { describe, expect, it } from 'vitest';
import { faqPageJsonLd, htmlToText, jsonForScript, parseFaqHtml } from '../../src/lib/faq.ts';

// What <Faq> receives: Markdown rendered by MDX, with h2s carrying the self-link of src/markdown/heading-anchors-plugin.ts.
const rendered = [
  '<h2 id="what-does-401-mean">What does 401 mean?<a class="heading-anchor" href="#what-does-401-mean" aria-label="Link to section: What does 401 mean?"><span aria-hidden="true">#</span></a></h2>',
  '<p>The request lacked <a href="/guide/what-is-401/">valid credentials</a>. Check <code>WWW-Authenticate</code> &amp; the body.</p>',
  '<h2 id="is-401-my-fault">Is 401 my fault?</h2>',
  '<p>Often not &#8212; see <em>below</em>.</p>\n<ul><li>one</li><li>two</li></ul>',
].join('\n');

describe('parseFaqHtml', () => {
  it('pairs each h2 with the content up to the next one, as plain text', () => {
    expect(parseFaqHtml(rendered)).toEqual([
      { id: 'what-does-401-mean', question: 'What does 401 mean?', answer: 'The request lacked valid credentials. Check WWW-Authenticate & the body.' },
      { id: 'is-401-my-fault', question: 'Is 401 my fault?', answer: 'Often not — see below. one two' },
    ]);
  });

  it('refuses an FAQ without questions, with text before the first one, or with an empty answer', () => {
    expect(() => parseFaqHtml('<p>Just text</p>')).toThrow(/at least one/);
    expect(() => parseFaqHtml('<p>Intro</p><h2 id="q">Q?</h2><p>A.</p>')).toThrow(/must start/);
    expect(() => parseFaqHtml('<h2 id="q">Q?</h2>\n<h2 id="r">R?</h2><p>A.</p>')).toThrow(/"Q\?" has no answer/);
  });
});

describe('htmlToText', () => {
  it('decodes named and numeric entities and drops tags without gluing words', () => {
    expect(htmlToText('a&lt;b&gt; &quot;c&quot; &#39;d&#x27; <b>e</b><i>f</i>')).toBe('a<b> "c" \'d\' e f');
  });
  it('keeps punctuation attached after inline markup', () => {
    expect(htmlToText('See <a href="/x/">the guide</a>.')).toBe('See the guide.');
  });
});

describe('FAQPage JSON-LD', () => {
  it('has one Question per entry with its plain-text answer', () => {
    const ld = faqPageJsonLd(parseFaqHtml(rendered));
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity).toHaveLength(2);
    expect(ld.mainEntity[1]).toEqual({ '@type': 'Question', name: 'Is 401 my fault?', acceptedAnswer: { '@type': 'Answer', text: 'Often not — see below. one two' } });
  });

  it('cannot be closed early by text inside it', () => {
    const json = jsonForScript(faqPageJsonLd([{ id: 'x', question: '</script><script>alert(1)</script>', answer: 'x' }]));
    expect(json).not.toContain('</script');
    expect(JSON.parse(json).mainEntity[0].name).toBe('</script><script>alert(1)</script>');
  });
});
