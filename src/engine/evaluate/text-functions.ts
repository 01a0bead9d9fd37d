// Terraform's string functions that count characters: cty counts grapheme clusters of
// NFC-normalised text (every cty string is NFC), trims Go's unicode.IsSpace and reads case as
// Go's strings package does. Where JavaScript's Unicode data could disagree with Terraform's,
// the result is unknown, never a different string.
import { Unknowable } from './unknowable.js';

const SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Scripts whose clusters Unicode 15.1 and later join differently (conjuncts, GB9c): Terraform's
 * segmenter (go-textseg, Unicode 15.0) splits them, ICU's may not.
 */
const CONJUNCT_SCRIPTS: readonly [number, number][] = [
  [0x0900, 0x0dff],
  [0x0f00, 0x109f],
  [0x1700, 0x1c4f],
  [0xa800, 0xabff],
  [0x11000, 0x11fff],
];

function usesConjunctScript(text: string): boolean {
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (CONJUNCT_SCRIPTS.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

/** The grapheme clusters of a string as Terraform counts them. */
export function graphemes(text: string): string[] {
  const nfc = text.normalize('NFC');
  // ASCII has one cluster per character except CR LF
  if (/^[\0-\x7f]*$/.test(nfc) && !nfc.includes('\r\n')) return nfc.split('');
  if (usesConjunctScript(nfc)) throw new Unknowable('the text uses a script whose characters Terraform counts by an older Unicode version');
  return Array.from(SEGMENTER.segment(nfc), (s) => s.segment);
}

/** substr(): offset and length in clusters, with cty's edge cases (a negative offset counts from the end; a negative length is the rest). */
export function substr(text: string, offset: number, length: number): string {
  const clusters = graphemes(text);
  let start = offset;
  if (start < 0) start = Math.max(start + clusters.length, 0);
  else if (length === 0) return '';
  if (start >= clusters.length) return '';
  // cty's quirk: a length of 0 after a negative offset does not stop early, it takes the rest
  const end = length < 0 || (length === 0 && offset < 0) ? clusters.length : start + length;
  return clusters.slice(start, end).join('');
}

/** Go's unicode.IsSpace: JavaScript's trim() also trims U+FEFF and leaves U+0085. */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_TRIM_SPACE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

export function trimspace(text: string): string {
  return text.replace(GO_TRIM_SPACE, '');
}

/** chomp(): every trailing \n, \r\n and \r (cty's `(?:\r\n?|\n)*\z`). */
export function chomp(text: string): string {
  return text.replace(/[\r\n]+$/, '');
}

/** upper(), lower(), title(): Go's case mappings differ from JavaScript's outside ASCII (ß, İ, final sigma). */
export function asciiCase(text: string, fn: string, map: (ascii: string) => string): string {
  if (!/^[\0-\x7f]*$/.test(text)) throw new Unknowable(`${fn}() of text outside ASCII is not evaluated statically`);
  return map(text);
}
