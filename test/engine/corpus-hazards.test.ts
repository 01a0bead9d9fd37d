// Scanning the whole real-world corpus reports ownership and lifecycle hazards only where
// there really is one: the obourdon reproduction of provider issue #12356 (in its 0.11 and 0.12
// forms). The provider's eks-getting-started example (inline egress with standalone ingress)
// is the negative control.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusPresent } from '../helpers/corpus.js';
import { readTerraformTree } from '../../src/adapters/files.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';

const REAL = join(CORPUS, 'real-world');
const HAZARDS = new Set([
  'mixed-rule-ownership',
  'mixed-rule-resources',
  'inline-removal-keeps-rules',
  'empty-rules-attribute',
  'reference-cycle',
  'forced-replacement',
  'rule-quota',
]);

describe.skipIf(!corpusPresent())('hazards over the real-world corpus', () => {
  it('finds exactly the real hazards', async () => {
    const found: string[] = [];
    for (const dir of readdirSync(REAL).sort()) {
      const result = await reviewFiles([], await readTerraformTree(join(REAL, dir)), DEFAULT_CONFIG);
      for (const f of result.findings) if (HAZARDS.has(f.rule)) found.push(`${dir} ${f.rule} ${f.resource} ${f.location.file}:${f.location.startLine}`);
    }
    expect(found).toEqual([
      'hazard-obourdon-terraform-bug-12356 mixed-rule-ownership 0.11:aws_security_group_rule.netdata[0] 0.11/netdata.tf:41',
      'hazard-obourdon-terraform-bug-12356 mixed-rule-ownership 0.12:aws_security_group_rule.netdata[0] 0.12/netdata.tf:41',
    ]);
  });
});
