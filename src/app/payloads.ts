// The fields of each webhook payload that the handlers read, checked before any handler runs: a
// payload without them (a truncated or hand-made delivery with a valid signature) is answered
// 400 naming the field, never a crash (500). The shapes are those of @octokit/webhooks-examples
// (test/app/payloads.test.ts checks every example of these events against them).
import { z } from 'zod';

const sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'a commit SHA');
const number = z.number().int().positive();
const common = {
  repository: z.object({ name: z.string(), owner: z.object({ login: z.string() }), default_branch: z.string() }),
  installation: z.object({ id: number }).optional(),
};

const SCHEMAS: Record<string, z.ZodType> = {
  pull_request: z.object({
    ...common,
    pull_request: z.object({ number, head: z.object({ sha }), base: z.object({ sha }), changed_files: z.number().int().nonnegative().optional() }),
  }),
  issue_comment: z.object({
    ...common,
    issue: z.object({ number, pull_request: z.object({}).optional() }),
    comment: z.object({ id: number, body: z.string() }),
    sender: z.object({ login: z.string(), type: z.string() }),
  }),
  check_run: z.object({
    ...common,
    check_run: z.object({ id: number, name: z.string(), external_id: z.string().nullable(), pull_requests: z.array(z.object({ number })) }),
  }),
  check_suite: z.object({ ...common, check_suite: z.object({ head_sha: sha, pull_requests: z.array(z.object({ number })) }) }),
  merge_group: z.object({ ...common, merge_group: z.object({ head_sha: sha, base_sha: sha }) }),
};

/** A payload the app cannot act on: answered 400 by the webhook middleware. */
export class BadPayload extends Error {
  readonly status = 400;
}

export function checkPayload(event: string, payload: unknown): void {
  const schema = SCHEMAS[event];
  if (!schema) return;
  const result = schema.safeParse(payload);
  if (!result.success)
    throw new BadPayload(`${event} payload: ${result.error.issues.map((i) => `"${i.path.join('.') || '(top level)'}": ${i.message}`).join('; ')}`);
}
