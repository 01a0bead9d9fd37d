// Terraform 0.11 (HCL1) accepted forms that HCL2 rejects, still common in repositories that
// never migrated: an argument written twice in one block, quoted argument names in a nested
// block (`tags { "Name" = "x" }`, a map written as a block), and the block forms of
// hcl1-block-forms.ts (quoted block types, blocks inside an object value). A file hcl2json
// rejects for one of these is rewritten to its 0.11 meaning, line by line so that every
// position stays, and parsed once more. Hand-written: no parser reads HCL1's forms into HCL2's JSON.
import { append } from '../append.js';
import { heredocBodies, rewriteHcl1Blocks } from './hcl1-block-forms.js';
import { locateHcl, type LocatedBlock, type Span } from './locate.js';

const REPAIRABLE =
  /^(Attribute redefined|Invalid argument name; Argument names must not be quoted|Missing key\/value separator|Invalid expression; Expected the start of an expression)/;
/** A one-line string, number or boolean (a trailing comment aside): HCL1 decoding keeps the last one written. */
const PRIMITIVE = /^[\w-]+ = (?:".*"|-?\d+(?:\.\d+)?|true|false)(?:\s*(?:#|\/\/).*)?$/;
/** Meta-arguments Terraform 0.11 read from their first copy (`Filter(name).Items[0]`). */
const FIRST_WINS = new Set(['count', 'provider']);
const ASSIGNMENT = /^\s*[A-Za-z_][\w-]*\s*=(?!=)/;
const QUOTED_KEY = /^\s*"[^"]*"\s*=(?!=)/;
const IDENTIFIER_KEY = /^(\s*)"([A-Za-z_][\w-]*)"(\s*=)/;
/** The longest argument compared as a copy by default (`max_hcl1_statement_lines`; longer ones stay a parse error). */
export const MAX_STATEMENT_LINES = 200;
const OPENER = /^(\s*[A-Za-z_][\w-]*)\s*\{/;

/** Whether the parse error is one a 0.11 rewrite can mend. */
export const hcl1Repairable = (message: string): boolean => REPAIRABLE.test(message);

/**
 * The text with the 0.11 forms rewritten, or null when there is nothing to rewrite:
 * - the block forms of hcl1-block-forms.ts;
 * - `name =` with its value on the next line, which HCL1 read (a newline was white space to it);
 * - a later copy of an argument, identical (but for indentation) to an earlier one in the same
 *   block, is blanked: 0.11 took the last definition or merged equal ones, the same meaning either way;
 * - of copies with different one-line strings, numbers or booleans, all but the last are blanked
 *   (HCL1's decoder sets the value once per copy), but for `count` and `provider`, which 0.11 read
 *   from the first copy; other values written twice (lists, which HCL1 concatenated, maps) are
 *   left, so the file stays unparsed;
 * - quoted names in a nested block without labels are unquoted when they are identifiers (the
 *   same meaning); otherwise the block becomes the map argument 0.11 read (`tags {` →
 *   `tags = {`), unless the parent has another block or argument of that name.
 */
export function repairHcl1(content: string, maxLines = MAX_STATEMENT_LINES): { text: string | null; tooLong: number | null } {
  const lines = content.split('\n');
  let changed = rewriteHcl1Blocks(lines);
  if (joinValuesOnNextLine(lines, heredocBodies(lines))) changed = true;
  const located = locateHcl(changed ? lines.join('\n') : content);
  const owner = innermostBlocks(located.blocks, lines.length);
  const inValue = multiLineValues(located.blocks, located.attributes, lines.length);
  // the first argument longer than maxLines (1-based line): never compared, so never blanked
  let tooLong: number | null = null;
  const seen = new Map<LocatedBlock | null, Map<string, Copy>>();
  const quoted = new Map<LocatedBlock, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // a line inside a multi-line value (an object, a heredoc) is not one of the block's arguments
    if (inValue[i + 1]) continue;
    const block = owner[i + 1] ?? null;
    if (block && block.labels.length === 0 && QUOTED_KEY.test(line)) append(quoted, block, i);
    if (!ASSIGNMENT.test(line)) continue;
    const last = statementEnd(lines, i, maxLines);
    if (last === TOO_LONG) tooLong ??= i + 1;
    if (last < 0) continue;
    const text = lines
      .slice(i, last + 1)
      .map((l) => l.trim())
      .join('\n')
      .replace(/^([\w-]+)\s*=\s*/, '$1 = '); // alignment of the `=` is not part of the value
    const copies = seen.get(block) ?? new Map<string, Copy>();
    seen.set(block, copies);
    const name = /^[\w-]+/.exec(text)![0];
    const earlier = copies.get(name);
    const copy = { first: i, last, text };
    if (!earlier) copies.set(name, copy);
    else if (earlier.text === text || (FIRST_WINS.has(name) && PRIMITIVE.test(earlier.text) && PRIMITIVE.test(text))) {
      lines.fill('', i, last + 1);
      changed = true;
    } else if (PRIMITIVE.test(earlier.text) && PRIMITIVE.test(text)) {
      lines.fill('', earlier.first, earlier.last + 1);
      copies.set(name, copy);
      changed = true;
    }
    i = last;
  }
  for (const [block, at] of quoted) {
    const parent = owner[block.startLine] ?? null;
    if (at.every((i) => IDENTIFIER_KEY.test(lines[i]!))) {
      // names that are identifiers mean the same unquoted: the block stays a block
      for (const i of at) lines[i] = lines[i]!.replace(IDENTIFIER_KEY, '$1$2$3');
      changed = true;
    } else if (parent && alone(parent, block) && OPENER.test(lines[block.startLine - 1]!)) {
      // other names make it a map; not when a sibling of the same name would then disagree
      lines[block.startLine - 1] = lines[block.startLine - 1]!.replace(OPENER, '$1 = {');
      changed = true;
    }
  }
  return { text: changed ? lines.join('\n') : null, tooLong };
}

/** One copy of an argument: its lines (0-based) and its text as compared. */
interface Copy {
  first: number;
  last: number;
  text: string;
}

/** Whether no other block or argument of the parent has the block's name. */
const alone = (parent: LocatedBlock, block: LocatedBlock): boolean =>
  !parent.attributes.has(block.type) && parent.blocks.every((b) => b === block || b.type !== block.type);

/** For each line number, the innermost block whose body holds it (null at the top level). */
function innermostBlocks(blocks: LocatedBlock[], count: number): (LocatedBlock | null)[] {
  const owner: (LocatedBlock | null)[] = new Array<LocatedBlock | null>(count + 1).fill(null);
  const visit = (list: LocatedBlock[]) => {
    for (const b of list) {
      for (let l = b.startLine + 1; l < b.endLine && l <= count; l++) owner[l] = b;
      visit(b.blocks);
    }
  };
  visit(blocks);
  return owner;
}

/** For each line number, whether it continues an argument's value begun on an earlier line. */
function multiLineValues(blocks: LocatedBlock[], top: Map<string, Span>, count: number): boolean[] {
  const inside = new Array<boolean>(count + 1).fill(false);
  const mark = (spans: Iterable<Span>) => {
    for (const s of spans) for (let l = s.startLine + 1; l <= s.endLine && l <= count; l++) inside[l] = true;
  };
  const visit = (list: LocatedBlock[]) => {
    for (const b of list) {
      mark(b.attributes.values());
      visit(b.blocks);
    }
  };
  mark(top.values());
  visit(blocks);
  return inside;
}

/** statementEnd's answer for an argument longer than the bound. */
const TOO_LONG = -2;

/** The last line of the argument starting on line `first`, -1 when it cannot be told for sure,
 * or TOO_LONG past `maxLines` lines. */
function statementEnd(lines: string[], first: number, maxLines: number): number {
  let depth = 0;
  for (let i = first; i < lines.length; i++) {
    if (i >= first + maxLines) return TOO_LONG;
    const code = lines[i]!.replace(/\s*(#|\/\/)[^"]*$/, '');
    let quoted = false;
    for (let j = 0; j < code.length; j++) {
      const c = code[j];
      if (quoted) {
        if (c === '\\') j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if ('([{'.includes(c!)) depth++;
      else if (')]}'.includes(c!)) depth--;
    }
    // a string left open, a heredoc, or an operator ending the line: not a plain argument
    if (quoted || /<<-?\s*\w+/.test(code)) return -1;
    if (depth === 0) return /[-+*/%&|=<>!?:.]\s*$/.test(code) ? -1 : i;
    if (depth < 0) return -1;
  }
  return -1;
}

/** `name =` with nothing after it but a comment: HCL1 read the value from the next line. */
const VALUE_ON_NEXT_LINE = /^(\s*(?:[A-Za-z_][\w-]*|"[^"]*")\s*=)\s*(?:(?:#|\/\/).*)?$/;
const BLANK_OR_COMMENT = /^\s*(?:(?:#|\/\/).*)?$/;

/**
 * Joins `name =` and its value written on a later line (HCL1 read newlines as white space; HCL2
 * ends the argument there): the value's first line moves up behind the `=`, its own line left
 * blank so that every later line keeps its number. Whether anything was joined.
 */
function joinValuesOnNextLine(lines: string[], heredoc: boolean[]): boolean {
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const m = heredoc[i] ? null : VALUE_ON_NEXT_LINE.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && BLANK_OR_COMMENT.test(lines[j]!)) j++;
    // a closing bracket starts no value: `name =` there is missing its value in HCL1 too
    if (j >= lines.length || heredoc[j] || /^\s*[}\])]/.test(lines[j]!)) continue;
    lines[i] = `${m[1]} ${lines[j]!.trim()}`;
    lines[j] = '';
    changed = true;
  }
  return changed;
}
