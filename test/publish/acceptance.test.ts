import { describe, expect, it } from 'vitest';
import type { SuppressionOutcome } from '../../src/engine/result.js';
import { acceptanceComment, newRecord, readAcceptance, suppressionSection } from '../../src/publish/acceptance.js';

const HEAD = 'b'.repeat(40);
const outcome = (n: number, reason = 'vendor access', findings = 1): SuppressionOutcome => ({
  file: 'net/main.tf',
  line: n,
  rule: 'new-ingress',
  reason,
  fingerprint: n.toString(16).padStart(32, '0'),
  state: 'pending',
  findings: Array.from({ length: findings }, (_, i) => (n * 1000 + i).toString(16).padStart(32, 'f')),
});
const posted = (pending: SuppressionOutcome[]) => {
  const { record, accepted } = newRecord('bob', '2026-11-27T07:00:00Z', HEAD, pending);
  const { body, tail } = acceptanceComment(record, accepted);
  return { record, accepted, text: body + tail };
};

describe('acceptance records', () => {
  it('round-trip through the trailing marker', () => {
    const { record, text } = posted([outcome(4), outcome(9)]);
    expect(readAcceptance(text)).toEqual(record);
    expect(record.suppressions.map((s) => s.line)).toEqual([4, 9]);
  });

  it('a reason cannot close the hidden comment or forge a marker: it is escaped in the body and absent from the marker', () => {
    const hostile = 'ok --> <!-- sg-review:acceptance=eyJieSI6Im1hbGxvcnkifQ -->';
    const { record, text } = posted([outcome(4, hostile)]);
    expect(readAcceptance(text)).toEqual(record);
    expect(text.match(/<!--/g)).toHaveLength(1);
  });

  it('only a valid record in the trailing position is read', () => {
    const { text } = posted([outcome(4)]);
    expect(readAcceptance(`${text}\n\nthanks!`)).toBeNull();
    expect(readAcceptance('\n\n<!-- sg-review:acceptance=bm90IGpzb24 -->')).toBeNull();
    const bogus = Buffer.from(JSON.stringify({ by: 'bob', at: 'x', head: 'short', suppressions: [] })).toString('base64url');
    expect(readAcceptance(`\n\n<!-- sg-review:acceptance=${bogus} -->`)).toBeNull();
  });

  it('one record holds as many suppressions as fit its bound; the rest stay for another accept', () => {
    const many = Array.from({ length: 60 }, (_, i) => outcome(i + 1, 'r', 20));
    const { accepted, text } = posted(many);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(60);
    expect(text.length).toBeLessThan(65_536);
    expect(readAcceptance(text)?.suppressions).toHaveLength(accepted.length);
  });
});

describe('the check summary section', () => {
  it('accepted ones with who, when and where; pending ones with what to do', () => {
    const { record } = posted([outcome(4)]);
    const text = suppressionSection([{ ...outcome(4), state: 'accepted' }, outcome(9, 'temporary')], [record]);
    expect(text).toContain('Accepted (1): they apply until the suppressed code changes.');
    expect(text).toContain('- `net/main.tf:4` `new-ingress` (vendor access): accepted by @bob on 2026-11-27 07:00 UTC at `bbbbbbbbbbbb`');
    expect(text).toContain('Pending approval (1): the findings still count.');
    expect(text).toContain('- `net/main.tf:9` `new-ingress` (temporary)');
  });

  it('nothing added by the pull request: no section', () => {
    expect(suppressionSection([{ ...outcome(4), state: 'at-base' }], [])).toBe('');
  });
});
