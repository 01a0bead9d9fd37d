// A changed module is modelled on its own besides through its callers (model/build.ts), so
// that what its callers leave switched off is reviewed too. A finding of that standalone
// instance about a block some caller also reaches would say again what the caller's finding
// (with the caller's arguments) says, or contradict it: only the caller's is reported.
import { escapePattern } from '../hcl/file-reads.js';
import type { Model } from '../model/types.js';
import { code } from './code-span.js';

/** Whether a finding is about a block of a standalone module instance that a caller also reaches. */
export function reachedThroughCaller(head: Model): (f: { resource: string }) => boolean {
  const labels = (head.standaloneModules ?? []).map((l) => `${l}:`);
  if (!labels.length) return () => false;
  const standalone = (address: string) => labels.some((l) => address.startsWith(l));
  const declared = new Map<string, string>();
  const reached = new Set<string>();
  const blocks = [
    ...head.resources.map((r) => ({ address: r.address, location: r.location, exists: r.instances === 1 })),
    ...head.moduleCalls.map((c) => ({ address: c.address, location: c.location, exists: true })),
  ];
  for (const { address, location, exists } of blocks) {
    const block = `${location.file}:${location.startLine}`;
    if (standalone(address)) declared.set(address, block);
    else if (exists) reached.add(block);
  }
  return (f) => {
    const block = standalone(f.resource) ? declared.get(f.resource) : undefined;
    return block !== undefined && reached.has(block);
  };
}

/** The top directory's label when it is a module modelled on its own (a module repository). */
const TOP = '.:';

/**
 * In a module repository (the top directory is the changed module, its examples call it), the
 * module's blocks reached through an example are named in a finding's words as the module's
 * own (`aws_security_group.this`, as the findings only the module's own instance raises name
 * them), not by the example's call (`examples/basic:module.db.aws_security_group.this`).
 * `rename` changes the words (before findings of several instances merge, so they still do);
 * `note` then says whose arguments were used. Identity (resource, fingerprint) unchanged.
 */
export function moduleRepositoryWords(
  head: Model,
  base?: Model,
): {
  rename: <F extends { title: string; message: string }>(f: F) => F;
  note: <F extends { message: string; resource: string }>(f: F) => F;
} {
  const same = { rename: <F>(f: F) => f, note: <F>(f: F) => f };
  if (!(head.standaloneModules ?? []).includes('.')) return same;
  // the example's instance of each block the module declares → the module's own address, and
  // the call; at the base too, for a block the change removes (the `from` of a replacement)
  const names = new Map<string, { own: string; call: string }>();
  for (const model of base ? [base, head] : [head]) {
    const own = new Map<string, string>();
    for (const r of model.resources) if (r.address.startsWith(TOP)) own.set(`${r.location.file}:${r.location.startLine}`, r.address);
    for (const r of model.resources) {
      const mine = own.get(`${r.location.file}:${r.location.startLine}`);
      const call = /^(.*?module\.[\w-]+(?:\[[^\]]*\])?)\.[^.]*\.[^.]*$/.exec(r.address)?.[1];
      if (mine && call && !r.address.startsWith(TOP)) names.set(r.address, { own: mine, call });
    }
  }
  if (!names.size) return same;
  const pattern = new RegExp(
    `(${[...names.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapePattern)
      .join('|')})(?![\\w[-]|\\.[\\w])`,
    'g',
  );
  const rename = (text: string) => text.replace(pattern, (address) => names.get(address)!.own);
  return {
    rename: (f) => ({ ...f, title: rename(f.title), message: rename(f.message) }),
    note: (f) => {
      const call = names.get(f.resource)?.call;
      if (!call) return f;
      const file = head.moduleCalls.find((c) => c.address === call)?.file;
      return { ...f, message: `${f.message}\n\nReviewed with the arguments of ${code(call)}${file ? ` (${code(file)})` : ''}, which calls this module.` };
    },
  };
}
