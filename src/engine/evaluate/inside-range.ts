// A range not known here that is provably inside a known one: `cidrsubnet("10.20.0.0/16", 8,
// count.index)` with the count not known is some /24 of 10.20.0.0/16, whatever the index is
// (cidrsubnet fails rather than leave its prefix). A rule from it opens at most that range.
import type { TemplateShape } from './partly-known.js';
import { Unknown } from './value.js';

export class InsideRange extends Unknown {
  constructor(
    expr: string,
    reason: string,
    /** The known range it lies in, as a network address and prefix length. */
    readonly range: string,
    setOutside?: readonly string[],
  ) {
    super(expr, reason, setOutside);
  }
}

const LEADING_OCTETS = /^((?:0|[1-9]\d{0,2})\.){1,3}$/;
const PREFIX_LENGTH = /\/(\d{1,2})$/;

/**
 * The range a CIDR template with unknown parts lies in, when its written text fixes it: an
 * IPv4 block whose first octets are written (`"10.102.${i}.0/24"`) and whose prefix length
 * keeps them (/16 or longer here) is inside `10.102.0.0/16` whatever the unknowns are, or the
 * provider refuses it. Null otherwise.
 */
export function templateRange(shape: TemplateShape): string | null {
  const [first, last] = [shape[0], shape.at(-1)];
  if (typeof first !== 'string' || typeof last !== 'string' || shape.length < 3 || !LEADING_OCTETS.test(first)) return null;
  const octets = first.slice(0, -1).split('.').map(Number);
  const length = Number(PREFIX_LENGTH.exec(last)?.[1] ?? NaN);
  if (octets.some((o) => o > 255) || !(length >= octets.length * 8 && length <= 32)) return null;
  return `${[...octets, 0, 0, 0].slice(0, 4).join('.')}/${octets.length * 8}`;
}
