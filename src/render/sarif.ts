// SARIF 2.1.0 for GitHub code scanning: rule metadata with help text, levels, locations and
// partialFingerprints.
import type { Severity } from '../config/schema.js';
import type { ReviewResult } from '../engine/review.js';
import { FINDING_RULES } from '../engine/rules/registry.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export function renderSarif(result: ReviewResult, version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sg-review',
            version,
            informationUri: 'https://github.com/sg-review/sg-review',
            rules: FINDING_RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              help: { text: `${r.summary} See ${r.docs}.`, markdown: `${r.summary} See [${r.docs}](${r.docs}).` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { 'security-severity': SCORE[r.severity], tags: ['security', 'terraform', 'aws'] },
            })),
          },
        },
        results: result.findings.map((f) => ({
          ruleId: f.rule,
          level: LEVEL[f.severity],
          message: { text: `${f.title}\n\n${f.message}` },
          locations: [
            { physicalLocation: { artifactLocation: { uri: f.location.file }, region: { startLine: f.location.startLine, endLine: f.location.endLine } } },
          ],
          partialFingerprints: { 'sgReview/v1': f.fingerprint },
          properties: { severity: f.severity, 'security-severity': SCORE[f.severity], resource: f.resource },
          ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppression ?? '' }] } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
