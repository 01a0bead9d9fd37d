// Two Terraform 0.11 (HCL1) block forms HCL2 rejects, still found in live repositories:
// - a quoted block type (`"default_action" {`, `"variable" "x" {`): HCL1 keys may be quoted;
// - a block inside an object value (`terragrunt = { include { … } }`, Terragrunt < 0.19's
//   configuration in terraform.tfvars): HCL1 reads `name {` there as `name = {`, and
//   `name "label" {` as `name = { label = {`.
// Each is rewritten on its own lines (closing braces added after the block's own), so every
// line keeps its number.
import { locateHcl, type LocatedBlock, type Span } from './locate.js';

const QUOTED_TYPE = /^(\s*)"([A-Za-z_][\w-]*)"((?:\s+(?:"[^"]*"|[A-Za-z_][\w-]*))*\s*\{)/;
const OPENER_IN_VALUE = /^(\s*)([A-Za-z_][\w-]*|"[^"]*")((?:\s+(?:"[^"]*"|[A-Za-z_][\w-]*))*)\s*\{/;
const LABEL = /"[^"]*"|[A-Za-z_][\w-]*/g;
const HEREDOC = /<<-?\s*"?([A-Za-z_][\w-]*)"?\s*$/;

/** The lines with both block forms rewritten to their HCL1 meaning; `changed` says whether any was. */
export function rewriteHcl1Blocks(lines: string[]): boolean {
  const heredoc = heredocBodies(lines);
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (heredoc[i] || !QUOTED_TYPE.test(lines[i]!)) continue;
    lines[i] = lines[i]!.replace(QUOTED_TYPE, '$1$2$3');
    changed = true;
  }
  const inValue = valueLines(lines);
  // innermost first would shift columns of outer closers on a shared line: go from the last opener back
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = OPENER_IN_VALUE.exec(lines[i]!);
    if (!m || !inValue[i] || heredoc[i]) continue;
    const labels = m[3]!.match(LABEL) ?? [];
    const brace = m[0].length - 1;
    const close = labels.length ? closingBrace(lines, i, brace) : null;
    if (labels.length && !close) continue;
    if (close) lines[close[0]] = lines[close[0]]!.slice(0, close[1] + 1) + '}'.repeat(labels.length) + lines[close[0]]!.slice(close[1] + 1);
    const nested = labels.map((l) => `${l} = {`).join(' ');
    lines[i] = `${m[1]}${m[2]} = {${nested ? ` ${nested}` : ''}${lines[i]!.slice(brace + 1)}`;
    changed = true;
  }
  return changed;
}

/** For each line index, whether it lies inside a heredoc's body (its text is not HCL). */
export function heredocBodies(lines: string[]): boolean[] {
  const inside = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) {
    const m = HEREDOC.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== m[1]) inside[j++] = true;
    i = j;
  }
  return inside;
}

/** For each line index, whether it continues an argument's value begun on an earlier line. */
function valueLines(lines: string[]): boolean[] {
  const located = locateHcl(lines.join('\n'));
  const inside = new Array<boolean>(lines.length).fill(false);
  const mark = (spans: Iterable<Span>) => {
    for (const s of spans) for (let l = s.startLine; l < s.endLine && l < lines.length; l++) inside[l] = true;
  };
  const visit = (list: LocatedBlock[]) => {
    for (const b of list) {
      mark(b.attributes.values());
      visit(b.blocks);
    }
  };
  mark(located.attributes.values());
  visit(located.blocks);
  return inside;
}

/** The line index and column of the `}` closing the `{` at `lines[line][column]`, or null. */
function closingBrace(lines: string[], line: number, column: number): [number, number] | null {
  let depth = 0;
  for (let i = line; i < lines.length; i++) {
    const text = lines[i]!;
    let quoted = false;
    for (let j = i === line ? column : 0; j < text.length; j++) {
      const c = text[j]!;
      if (quoted) {
        if (c === '\\') j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '#' || (c === '/' && text[j + 1] === '/')) break;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return [i, j];
    }
  }
  return null;
}
