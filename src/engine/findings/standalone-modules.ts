// A changed module is modelled on its own besides through its callers (model/build.ts), so
// that what its callers leave switched off is reviewed too. A finding of that standalone
// instance about a block some caller also reaches would say again what the caller's finding
// (with the caller's arguments) says, or contradict it: only the caller's is reported.
import type { Model } from '../model/types.js';

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
