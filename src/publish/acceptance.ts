// The record of an approver's `/sg-review accept` on the pull request: a comment by the app
// whose trailing hidden marker holds who accepted, when, at which head, and the accepted
// suppressions (fingerprint and findings). Kept on the PR, so it survives restarts and is the
// same for every replica; only the app's own, unedited comments are read back (app/acceptance.ts).
import { z } from 'zod';
import type { SuppressionOutcome } from '../engine/result.js';
import { code, inline } from '../render/escape.js';

export interface AcceptanceRecord {
  /** The approver's login. */
  by: string;
  /** When the approver asked (the command comment's time, ISO 8601). */
  at: string;
  /** The head SHA the suppressions were accepted at. */
  head: string;
  /** What was accepted: the identity, and where it was for readers (the reason is in the
   * fingerprint, and kept out of the marker so that a long one cannot push the marker out). */
  suppressions: { fingerprint: string; findings: string[]; file: string; line: number; rule: string }[];
}

/** The rule of the waiver a relaxed configuration file is (app/config-change.ts), no finding rule. */
export const CONFIGURATION_WAIVER = 'configuration';

/** The largest marker (bytes of its JSON): far below GitHub's comment limit (65,536). */
const MAX_RECORD_BYTES = 40_000;

const hex32 = z.string().regex(/^[0-9a-f]{32}$/);
const recordSchema = z.object({
  by: z.string().regex(/^[A-Za-z0-9-]+(\[bot\])?$/),
  at: z.string(),
  head: z.string().regex(/^[0-9a-f]{40}$/),
  suppressions: z.array(z.object({ fingerprint: hex32, findings: z.array(hex32), file: z.string(), line: z.number().int(), rule: z.string() })).min(1),
});

/** The record of an acceptance of `pending` by `by`: as many of them as fit in one marker (the
 * rest stay pending, and another `/sg-review accept` takes them). */
export function newRecord(
  by: string,
  at: string,
  head: string,
  pending: readonly SuppressionOutcome[],
): { record: AcceptanceRecord; accepted: SuppressionOutcome[] } {
  const record: AcceptanceRecord = { by, at, head, suppressions: [] };
  const accepted: SuppressionOutcome[] = [];
  let size = JSON.stringify(record).length;
  for (const s of pending) {
    const entry = { fingerprint: s.fingerprint, findings: s.findings, file: s.file, line: s.line, rule: s.rule };
    size += JSON.stringify(entry).length + 1;
    if (size > MAX_RECORD_BYTES && accepted.length) break;
    record.suppressions.push(entry);
    accepted.push(s);
  }
  return { record, accepted };
}

/** Base64url of the JSON record: user text (reasons, paths) can never close the comment. */
const MARKER = /\n\n<!-- sg-review:acceptance=([A-Za-z0-9_-]+) -->$/;

/** The comment that records an acceptance of `accepted`: what a reader sees (`body`), then the
 * marker (`tail`, kept whole when the body is shortened to GitHub's limit). */
export function acceptanceComment(record: AcceptanceRecord, accepted: readonly SuppressionOutcome[]): { body: string; tail: string } {
  const suppressions = accepted.filter((s) => s.rule !== CONFIGURATION_WAIVER).length;
  const what = [...(suppressions ? [`${suppressions} suppression(s)`] : []), ...(suppressions < accepted.length ? ['the relaxed configuration'] : [])].join(
    ' and ',
  );
  const holds = [
    ...(suppressions ? ['the suppressions apply until the suppressed code changes'] : []),
    ...(suppressions < accepted.length ? ['the configuration holds until either file changes'] : []),
  ].join('; ');
  const lines = [
    `@${record.by} accepted ${what} at ${code(record.head.slice(0, 12))}; ${suppressions === accepted.length ? 'they apply until the suppressed code changes' : holds}:`,
    '',
    ...accepted.map((s) => `- ${code(`${s.file}:${s.line}`)} ${code(s.rule)}: ${inline(s.reason || 'no reason given')}`),
  ];
  return { body: lines.join('\n'), tail: `\n\n<!-- sg-review:acceptance=${Buffer.from(JSON.stringify(record)).toString('base64url')} -->` };
}

/** The record in a comment's trailing marker, or null (no marker, or not a valid record). */
export function readAcceptance(body: string): AcceptanceRecord | null {
  const m = MARKER.exec(body);
  if (!m) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Suppressions listed in the check summary at most; the rest are counted. */
const LISTED = 50;

/** The check summary's section on the suppressions this pull request adds: the accepted ones
 * (who, when) and the pending ones with what to do. Empty when there are none. */
export function suppressionSection(suppressions: readonly SuppressionOutcome[], records: readonly AcceptanceRecord[], note = ''): string {
  const accepted = suppressions.filter((s) => s.state === 'accepted');
  const pending = suppressions.filter((s) => s.state === 'pending');
  if (!accepted.length && !pending.length) return '';
  const where = (s: SuppressionOutcome) => `${code(`${s.file}:${s.line}`)} ${code(s.rule)} (${inline(s.reason || 'no reason given')})`;
  const list = <T>(items: T[], line: (item: T) => string) => [
    ...items.slice(0, LISTED).map(line),
    ...(items.length > LISTED ? [`- … and ${items.length - LISTED} more`] : []),
  ];
  const out = ['', '### Suppressions added by this pull request'];
  if (accepted.length) {
    out.push('', `Accepted (${accepted.length}): they apply until the suppressed code changes.`, '');
    out.push(
      ...list(accepted, (s) => {
        const by = [...records].reverse().find((r) => r.suppressions.some((x) => x.fingerprint === s.fingerprint));
        return `- ${where(s)}${by ? `: accepted by @${by.by} on ${by.at.replace('T', ' ').slice(0, 16)} UTC at ${code(by.head.slice(0, 12))}` : ''}`;
      }),
    );
  }
  if (pending.length) {
    out.push(
      '',
      `Pending approval (${pending.length}): the findings still count. An approver — not the pull request's author — accepts them by commenting \`/sg-review accept\`.`,
      '',
    );
    out.push(...list(pending, (s) => `- ${where(s)}`));
  }
  if (note) out.push('', note);
  return out.join('\n');
}
