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
/** An inclusive range of numbers from 0 to `max`. */
const range = (max: number) => z.tuple([z.number().int().min(0).max(max), z.number().int().min(0).max(max)]);
/** Inclusive ranges of port numbers. The engine holds ICMP this way too, as type × 256 + code; the document never shows that encoding. */
const portRanges = z.array(range(65535)).describe('Inclusive port ranges: `[[22, 22], [8000, 9000]]`.');
const icmpRanges = z
  .array(z.object({ types: range(255), codes: range(255) }))
  .describe(
    'ICMP / ICMPv6 as inclusive type and code ranges: every type in `types` with every code in `codes`. Echo request is `{ "types": [8, 8], "codes": [0, 0] }`, every code of destination-unreachable `{ "types": [3, 3], "codes": [0, 255] }`, all of ICMP `{ "types": [0, 255], "codes": [0, 255] }`.',
  );
const icmpProtocol = z.enum(['icmp', 'icmpv6']);
const portProtocol = z
  .string()
  .regex(/^(tcp|udp|all|[0-9]+)$/)
  .describe('`tcp`, `udp`, `all` or another protocol number: `ports` are port numbers (all of them, `[[0, 65535]]`, where AWS ignores ports).');

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

/** A hop's protocols after its first (`protocol` and `ports`): a hop carries every protocol and port between its two groups. */
const otherProtocols = <T extends z.ZodType>(traffic: T) =>
  z.array(traffic).optional().describe('The other protocols the hop carries, each with its ports (`icmp` for ICMP); absent when `protocol` is the only one.');

/** The engine's access, path hops and closed access: protocol and ports, ICMP encoded. */
const engineParts = {
  access: z.object({ direction: directionSchema, group: z.string(), protocol: z.string(), opened: z.array(openedSchema) }),
  hop: z.object({
    from: z.string(),
    to: z.string(),
    protocol: z.string(),
    ports: portRanges,
    otherProtocols: otherProtocols(z.object({ protocol: z.string(), ports: portRanges })),
  }),
  closed: z.object({
    group: z.string(),
    direction: directionSchema,
    protocol: z.string(),
    peer: z.string(),
    ports: portRanges,
    except: z
      .array(z.string())
      .optional()
      .describe("A narrowed range: `peer` is the base rule's range, and these parts of it the head still allows (so only the rest is closed)."),
    portsUnknown: z
      .literal(true)
      .optional()
      .describe("The base rule's protocol or ports were not known statically: `ports` is the widest range assumed, not what it allowed."),
  }),
};
export type Hop = z.infer<typeof engineParts.hop>;
export type Closed = z.infer<typeof engineParts.closed>;

/** One protocol and what it opens, as the document shows it. */
const documentTraffic = z.union([z.object({ protocol: portProtocol, ports: portRanges }), z.object({ protocol: icmpProtocol, icmp: icmpRanges })]);

/** The same in the document: ICMP as type/code ranges (`icmp` in place of `ports`), every other protocol with `ports`. */
const documentParts = {
  access: z.union([
    engineParts.access.extend({ protocol: portProtocol }),
    engineParts.access.extend({ protocol: icmpProtocol, opened: z.array(z.object({ peer: peerSchema, icmp: icmpRanges })) }),
  ]),
  hop: z.union([
    engineParts.hop.extend({ protocol: portProtocol, otherProtocols: otherProtocols(documentTraffic) }),
    engineParts.hop.omit({ ports: true }).extend({ protocol: icmpProtocol, icmp: icmpRanges, otherProtocols: otherProtocols(documentTraffic) }),
  ]),
  closed: z.union([
    engineParts.closed.extend({ protocol: portProtocol }),
    engineParts.closed.omit({ ports: true }).extend({ protocol: icmpProtocol, icmp: icmpRanges }),
  ]),
};

const relatedLocationSchema = locationSchema.extend({ message: z.string() });
export type RelatedLocation = z.infer<typeof relatedLocationSchema>;

const modelStatsSchema = z.object({ files: z.number().int(), groups: z.number().int(), rules: z.number().int() });
export type ModelStats = z.infer<typeof modelStatsSchema>;

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
  labelOnly: z.boolean().describe('Its source is one of `label_only_modules` (a module that creates no resource): unread, it leaves nothing unanalysed.'),
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
      '`at-base`: the merge base has it above the same, unchanged block; `accepted`: an approver accepted it (or `--accept-suppressions`); `pending`: added, changed or copied by this change, or above a block it changes: not applied; `expired`: `until=` has passed; `invalid`: `until=` is not a date.',
    ),
  findings: z.array(z.string()).describe('The fingerprints of the findings it matches.'),
});
/** A suppression comment that matches a finding, and what became of it. */
export type SuppressionOutcome = z.infer<typeof suppressionOutcomeSchema>;

