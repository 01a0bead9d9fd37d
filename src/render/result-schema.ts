// The `sg-review/v1` JSON document (PRODUCT.md §5) as a schema: outside checks read this
// shape, so tests validate every CLI output against it, and docs/sg-review-v1.schema.json is
// generated from it.
import { z } from 'zod';
import type { ReviewResult } from '../engine/review.js';
import { RULE_IDS } from '../engine/rules/registry.js';
import { SEVERITIES } from '../engine/settings.js';

const ports = z.array(z.tuple([z.number().int(), z.number().int()]));
const peer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cidr'), value: z.string() }).passthrough(),
  z.object({ type: z.literal('group'), value: z.string() }),
  z.object({ type: z.literal('prefix-list'), value: z.string() }),
  z.object({ type: z.literal('self'), value: z.string() }),
  z.object({ type: z.literal('unresolved'), value: z.string() }).passthrough(),
]);
const location = z.object({ file: z.string(), startLine: z.number().int().min(1), endLine: z.number().int().min(1) });
const stats = z.object({ files: z.number().int(), groups: z.number().int(), rules: z.number().int() });

export const resultSchema = z.object({
  schema: z.literal('sg-review/v1'),
  conclusion: z.enum(['success', 'failure']),
  stats: z.object({ base: stats, head: stats }),
  findings: z.array(
    z.object({
      rule: z.enum(RULE_IDS),
      severity: z.enum(SEVERITIES),
      fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
      title: z.string(),
      message: z.string(),
      resource: z.string(),
      location,
      suppressed: z.boolean(),
      suppression: z.string().optional(),
      suppressionPending: z.string().optional(),
      access: z
        .object({
          direction: z.enum(['ingress', 'egress']),
          group: z.string(),
          protocol: z.string(),
          opened: z.array(z.object({ peer, ports })),
        })
        .optional(),
      path: z.array(z.object({ from: z.string(), to: z.string(), protocol: z.string(), ports })).optional(),
      related: z.array(z.object({ file: z.string(), startLine: z.number().int().min(1), endLine: z.number().int().min(1), message: z.string() })).optional(),
    }),
  ),
  closed: z.array(z.object({ group: z.string(), direction: z.string(), protocol: z.string(), peer: z.string(), ports })),
  modules: z.array(
    z.object({
      address: z.string(),
      file: z.string(),
      line: z.number().int(),
      source: z.string(),
      version: z.string(),
      how: z.enum(['local', 'init cache', 'github', 'registry']).nullable(),
      resolvedVersion: z.string().nullable(),
      reason: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  suppressionProblems: z.array(z.object({ file: z.string(), line: z.number().int(), rule: z.string(), problem: z.string() })),
});

/** The document the schema describes. */
export type ResultDocument = z.infer<typeof resultSchema>;

/**
 * The engine's result is the document: this only compiles while every ReviewResult is a valid
 * ResultDocument (the schema test checks the values too).
 */
export function asDocument(result: ReviewResult): ResultDocument {
  return result;
}

export function resultJsonSchema(): unknown {
  return z.toJSONSchema(resultSchema);
}
