// Which files are applied depends on the tool: OpenTofu reads `x.tofu` instead of `x.tf` (and
// `.tofu` overrides), Terraform never reads `.tofu` files. A repository whose configuration
// does not say which tool applies it (`applied_with`) and that has `.tofu` files is reviewed in
// both readings, and a finding of either is listed: a PR cannot hide a widened `x.tf` behind a
// harmless `x.tofu` twin, nor a widened `x.tofu` behind the `x.tf` Terraform would read.
import type { SourceFile } from './hcl/parse.js';
import { isTofuFile } from './hcl/config-files.js';
import type { Finding, ReviewResult } from './result.js';
import { byRank, conclusionOf } from './review.js';

/** Whether the tool decides what a review reads: some file of either revision is a `.tofu` one. */
export function readingsDiffer(base: SourceFile[], head: SourceFile[]): boolean {
  return [...base, ...head].some((f) => isTofuFile(f.path));
}

/**
 * One review of both readings: the OpenTofu one, with each finding of the Terraform one that
 * it lacks (the same rule, severity, resource, title and suppression is the same finding,
 * wherever it is written: a finding suppressed in one reading never hides the same finding
 * left open in the other); closed only what both readings close.
 */
export function bothReadings(asOpenTofu: ReviewResult, asTerraform: ReviewResult, failOn: string): ReviewResult {
  const key = (f: Finding) => [f.rule, f.severity, f.resource, f.title, f.suppressed ? 'suppressed' : 'open'].join('\0');
  const seen = new Set(asOpenTofu.findings.map(key));
  const findings = [...asOpenTofu.findings, ...asTerraform.findings.filter((f) => !seen.has(key(f)))].sort(byRank);
  const closedByTerraform = new Set(asTerraform.closed.map((c) => JSON.stringify(c)));
  return {
    ...asOpenTofu,
    conclusion: conclusionOf(findings, failOn),
    findings,
    closed: asOpenTofu.closed.filter((c) => closedByTerraform.has(JSON.stringify(c))),
    ignoredFiles: [],
    bothReadings: true,
  };
}