/** What a finding rule reports, given how access and path hops are shown; the review adds the rule id and the suppression state. */
function ruleFindingSchema<A extends z.ZodType, H extends z.ZodType>(access: A, hop: H) {
  return z.object({
    severity: z.enum(SEVERITIES),
    fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
    title: z.string(),
    message: z.string(),
    resource: z.string(),
    location: locationSchema.describe('Where the change that caused it is, in the head revision (PRODUCT.md §3).'),
    access: access.optional(),
    path: z.array(hop).optional(),
    related: z.array(relatedLocationSchema).optional().describe('Where the opening rule is when the finding sits on the change that caused it elsewhere.'),
  });
}

function findingSchema<A extends z.ZodType, H extends z.ZodType>(access: A, hop: H) {
  return ruleFindingSchema(access, hop).extend({
    rule: z.enum(RULE_IDS),
    suppressed: z.boolean(),
    suppression: z.string().optional().describe('The reason of the suppression that applies.'),
    suppressionPending: z.string().optional().describe('A suppression this change adds or changes: not applied until approved (its reason).'),
  });
}

function resultSchema<F extends z.ZodType, C extends z.ZodType>(finding: F, closed: C) {
  return z.object({
    schema: z.literal(SCHEMA),
    conclusion: z.enum(['success', 'failure']),
    stats: z.object({ base: modelStatsSchema, head: modelStatsSchema }),
    findings: z.array(finding),
    closed: z.array(closed).describe('Access the change removes: shown to the reviewer, never a failing finding.'),
    unmanaged: z
      .array(z.object({ directory: z.string(), groups: z.array(z.string()) }))
      .describe(
        "Root directories the change deletes whole, with their groups: deleting Terraform files destroys nothing, so the groups and their rules stay in AWS (and in that root's state) until it is destroyed; they are no longer managed by this repository, and their access is not listed as closed.",
      ),
    modules: z.array(moduleSummarySchema).describe('Every module call of the head, and how its code was read or why not.'),
    suppressionProblems: z
      .array(z.object({ file: z.string(), line: z.number().int(), rule: z.string(), problem: z.string() }))
      .describe('`sg-review:ignore` comments without a reason, naming an unknown rule, or matching nothing.'),
    suppressions: z.array(suppressionOutcomeSchema).describe('Every `sg-review:ignore` comment of the head that matches a finding, and its standing.'),
    unreadAtBase: z
      .array(
        z.object({
          file: z.string(),
          line: z.number().int(),
          message: z.string(),
          unchangedBlocks: z
            .number()
            .int()
            .optional()
            .describe(
              "Blocks of the head whose text is the base's (same type and labels, same text but for layout and 0.11 spellings): compared as they were.",
            ),
          changedBlocks: z.number().int().optional().describe('Blocks of the head not found so at the base: compared with nothing, their findings say so.'),
        }),
      )
      .describe(
        'Files that did not parse at the base but do at the head: what they declared at the base is not known. Their head blocks unchanged since the base are compared as they were (`unchangedBlocks`); the others are compared as if they were new.',
      ),
    unreadAtHead: z
      .array(z.object({ file: z.string(), line: z.number().int(), message: z.string(), baseRules: z.number().int() }))
      .describe(
        'Files that parsed at the base, declared rules there (`baseRules`, at least 1) and do not parse at the head: what they declare at the head is not known, so none of those base rules is listed as closed. A file with no rule at the base is not listed (its `parse-error` finding names it).',
      ),
    ignoredFiles: z
      .array(z.object({ file: z.string(), replacedBy: z.string().nullable() }))
      .describe(
        'Files of the head that the tool applying the repository (`applied_with`) ignores, so sg-review does not read them: with OpenTofu, `x.tf` beside `x.tofu` (`replacedBy`) and `x.tf.json` beside `x.tofu.json`; with Terraform, every `.tofu` / `.tofu.json` file (`replacedBy` null). Empty when `applied_with` is unset.',
      ),
    bothReadings: z
      .literal(true)
      .optional()
      .describe(
        'Set when the change reaches a directory with `.tofu` files (changes it, calls it or is called from it) and the configuration does not say which tool applies the repository (`applied_with`): the change was reviewed as OpenTofu reads it and as Terraform reads it, and the findings of both are listed.',
      ),
  });
}

type EngineAccess = typeof engineParts.access;
type EngineHop = typeof engineParts.hop;
export type RuleFinding = z.infer<ReturnType<typeof ruleFindingSchema<EngineAccess, EngineHop>>>;
type EngineFinding = ReturnType<typeof findingSchema<EngineAccess, EngineHop>>;
export type Finding = z.infer<EngineFinding>;
/** The review as the engine, the check run and the renderers read it. */
export type ReviewResult = z.infer<ReturnType<typeof resultSchema<EngineFinding, typeof engineParts.closed>>>;

/** The `sg-review/v1` document: the review with ICMP as type/code (render/json.ts converts). */
export const reviewResultSchema = resultSchema(findingSchema(documentParts.access, documentParts.hop), documentParts.closed);
export type ReviewDocument = z.infer<typeof reviewResultSchema>;
