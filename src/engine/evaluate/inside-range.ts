// A range not known here that is provably inside a known one: `cidrsubnet("10.20.0.0/16", 8,
// count.index)` with the count not known is some /24 of 10.20.0.0/16, whatever the index is
// (cidrsubnet fails rather than leave its prefix). A rule from it opens at most that range.
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
