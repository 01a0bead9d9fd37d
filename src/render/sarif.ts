// SARIF 2.1.0 for GitHub code scanning: rule metadata with help text, levels, locations and
// partialFingerprints; one rule entry per (rule, severity) so an alert shows its own severity.
import type { Severity } from '../engine/settings.js';
import type { ReviewResult } from '../engine/result.js';
import { FINDING_RULES } from '../engine/rules/registry.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** Hierarchical SARIF rule id: code scanning takes an alert's severity from its rule's
 * `security-severity` (a result's own is ignored), so each severity of a rule is a rule of its own. */
export function sarifRuleId(rule: string, severity: Severity): string {
  return `${rule}/${severity}`;
}

const pascal = (s: string) => s.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());

export function renderSarif(result: Pick<ReviewResult, 'findings'>, version: string): string {
  // every rule at its default severity, and each other (rule, severity) a finding has
  const pairs = new Map<string, { rule: string; severity: Severity }>();
  for (const p of [...FINDING_RULES.map((r) => ({ rule: r.id as string, severity: r.severity })), ...result.findings]) {
    pairs.set(sarifRuleId(p.rule, p.severity), { rule: p.rule, severity: p.severity });
  }
  const ids = [...pairs.keys()].sort();
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
            rules: ids.map((id) => {
              const { rule, severity } = pairs.get(id)!;
              const meta = FINDING_RULES.find((r) => r.id === rule);
              const summary = meta?.summary ?? rule;
              const docs = meta?.docs ?? 'https://github.com/sg-review/sg-review#findings';
              return {
                id,
                name: `${pascal(rule)}${pascal(severity)}`,
                shortDescription: { text: `${summary} (${severity})` },
                fullDescription: { text: summary },
                help: { text: `${summary} See ${docs}.`, markdown: `${summary} See [${docs}](${docs}).` },
                defaultConfiguration: { level: LEVEL[severity] },
                properties: { 'security-severity': SCORE[severity], tags: ['security', 'terraform', 'aws'] },
              };
            }),
          },
        },
        results: result.findings.map((f) => ({
          ruleId: sarifRuleId(f.rule, f.severity),
          ruleIndex: ids.indexOf(sarifRuleId(f.rule, f.severity)),
          level: LEVEL[f.severity],
          message: { text: `${f.title}\n\n${f.message}` },
          locations: [
            { physicalLocation: { artifactLocation: { uri: f.location.file }, region: { startLine: f.location.startLine, endLine: f.location.endLine } } },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i + 1,
                  physicalLocation: { artifactLocation: { uri: r.file }, region: { startLine: r.startLine, endLine: r.endLine } },
                  message: { text: r.message },
                })),
              }
            : {}),
          partialFingerprints: { 'sgReview/v1': f.fingerprint },
          properties: { rule: f.rule, severity: f.severity, resource: f.resource },
          ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppression ?? '' }] } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
