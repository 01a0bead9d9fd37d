// A reference broken at the base (a name not declared in the module) never planned. Only its
// fix is quiet: the same data source type now read correctly (0.11's remote-state
// `data.terraform_remote_state.outputs.x.a` → `data.terraform_remote_state.x.outputs.a`). Any
// other unknown that replaces or joins it is new, so a typo at the base never silences a change.
import { isUndeclared } from '../evaluate/value.js';

const DATA_TYPE = /(?:^|[^\w.])data\.([\w-]+)\./;

/** The data source type an expression reads (`data.github_ip_ranges.x.y` → `github_ip_ranges`), or null. */
function dataSourceType(expr: string): string | null {
  return DATA_TYPE.exec(` ${expr}`)?.[1] ?? null;
}

/**
 * Whether `head` (an unknown's text) fixes the broken reference `base` (the base's unknown
 * text, with its reason): both read the same type of data source and the base's was undeclared.
 */
export function fixesBrokenReference(base: { expr: string; reason: string }, head: string): boolean {
  const type = dataSourceType(base.expr);
  return isUndeclared(base.reason) && type !== null && dataSourceType(head) === type;
}
