// Terragrunt: a `terragrunt.hcl` with `terraform { source = … }` and `inputs = { … }` is a
// module call with those arguments. Its `locals` are read like Terraform locals; `dependency`
// outputs stay unknown (their `mock_outputs` are for plans, not facts). Parents merged through
// `include` are not read yet.
import type { LocatedBlock } from '../hcl/locate.js';
import type { ParsedFile } from '../hcl/parse.js';
import type { Declaration } from './module-source.js';

export const TERRAGRUNT_FILE = 'terragrunt.hcl';

export function isTerragruntFile(path: string): boolean {
  return path === TERRAGRUNT_FILE || path.endsWith(`/${TERRAGRUNT_FILE}`);
}

/** Terragrunt's source forms as Terraform module sources: `tfr:///ns/name/provider?version=x`
 * is a registry module, and `//` marks a subdirectory of a local tree. */
export function terragruntSource(source: string): { source: string; version: string } {
  const tfr = /^tfr:\/\/([^/]*)\/([^?]+)(?:\?version=(.+))?$/.exec(source);
  if (tfr) return { source: tfr[1] ? `${tfr[1]}/${tfr[2]}` : tfr[2]!, version: tfr[3] ?? '' };
  if (source.startsWith('./') || source.startsWith('../')) return { source: source.replace(/\/\/+/g, '/'), version: '' };
  return { source, version: '' };
}

/** The module call a terragrunt.hcl declares, or null when it has no `terraform { source }`. */
export function terragruntCall(file: ParsedFile): Declaration | null {
  const terraform = (file.body['terraform'] as Record<string, unknown>[] | undefined)?.[0];
  const raw = terraform?.['source'];
  if (typeof raw !== 'string') return null;
  const { source, version } = terragruntSource(raw);
  const inputs = file.body['inputs'];
  const args = inputs && typeof inputs === 'object' && !Array.isArray(inputs) ? (inputs as Record<string, unknown>) : {};
  const block = file.located.blocks.find((b) => b.type === 'terraform');
  const span = file.located.attributes.get('inputs') ?? block ?? { startLine: 1, endLine: 1 };
  const located: LocatedBlock = {
    type: 'module',
    labels: ['terragrunt'],
    startLine: Math.min(block?.startLine ?? span.startLine, span.startLine),
    endLine: Math.max(block?.endLine ?? span.endLine, span.endLine),
    attributes: new Map([...Object.keys(args).map((k) => [k, span] as const), ['source', block ?? span]]),
    blocks: [],
  };
  return { kind: 'module', type: 'module', name: 'terragrunt', body: { ...args, source, ...(version ? { version } : {}) }, file: file.path, block: located };
}
