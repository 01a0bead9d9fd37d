// One finding standing for several places (module instances, wrappers) names the others in
// its message, a bounded list, so the reader sees where else the same thing holds.
import type { Finding } from '../result.js';
import { code } from './code-span.js';

/** `first`, its message ending with `lead(count)` and the first `limit` of the others' resources. */
export function namingOthers<F extends Pick<Finding, 'message' | 'resource'>>(first: F, others: F[], limit: number, lead: (count: number) => string): F {
  if (!others.length) return first;
  const names = others.slice(0, limit).map((f) => code(f.resource));
  const more = others.length > limit ? ` and ${others.length - limit} more` : '';
  return { ...first, message: `${first.message}\n\n${lead(others.length)}: ${names.join(', ')}${more}.` };
}
