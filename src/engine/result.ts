// The output contract: the `sg-review/v1` document (PRODUCT.md §5) that the CLI prints, the
// check run summarises and outside checks read. Every field is declared here once, as a zod
// schema; the engine's types (ReviewResult, Finding, Location, …) are inferred from it, and
// docs/sg-review-v1.schema.json is generated from it (test/cli/schema.test.ts).
import { z } from 'zod';
import { MODULE_ORIGINS } from './modules/resolution.js';
import { RULE_IDS } from './rules/registry.js';
import { SEVERITIES } from './settings.js';

export const SCHEMA = 'sg-review/v1';

const lineNumber = z.number().int().min(1);
/** Inclusive ranges: port numbers, or for ICMP type × 256 + code. */
const portRanges = z.array(z.tuple([z.number().int(), z.number().int()]));

const locationSchema = z.object({ file: z.string(), startLine: lineNumber, endLine: lineNumber });
export type Location = z.infer<typeof locationSchema>;

const directionSchema = z.enum(['ingress', 'egress']);
export type Direction = z.infer<typeof directionSchema>;

const peerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cidr'), value: z.string() }),
  z.object({ type: z.literal('group'), value: z.string() }),
  z.object({ type: z.literal('prefix-list'), value: z.string() }),
  z.object({ type: z.literal('self'), value: z.string() }),
  z.object({
    type: z.literal('unresolved'),
    value: z.string(),
    reason: z.string(),
    expected: z.enum(['cidr', 'group', 'prefix-list']).optional().describe('What the value should have been (a group id cannot be the internet).'),
  }),
]);
/** Who access is opened to or from. */
export type OpenedPeer = z.infer<typeof peerSchema>;

const openedSchema = z.object({ peer: peerSchema, ports: portRanges });
/** One peer and the port ranges newly opened to or from it. */
export type Opened = z.infer<typeof openedSchema>;

const hopSchema = z.object({ from: z.string(), to: z.string(), protocol: z.string(), ports: portRanges });
export type Hop = z.infer<typeof hopSchema>;

const relatedLocationSchema = locationSchema.extend({ message: z.string() });
export type RelatedLocation = z.infer<typeof relatedLocationSchema>;

/** What a finding rule reports; the review adds the rule id and the suppression state. */
const ruleFindingSchema = z.object({
  severity: z.enum(SEVERITIES),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  title: z.string(),
  message: z.string(),
  resource: z.string(),
  location: locationSchema.describe('Where the change that caused it is, in the head revision (PRODUCT.md §3).'),
  access: z
    .object({
      direction: directionSchema,
      group: z.string(),
      protocol: z.string(),
      opened: z.array(openedSchema),
    })
    .optional(),
  path: z.array(hopSchema).optional(),
  related: z.array(relatedLocationSchema).optional().describe('Where the opening rule is when the finding sits on the change that caused it elsewhere.'),
});
export type RuleFinding = z.infer<typeof ruleFindingSchema>;

const findingSchema = ruleFindingSchema.extend({
  rule: z.enum(RULE_IDS),
  suppressed: z.boolean(),
  suppression: z.string().optional().describe('The reason of the suppression that applies.'),
  suppressionPending: z.string().optional().describe('A suppression this change adds or changes: not applied until approved (its reason).'),
});
export type Finding = z.infer<typeof findingSchema>;

const modelStatsSchema = z.object({ files: z.number().int(), groups: z.number().int(), rules: z.number().int() });
export type ModelStats = z.infer<typeof modelStatsSchema>;

const closedSchema = z.object({ group: z.string(), direction: directionSchema, protocol: z.string(), peer: z.string(), ports: portRanges });
export type Closed = z.infer<typeof closedSchema>;

const moduleSummarySchema = z.object({
  address: z.string().describe('`module.a.module.b`, without instance keys.'),
  file: z.string(),
  line: z.number().int(),
  source: z.string(),
  version: z.string().describe("The `version` constraint as written ('' when none)."),
  how: z.enum(MODULE_ORIGINS).nullable().describe('How its code was read; null when it could not be.'),
  resolvedVersion: z.string().nullable().describe('The registry version chosen, or the Git ref read.'),
  reason: z.string().nullable().describe('Why the code could not be read (or could not be followed).'),
  note: z.string().nullable(),
});
/** A module call as the summary shows it: where it is, its source, and how it was read. */
export type ModuleSummary = z.infer<typeof moduleSummarySchema>;

const suppressionOutcomeSchema = z.object({
  file: z.string(),
  line: lineNumber,
  rule: z.string(),
  reason: z.string(),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .describe("Of the comment and its block's text: an acceptance holds while this is unchanged."),
  state: z
    .enum(['at-base', 'accepted', 'pending', 'expired', 'invalid'])
    .describe(
      '`at-base`: the merge base has it; `accepted`: an approver accepted it (or `--accept-suppressions`); `pending`: added or changed by this change, not applied; `expired`: `until=` has passed; `invalid`: `until=` is not a date.',
    ),
  findings: z.array(z.string()).describe('The fingerprints of the findings it matches.'),
});
/** A suppression comment that matches a finding, and what became of it. */
export type SuppressionOutcome = z.infer<typeof suppressionOutcomeSchema>;

export const reviewResultSchema = z.object({
  schema: z.literal(SCHEMA),
  conclusion: z.enum(['success', 'failure']),
  stats: z.object({ base: modelStatsSchema, head: modelStatsSchema }),
  findings: z.array(findingSchema),
  closed: z.array(closedSchema).describe('Access the change removes: shown to the reviewer, never a failing finding.'),
  modules: z.array(moduleSummarySchema).describe('Every module call of the head, and how its code was read or why not.'),
  suppressionProblems: z
    .array(z.object({ file: z.string(), line: z.number().int(), rule: z.string(), problem: z.string() }))
    .describe('`sg-review:ignore` comments without a reason, naming an unknown rule, or matching nothing.'),
  suppressions: z.array(suppressionOutcomeSchema).describe('Every `sg-review:ignore` comment of the head that matches a finding, and its standing.'),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;
