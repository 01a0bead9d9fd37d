// Applies approvers' acceptances to a review's pending suppressions (`/sg-review accept`). An
// acceptance names a suppression by its fingerprint (the comment and its block's text) and the
// findings it suppressed then: it holds while the suppressed code is unchanged, and never
// covers a finding it did not see (a later push that widens what the block opens through a
// variable, or a path that reaches other ports, gives a new finding fingerprint: pending again).
import type { Finding, ReviewResult } from './result.js';
import { CHANGED_BLOCK_PROBLEM, OPENED_ELSEWHERE_PROBLEM, PENDING_PROBLEM, conclusionOf } from './review.js';

export interface AcceptedSuppression {
  /** The suppression's fingerprint when it was accepted. */
  fingerprint: string;
  /** The findings it suppressed when it was accepted. */
  findings: string[];
}

export function applyAcceptances(result: ReviewResult, accepted: readonly AcceptedSuppression[], failOn: string): ReviewResult {
  const covered = new Map<string, Set<string>>();
  for (const a of accepted) {
    const set = covered.get(a.fingerprint) ?? new Set<string>();
    for (const f of a.findings) set.add(f);
    covered.set(a.fingerprint, set);
  }
  const acceptedFindings = new Map<string, string>();
  const suppressions = result.suppressions.map((s) => {
    const findings = covered.get(s.fingerprint);
    if (s.state !== 'pending' || !findings) return s;
    for (const f of s.findings) if (findings.has(f)) acceptedFindings.set(f, s.reason);
    return s.findings.every((f) => findings.has(f)) ? { ...s, state: 'accepted' as const } : s;
  });
  if (!acceptedFindings.size) return result;
  const findings = result.findings.map((f): Finding => {
    const reason = acceptedFindings.get(f.fingerprint);
    if (reason === undefined || f.suppressionPending === undefined) return f;
    const { suppressionPending: _pending, ...rest } = f;
    return { ...rest, suppressed: true, suppression: reason };
  });
  const nowAccepted = new Set(suppressions.filter((s) => s.state === 'accepted').map((s) => `${s.file}\n${s.line}`));
  return {
    ...result,
    findings,
    conclusion: conclusionOf(findings, failOn),
    suppressions,
    suppressionProblems: result.suppressionProblems.filter(
      (p) => ![PENDING_PROBLEM, CHANGED_BLOCK_PROBLEM, OPENED_ELSEWHERE_PROBLEM].includes(p.problem) || !nowAccepted.has(`${p.file}\n${p.line}`),
    ),
  };
}
