// A string template with unknown parts (`"${var.env}-office-access"`) is unknown, but the text
// written around its unknowns is known: two such strings can differ whatever the unknowns turn
// out to be (a group name that gains a suffix is another name for every `env`).
import { Unknown } from './value.js';

/** A string as written: known text, and the unknowns between it (by identity, in order). */
export type TemplateShape = (string | { unknown: string })[];

export class PartlyKnown extends Unknown {
  constructor(
    expr: string,
    reason: string,
    readonly shape: TemplateShape,
    setOutside?: readonly string[],
  ) {
    super(expr, reason, setOutside);
  }
}

/** Appends a part to a shape, merging adjacent known text. */
export function appendPart(shape: TemplateShape, part: string | { unknown: string }): void {
  const last = shape.at(-1);
  if (typeof part === 'string' && typeof last === 'string') shape[shape.length - 1] = last + part;
  else if (part !== '') shape.push(part);
}

/**
 * Whether two strings differ whatever their unknown parts are. The text before the first
 * unknown starts the value and the text after the last ends it, so two that disagree there
 * always differ; and with the same unknowns in the same order, two whose written text has
 * another length. `"${var.a}-x"` and `"${var.b}-x"` may be equal; so may `"a${var.x}"` and
 * `"${var.x}a"` (var.x = "a").
 */
export function alwaysDiffer(a: TemplateShape, b: TemplateShape): boolean {
  const [startA, startB] = [start(a), start(b)];
  if (!startA.startsWith(startB) && !startB.startsWith(startA)) return true;
  const [endA, endB] = [end(a), end(b)];
  if (!endA.endsWith(endB) && !endB.endsWith(endA)) return true;
  const [unknownsA, unknownsB] = [unknowns(a), unknowns(b)];
  // a known string is shorter than the text written in the other
  if ((!unknownsA.length && written(b) > written(a)) || (!unknownsB.length && written(a) > written(b))) return true;
  return unknownsA.join('\0') === unknownsB.join('\0') && written(a) !== written(b);
}

const start = (s: TemplateShape) => (typeof s[0] === 'string' ? s[0] : '');
const end = (s: TemplateShape) => {
  const last = s.at(-1);
  return typeof last === 'string' ? last : '';
};
const unknowns = (s: TemplateShape) => s.flatMap((p) => (typeof p === 'string' ? [] : [p.unknown]));
const written = (s: TemplateShape) => s.reduce((n, p) => n + (typeof p === 'string' ? p.length : 0), 0);
