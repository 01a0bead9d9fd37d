import { FileParser } from '../../src/engine/hcl/parse.js';
import { loadModel } from '../../src/engine/load.js';
import type { Model } from '../../src/engine/model/types.js';

const parser = new FileParser();

/** Builds the model of an in-memory tree: { "main.tf": "…" }. */
export function modelOf(files: Record<string, string>): Promise<Model> {
  return loadModel(
    Object.entries(files).map(([path, content]) => ({ path, content })),
    parser,
  );
}

/** Short form of a model's rules: "group direction protocol from-to peer". */
export function ruleLines(model: Model): string[] {
  return model.rules.map((r) => `${r.group} ${r.direction} ${r.protocol} ${r.ports[0]}-${r.ports[1]} ${r.peer.type}:${r.peer.value}`);
}
