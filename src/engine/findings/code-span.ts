// User values (addresses, for_each keys, paths, module sources) in the markdown of finding
// messages: each goes in a code span whose fence is one backtick longer than the longest run
// of backticks inside it, so no value can close its span early (CommonMark, code spans).
// The renderers use the same helper and read spans back with CODE_SPAN.
/** Line breaks of every kind markdown or GitHub reads as one. */
export const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

/** A code span holding any text, on one line. */
export function code(text: string): string {
  const flat = text.replace(LINE_BREAKS, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // a span's content starting or ending with a backtick, or with a space at both ends, needs
  // a space each side (CommonMark strips exactly one)
  const pad = longest || (flat.length > 1 && flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span as CommonMark reads it: a run of n backticks (not backslash-escaped) up to the
 * next run of exactly n. */
export const CODE_SPAN = /(?<![`\\])(`+)(?!`)[^]*?(?<!`)\1(?!`)/g;
