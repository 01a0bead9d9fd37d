// The identity of an expression that cannot be evaluated: the same reference written in
// another syntax (Terraform 0.11 interpolation, index or splat forms) normalises to the same
// text, so rewriting syntax neither opens, closes nor replaces anything (PRODUCT.md §1).
import { IDENTIFIER as IDENT } from '../hcl/identifier.js';

/** A traversal: `a.b[0]["c"][*]` (no calls, no spaces). */
const TRAVERSAL = `${IDENT}(?:\\.${IDENT}|\\[[^\\]\\s]*\\])*`;
const WHOLE_INTERPOLATION = /^"?\$\{(.*)\}"?$/;
const QUOTED_INDEX = new RegExp(`\\["(${IDENT})"\\]`, 'g');
const LEGACY_SPLAT = /\.\*(?=[.[\s,)]|$)/g;
const ELEMENT = new RegExp(`\\belement\\(\\s*(${TRAVERSAL})\\[\\*\\]((?:\\.${IDENT})*)\\s*,\\s*(\\d+|count\\.index)\\s*\\)`, 'g');
/** `element(L, count.index)` ≡ `L[count.index]` (element wraps, but only in-range indexes apply). */
const ELEMENT_AT = new RegExp(`\\belement\\(\\s*(${TRAVERSAL})\\s*,\\s*(count\\.index)\\s*\\)`, 'g');
const ONE = new RegExp(`\\bone\\(\\s*(${TRAVERSAL})\\[\\*\\]((?:\\.${IDENT})*)\\s*\\)`, 'g');

/** `"${var.a}"` → `var.a`; `a["b"]` → `a.b`; `x.*.id` → `x[*].id`; `element(x.*.id, 0)` → `x[0].id`; `element(l, count.index)` → `l[count.index]`. */
export function normaliseReference(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  const whole = WHOLE_INTERPOLATION.exec(s);
  if (whole && !/\}.*\$\{/.test(whole[1]!)) s = whole[1]!.trim();
  if (!s.includes('[') && !s.includes('*') && !s.includes('(')) return s;
  return s.replace(QUOTED_INDEX, '.$1').replace(LEGACY_SPLAT, '[*]').replace(ELEMENT, '$1[$3]$2').replace(ELEMENT_AT, '$1[$2]').replace(ONE, '$1[0]$2');
}
