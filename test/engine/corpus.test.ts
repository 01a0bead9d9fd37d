// Robustness: every real-world directory of the shared corpus is modelled without an
// exception, and every security group and rule resource in it gets a location.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusPresent } from '../helpers/corpus.js';
import { readTerraformTree } from '../../src/adapters/files.js';
import { FileParser } from '../../src/engine/hcl/parse.js';
import { loadModel } from '../../src/engine/load.js';

const parser = new FileParser();

function corpusDirs(): string[] {
  if (!corpusPresent()) return [];
  const real = readdirSync(join(CORPUS, 'real-world')).map((d) => join(CORPUS, 'real-world', d));
  const pairs = readdirSync(join(CORPUS, 'pr-pairs')).flatMap((d) => ['base', 'head'].map((side) => join(CORPUS, 'pr-pairs', d, side)));
  return [...real, ...pairs].filter((d) => existsSync(d));
}

const RULE_TYPES =
  /^\s*resource\s+"(aws_security_group|aws_default_security_group|aws_security_group_rule|aws_vpc_security_group_(?:ingress|egress)_rule)"\s+"([^"]+)"/gm;

describe.skipIf(!corpusPresent())('shared corpus robustness', () => {
  it.each(corpusDirs().map((d) => [d.slice(CORPUS.length + 1), d]))('%s', async (_name, dir) => {
    const files = await readTerraformTree(dir);
    const model = await loadModel(files, parser);
    // every group / rule resource declared in a parsable file is modelled with a location
    const declared = new Set<string>();
    for (const f of files) {
      if (model.parseErrors.some((e) => e.file === f.path)) continue;
      for (const m of f.content.matchAll(RULE_TYPES)) declared.add(`${f.path}:${m[1]}.${m[2]}`);
    }
    const modelled = new Set(
      model.resources.map(
        (r) =>
          `${r.location.file}:${r.address
            .replace(/^[^:"[\]]*:/, '')
            .replace(/^(module\.[^.]+(\[[^\]]*\])?\.)*/, '')
            .replace(/\[[^\]]*\]$/, '')}`,
      ),
    );
    expect([...declared].filter((d) => !modelled.has(d))).toEqual([]);
    for (const r of model.resources) {
      expect(r.location.startLine).toBeGreaterThan(0);
      expect(r.location.endLine).toBeGreaterThanOrEqual(r.location.startLine);
    }
    for (const rule of model.rules) expect(rule.location.startLine).toBeGreaterThan(0);
  });
});
