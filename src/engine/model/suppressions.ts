// `# sg-review:ignore <rule> <reason>` comments, wherever they appear in a file.
import type { ParsedFile } from '../hcl/parse.js';
import type { Suppression } from './types.js';

export function parseSuppressions(files: ParsedFile[]): Suppression[] {
  const out: Suppression[] = [];
  for (const f of files) {
    for (const c of f.located.comments) {
      const m = /sg-review:ignore\s+([a-z0-9-]+)\s*(.*)$/i.exec(c.text);
      if (m) out.push({ rule: m[1]!.toLowerCase(), reason: m[2]!.replace(/\*\/\s*$/, '').trim(), file: f.path, line: c.line });
    }
  }
  return out;
}
