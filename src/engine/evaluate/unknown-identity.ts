// The identity of an expression that cannot be evaluated: the same reference written in
// another syntax (Terraform 0.11 interpolation, index or splat forms) normalises to the same
// text, so rewriting syntax neither opens, closes nor replaces anything (PRODUCT.md §1).
import { IDENTIFIER as IDENT } from '../hcl/identifier.js';
import { parseExpression } from '../hcl/expression.js';

/** A traversal: `a.b[0]["c"][*]` (no calls, no spaces). */
const TRAVERSAL = `${IDENT}(?:\\.${IDENT}|\\[[^\\]\\s]*\\])*`;
const WHOLE_INTERPOLATION = /^"?\$\{(.*)\}"?$/;
const QUOTED_INDEX = new RegExp(`\\["(${IDENT})"\\]`, 'g');
const LEGACY_SPLAT = /\.\*(?=[.[\s,)]|$)/g;
const ELEMENT = new RegExp(`\\belement\\(\\s*(${TRAVERSAL})\\[\\*\\]((?:\\.${IDENT})*)\\s*,\\s*(\\d+|count\\.index)\\s*\\)`, 'g');
/** `element(L, count.index)` ≡ `L[count.index]` (element wraps, but only in-range indexes apply). */
const ELEMENT_AT = new RegExp(`\\belement\\(\\s*(${TRAVERSAL})\\s*,\\s*(count\\.index)\\s*\\)`, 'g');
const ONE = new RegExp(`\\bone\\(\\s*(${TRAVERSAL})\\[\\*\\]((?:\\.${IDENT})*)\\s*\\)`, 'g');
/** Terraform 0.11 read a remote state's outputs as its attributes (`data.terraform_remote_state.x.vpc_id`);
 * 0.12 reads them under `outputs` only. The data source's own arguments keep their place. */
const REMOTE_STATE_OUTPUT = new RegExp(
  `\\b(data\\.terraform_remote_state\\.${IDENT}(?:\\[[^\\]\\s]*\\])?)\\.(?!(?:outputs|backend|config|workspace|defaults)(?![\\w-]))(?=${IDENT})`,
  'g',
);

/** `"${var.a}"` → `var.a`; `a["b"]` → `a.b`; `x.*.id` → `x[*].id`; `element(x.*.id, 0)` → `x[0].id`; `element(l, count.index)` → `l[count.index]`;
 * `data.terraform_remote_state.s.id` → `data.terraform_remote_state.s.outputs.id`. */
export function normaliseReference(text: string): string {
  let s = canonicalSpacing(text);
  const whole = WHOLE_INTERPOLATION.exec(s);
  if (whole && !/\}.*\$\{/.test(whole[1]!)) s = whole[1]!.trim();
  if (s.includes('terraform_remote_state')) s = s.replace(REMOTE_STATE_OUTPUT, '$1.outputs.');
  if (!s.includes('[') && !s.includes('*') && !s.includes('(')) return s;
  return s.replace(QUOTED_INDEX, '.$1').replace(LEGACY_SPLAT, '[*]').replace(ELEMENT, '$1[$3]$2').replace(ELEMENT_AT, '$1[$2]').replace(ONE, '$1[0]$2');
}

/**
 * Spaces as `terraform fmt` writes them around brackets and commas (`split(",",var.x)` ≡
 * `split(",", var.x)`), runs of spaces as one; string literals are kept as written, and the
 * `${…}` inside them is an expression again.
 */
function canonicalSpacing(text: string): string {
  let out = '';
  // 'q' = inside a string literal; a number = open braces of a `${` expression (in a string)
  const modes: ('q' | number)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const mode = modes.at(-1);
    if (mode === 'q') {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') modes.pop();
      else if (c === '$' && text[i + 1] === '{') {
        out += text[++i];
        modes.push(0);
        while (/\s/.test(text[i + 1] ?? '')) i++;
      }
      continue;
    }
    if (c === '"') modes.push('q');
    else if (c === '{' && typeof mode === 'number') modes[modes.length - 1] = mode + 1;
    else if (c === '}' && typeof mode === 'number') {
      if (mode === 0) {
        modes.pop();
        out = out.trimEnd();
      } else modes[modes.length - 1] = mode - 1;
    } else if (/\s/.test(c)) {
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    if (c === ')' || c === ']' || c === ',') out = out.trimEnd();
    out += c;
    if (c === ',') out += ' ';
    if (c === '(' || c === '[') while (/\s/.test(text[i + 1] ?? '')) i++;
  }
  return out.trim();
}

/** The arguments of a normalised `concat(…)`, each normalised, or null for any other text. */
export function joinedArguments(text: string): string[] | null {
  if (!text.startsWith('concat(')) return null;
  try {
    const node = parseExpression(text);
    return node.kind === 'call' && node.name === 'concat' && !node.expand ? node.args.map((a) => normaliseReference(a.src)) : null;
  } catch {
    return null; // not an expression: no arguments to compare
  }
}
