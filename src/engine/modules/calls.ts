// The module calls of a file, read from its text: what must be fetched before the analysis.
// Terraform requires `source` and `version` to be literal strings, so no evaluation is needed.
import { isTerragruntFile, terragruntSource } from '../evaluate/terragrunt.js';
import { locateHcl } from '../hcl/locate.js';

export interface CallSite {
  name: string;
  source: string;
  version: string;
}

/** Calls of `module` blocks in HCL text (`.tf`, `.tofu`); JSON files are read through their `module` key. */
export function moduleCallsIn(path: string, content: string): CallSite[] {
  if (path.endsWith('.json')) return jsonCalls(content);
  if (isTerragruntFile(path)) {
    const m = /^\s*source\s*=\s*"([^"]*)"/m.exec(content);
    return m ? [{ name: 'terragrunt', ...terragruntSource(m[1]!) }] : [];
  }
  if (!path.endsWith('.tf') && !path.endsWith('.tofu')) return [];
  const lines = content.split('\n');
  const out: CallSite[] = [];
  for (const block of locateHcl(content).blocks) {
    if (block.type !== 'module' || !block.labels[0]) continue;
    const value = (name: string) => {
      const span = block.attributes.get(name);
      if (!span) return null;
      const m = new RegExp(`^\\s*${name}\\s*=\\s*"([^"]*)"`).exec(lines[span.startLine - 1] ?? '');
      return m ? unescapeBackslashes(m[1]!) : null;
    };
    const source = value('source');
    if (source !== null) out.push({ name: block.labels[0], source, version: value('version') ?? '' });
  }
  return out;
}

/** The string a literal's text holds, for the one escape a source path uses (`".\\modules\\sg"`). */
export function unescapeBackslashes(text: string): string {
  return text.replaceAll('\\\\', '\\');
}

function jsonCalls(content: string): CallSite[] {
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return [];
  }
  const modules = (body as { module?: unknown } | null)?.module;
  if (!modules || typeof modules !== 'object') return [];
  return Object.entries(modules as Record<string, unknown>).flatMap(([name, raw]) => {
    const decl = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
    return typeof decl?.['source'] === 'string' ? [{ name, source: decl['source'], version: typeof decl['version'] === 'string' ? decl['version'] : '' }] : [];
  });
}

/** The key a (source, version constraint) pair is resolved under. */
export function callKey(source: string, version: string): string {
  return `${source}\0${version.trim()}`;
}
