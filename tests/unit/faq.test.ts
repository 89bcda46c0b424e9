import { describe, expect, it } from 'vitest';
import { answerHtml, answerText, faqPageJsonLd, jsonForScript, questionId, tokenize, validateFaq } from '../../src/lib/faq.ts';

describe('FAQ answers', () => {
  const answer = 'Usually not. See [401 vs 403](/guide/status-codes-compared/#401-vs-403) and check `WWW-Authenticate` <first>.';

  it('renders links and code as HTML and escapes everything else', () => {
    expect(answerHtml(answer)).toBe(
      'Usually not. See <a href="/guide/status-codes-compared/#401-vs-403">401 vs 403</a> and check <code>WWW-Authenticate</code> &lt;first&gt;.',
    );
  });

  it('gives the same answer as plain text for JSON-LD', () => {
    expect(answerText(answer)).toBe('Usually not. See 401 vs 403 and check WWW-Authenticate <first>.');
  });

  it('refuses links that are neither site-relative nor https', () => {
    expect(() => tokenize('[x](javascript:alert(1))')).toThrow(/must start with/);
    expect(() => tokenize('[x](http://example.com/)')).toThrow(/must start with/);
    expect(tokenize('[x](https://www.rfc-editor.org/rfc/rfc9110.html)')[0]).toMatchObject({ kind: 'link' });
  });

  it('escapes quotes inside link targets and text', () => {
    expect(answerHtml('[a "b"](/x/?q="y")')).toBe('<a href="/x/?q=&quot;y&quot;">a &quot;b&quot;</a>');
  });
});

describe('FAQPage JSON-LD', () => {
  const items = [
    { q: 'What does 401 Unauthorized mean?', a: 'The request lacked [valid credentials](/guide/what-is-401/).' },
    { q: 'Is 401 my fault?', a: 'Often not.' },
  ];

  it('has one Question per item with the plain-text answer', () => {
    const ld = faqPageJsonLd(items);
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity).toHaveLength(2);
    expect(ld.mainEntity[0]).toEqual({
      '@type': 'Question',
      name: 'What does 401 Unauthorized mean?',
      acceptedAnswer: { '@type': 'Answer', text: 'The request lacked valid credentials.' },
    });
  });

  it('cannot be closed early by text inside it', () => {
    const json = jsonForScript(faqPageJsonLd([{ q: '</script><script>alert(1)</script>', a: 'x' }]));
    expect(json).not.toContain('</script');
    expect(JSON.parse(json).mainEntity[0].name).toBe('</script><script>alert(1)</script>');
  });
});

describe('validateFaq and questionId', () => {
  it('makes fragment-safe ids', () => {
    expect(questionId('Why do I get 401 in Postman but not in the browser?')).toBe('why-do-i-get-401-in-postman-but-not-in-the-browser');
  });
  it('rejects empty lists, empty answers and duplicate ids', () => {
    expect(() => validateFaq([])).toThrow();
    expect(() => validateFaq([{ q: 'Q?', a: ' ' }])).toThrow();
    expect(() => validateFaq([{ q: 'Same?', a: 'a' }, { q: 'same', a: 'b' }])).toThrow(/share the id/);
    expect(() => validateFaq([{ q: 'Q?', a: 'ok' }])).not.toThrow();
  });
});
