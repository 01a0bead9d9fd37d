// An HCL identifier as the parsers here read one: an ASCII letter or `_`, then letters, digits,
// `_` and `-` (a file with non-ASCII identifiers is left to hcl2json, fast-path.ts).

/** The identifier pattern's source, for the patterns built on it. */
export const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_-]*';
