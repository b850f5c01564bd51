import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { anchorProblems, anchorsInPage, manifestEntry, paragraphText } from '../../../src/lib/record/anchor-manifest.ts';
import { hashText } from '../../../src/lib/record/fingerprint.ts';

const PAGE = `<!doctype html><html><body><nav><p id="p9">Not in the letter</p></nav><article>
<p id="p1"><a class="paragraph-link" href="#p1" data-pagefind-ignore><span class="visually-hidden">Link to paragraph </span>1</a>First   paragraph.</p>
<ul><li id="p2"><a class="paragraph-link" href="#p2" data-pagefind-ignore>2</a>An item.</li></ul>
<h2 id="heading">Heading</h2>
</article></body></html>`;

describe('anchor manifest', () => {
  it('reads the anchors of a report page without their permalink controls', () => {
    expect(anchorsInPage(PAGE)).toEqual([
      { id: 'p1', text: 'First paragraph.' },
      { id: 'p2', text: 'An item.' },
    ]);
  });

  it('reads the anchors of a report with Ofsted’s own numbers: sK, pN and pN-k, not a heading’s id', () => {
    const page = `<article><p id="s1">Summary.</p><h2 id="summary-of-judgements">H</h2><p id="p6">6. Six.</p><ul><li id="p6-1">A point.</li></ul><p id="p6x">Not an anchor.</p></article>`;
    expect(anchorsInPage(page).map((anchor) => anchor.id)).toEqual(['s1', 'p6', 'p6-1']);
  });

  it('keeps every list in the words of a whole letter: only a list item leaves out the list nested in it', () => {
    const article = select('article', fromHtml(`<article><p id="p1">Areas:</p><ul><li id="p2">One<ul><li id="p3">Under one</li></ul></li><li id="p4">Two</li></ul></article>`, { fragment: true }))!;
    expect(paragraphText(article)).toBe('Areas: One Under one Two');
    expect(paragraphText(select('#p2', article)!)).toBe('One');
  });

  it('reads a list item with a list nested in it as its own words, each nested item as its own (issue 22, item 7)', () => {
    const page = `<article><ul><li id="p6-1">Of this number:<ul><li id="p6-2">65 live outside</li><li id="p6-3">None live in schools</li></ul></li></ul></article>`;
    expect(anchorsInPage(page)).toEqual([
      { id: 'p6-1', text: 'Of this number:' },
      { id: 'p6-2', text: '65 live outside' },
      { id: 'p6-3', text: 'None live in schools' },
    ]);
  });

  it('passes when nothing changed', () => {
    const anchors = anchorsInPage(PAGE);
    expect(anchorProblems({ r: manifestEntry(anchors) }, { r: anchors })).toEqual([]);
  });

  it('fails when an anchor disappears, its words change, a report vanishes, or an anchor is unrecorded', () => {
    const manifest = { r: { p1: hashText('First paragraph.'), p2: hashText('An item, corrected.'), p3: hashText('x') }, gone: {} };
    const problems = anchorProblems(manifest, { r: anchorsInPage(PAGE), fresh: [{ id: 'p1', text: 'New.' }] });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^\/reports\/r\/#p2 no longer has the words/);
    expect(problems[1]).toMatch(/^\/reports\/r\/#p3 has disappeared/);
    expect(problems[2]).toMatch(/^\/reports\/gone\/ is in content\/anchors.json but was not built/);
    expect(problems[3]).toMatch(/^\/reports\/fresh\/ has anchors not yet in content\/anchors.json \(p1\)/);
  });
});
