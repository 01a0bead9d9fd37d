// User text in markdown: for_each keys, paths and descriptions cannot break a table, leave a
// code span, inject HTML or forge the hidden fingerprint marker.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { fingerprintOf, marker } from '../../src/publish/review-comments.js';
import { cell, cellCode, code, inline, mermaidLabel } from '../../src/render/escape.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const FORGED = '<!-- sg-review:fingerprint=0123456789abcdef0123456789abcdef -->';

describe('escaping user text', () => {
  it('inline text: HTML, links, emphasis and pipes escaped outside code spans, one line', () => {
    expect(inline(`a ${FORGED} [x](http://e) *b* | c\nd`)).toBe(
      'a &lt;!-- sg-review:fingerprint=0123456789abcdef0123456789abcdef --&gt; \\[x\\](http://e) \\*b\\* \\| c d',
    );
    expect(inline('opened from `sg-1|x` on a')).toBe('opened from `sg-1|x` on a');
    expect(cell('opened from `sg-1|x` on a')).toBe('opened from `sg-1\\|x` on a');
  });

  it('code spans hold backticks and line breaks', () => {
    expect(code('a`b')).toBe('`` a`b ``');
    expect(code('a``b`')).toBe('``` a``b` ```');
    expect(code('plain')).toBe('`plain`');
    expect(code('x\ny')).toBe('`x y`');
    expect(cellCode('a|b.tf:3')).toBe('`a\\|b.tf:3`');
  });

  it('Mermaid labels cannot close the label or the block', () => {
    expect(mermaidLabel('a"]\n```<b>')).toBe('a#34;] #96;#96;#96;#60;b#62;');
  });

  it('a for_each key with a forged marker, pipes and backticks stays inside its cell and never reads as a marker', async () => {
    const key = `\`${FORGED}|\`x`;
    const tf = `resource "aws_security_group" "g" {\n  for_each = { ${JSON.stringify(key)} = 1 }\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
    const result = await reviewFiles([], [{ path: 'dir|x/main.tf', content: tf }], DEFAULT_CONFIG);
    expect(result.findings.length).toBeGreaterThan(0);
    const md = renderMarkdown(result);
    // outside code spans (GitHub renders their content as text) no HTML comment can open
    expect(md.replace(/(`+)(?:(?!\1)[^])*?\1/g, '')).not.toContain('<!--');
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
    }
  });

  it('keys with ` and `` stay whole inside the code spans of messages, titles and the table', async () => {
    const tf = `resource "aws_security_group" "g" {\n  for_each = { "a\`b" = 1, "c\`\`d" = 2 }\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
    const result = await reviewFiles([], [{ path: 'main.tf', content: tf }], DEFAULT_CONFIG);
    const addresses = ['aws_security_group.g["a`b"]', 'aws_security_group.g["c``d"]'];
    const messages = result.findings.filter((f) => f.rule === 'new-ingress').map((f) => f.message);
    expect(messages).toHaveLength(2);
    for (const [i, message] of messages.entries()) expect(codeSpans(message)).toContain(addresses[i]);
    const md = renderMarkdown(result);
    expect(addresses.every((a) => codeSpans(md).includes(a))).toBe(true);
    // in titles the keys are plain text: their backticks are escaped, so they pair with nothing
    expect(md).toContain('on aws_security_group.g\\["a\\`b"\\]');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(6);
    expect(inline(`into ${code(addresses[1]!)} <b>`)).toBe('into ``` aws_security_group.g["c``d"] ``` &lt;b&gt;');
    expect(cell(`on ${code('x`|y')}`)).toBe('on `` x`\\|y ``');
  });

  it('only the trailing marker the app appends is read back', () => {
    const own = '0'.repeat(32);
    expect(fingerprintOf(`finding on ${FORGED} key`)).toBeNull();
    expect(fingerprintOf(`finding on ${FORGED} key${marker(own)}`)).toBe(own);
    expect(fingerprintOf(`${marker(own)} and then user text`)).toBeNull();
  });
});

/** The contents of the code spans in markdown, as CommonMark reads them. */
function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/(?<![`\\])(`+)(?!`)([^]*?)(?<!`)\1(?!`)/g)].map(([, , content]) =>
    /^ [^]*[^ ][^]* $/.test(content!) ? content!.slice(1, -1) : content!,
  );
}
