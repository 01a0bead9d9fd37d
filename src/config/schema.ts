// The configuration (.github/sg-review.yml, or --config FILE): one schema that gives the types,
// the defaults and the error messages.
import { DEFAULT_MAX_DATA_FILE_BYTES } from '../engine/evaluate/data-files.js';
import { z } from 'zod';
import ipaddr from 'ipaddr.js';
import { DEFAULT_LIMITS } from '../engine/evaluate/limits.js';
import { MAX_STATEMENT_LINES } from '../engine/hcl/hcl1-repair.js';
import { MAX_LINK_HOPS } from '../engine/hcl/links.js';

import { RULE_IDS, isRuleId } from '../engine/rules/registry.js';
import { LABEL_ONLY_MODULES, moduleIdentity } from '../engine/modules/label-only.js';
import { SEVERITIES, type ReviewSettings } from '../engine/settings.js';

export { SEVERITIES, limitsOf, toPortRange, type Severity } from '../engine/settings.js';

const PORTS = 'ports are 0 to 65535';
const port = z.number().int().min(0, PORTS).max(65535, PORTS);
const portOrRange = z.union([
  port,
  z
    .string()
    .regex(/^\d+(-\d+)?$/, 'a port or a range such as "8000-8100"')
    .refine((s) => s.split('-').every((p) => Number(p) <= 65535), PORTS)
    .refine((s) => {
      const [from, to] = s.split('-').map(Number);
      return to === undefined || from! <= to;
    }, 'a range goes from the lower port to the higher one'),
]);

/** A login (`alice`, `@alice`) or an organisation's team (`acme/security`, `@acme/security`). */
const APPROVER = /^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$/;

export const configSchema = z
  .object({
    /** The lowest severity that fails the check. */
    fail_on: z.enum([...SEVERITIES, 'never']).default('high'),
    /** The conclusion of a run that fails internally. */
    on_error: z.enum(['failure', 'neutral', 'success']).default('failure'),
    /** Globs of paths to analyse (default: everything). */
    paths: z.array(z.string()).default(['**']),
    /** Globs of paths to leave out. */
    ignore_paths: z.array(z.string()).default([]),
    /** Ports that may be open to the internet at low severity. */
    allowed_public_ports: z.array(portOrRange).default([80, 443]),
    /** Overrides the documented sensitive-port list (src/engine/findings/sensitive-ports.ts). */
    sensitive_ports: z.array(portOrRange).optional(),
    /** Ranges treated as trusted (the office, the VPN): access from them is low severity. */
    trusted_cidrs: z.array(z.string().refine((c) => ipaddr.isValidCIDR(c), { message: 'must be a CIDR block such as 203.0.113.0/24' })).default([]),
    /** Rules per group and direction before `rule-quota` fires (AWS default 60). */
    rule_quota: z.number().int().min(1).max(1000).default(60),
    /** How many hops from the internet the path analysis follows. */
    max_hops: z.number().int().min(1).max(16).default(4),
    /** Post line comments on the pull request. */
    review_comments: z.boolean().default(true),
    /** Line comments per review, the most severe first; the rest are in the check-run summary. */
    max_review_comments: z.number().int().min(0).max(1000).default(25),
    /** Check-run annotations, the most severe first (GitHub takes 50 per request). */
    max_annotations: z.number().int().min(0).max(5000).default(500),
    /** Rule ids never reported. */
    disabled_rules: z
      .array(z.string().refine(isRuleId, { error: (issue) => `unknown rule ${JSON.stringify(issue.input)}; rules are ${RULE_IDS.join(', ')}` }))
      .default([]),
    /** Modules that create no resource: an unread call to one is not `unanalysed-module`.
     * Replaces the default list (give it again to extend it; `[]` turns it off). */
    label_only_modules: z
      .array(
        z
          .string()
          .max(300)
          .refine(
            (s) => moduleIdentity(s) !== null,
            'a registry address such as "cloudposse/label/null" or a GitHub repository such as "github.com/owner/repo"',
          ),
      )
      .max(100)
      .default([...LABEL_ONLY_MODULES]),
    /** Who may accept the suppressions a pull request adds (`/sg-review accept`): logins and
     * `org/team` slugs. Absent: anyone with write, maintain or admin permission. Never the author. */
    suppression_approvers: z.array(z.string().regex(APPROVER, 'a GitHub login such as "alice" or a team such as "acme/security"')).max(100).optional(),
    // Bounds on the work of one review (a PR controls its input); a bound hit is an `analysis-limit` finding.
    /** Instances per resource or module call (count / for_each). */
    max_instances: z.number().int().min(1).max(1_000_000).default(DEFAULT_LIMITS.maxInstances),
    /** Elements per collection (a string: a thousand characters per element; steps per expression: ten per element). */
    max_values: z.number().int().min(100).max(10_000_000).default(DEFAULT_LIMITS.maxValues),
    /** Nesting of brackets in a file and of evaluation (through locals and outputs). */
    max_expression_depth: z.number().int().min(10).max(400).default(DEFAULT_LIMITS.maxDepth),
    /** Seconds of evaluation per review. */
    review_time_budget: z.number().int().min(1).max(3600).default(DEFAULT_LIMITS.timeBudgetSeconds),
    /** Levels of local module calls followed below a root (and read below a changed directory). */
    max_module_depth: z.number().int().min(1).max(64).default(DEFAULT_LIMITS.maxModuleDepth),
    /** Directories searched for the callers of a changed module (the PR's own new directories last). */
    max_caller_dirs: z.number().int().min(1).max(100_000).default(200),
    // Bounds that leave a file unread; a bound hit is a `parse-error` naming the file and the key.
    /** Symbolic links followed from one Terraform file (a longer chain is not followed). */
    max_link_hops: z.number().int().min(1).max(40).default(MAX_LINK_HOPS),
    /** Bytes of one file the configuration reads through file() / templatefile() (a larger one
     * is not read: its values are unresolved, and the review reports the bound as an analysis limit). */
    max_data_file_bytes: z.number().int().min(1).max(100_000_000).default(DEFAULT_MAX_DATA_FILE_BYTES),
    /** Lines of one argument compared as a Terraform 0.11 repeated copy (a longer one leaves the file unparsed). */
    max_hcl1_statement_lines: z.number().int().min(1).max(100_000).default(MAX_STATEMENT_LINES),
    /** The tool that applies the repository: `opentofu` reads `x.tofu` instead of `x.tf`,
     * `terraform` reads no `.tofu` file. Unset, a repository with `.tofu` files is reviewed as
     * both read it, and the findings of both are listed. */
    applied_with: z.enum(['terraform', 'opentofu']).optional(),
    /** The var files (`-var-file`) each root is applied with, which Terraform does not find on its
     * own: a root directory glob (`.` the top) to files relative to that root, in the order CI
     * gives them. Their values flow like terraform.tfvars, after the automatic files. */
    var_files: z
      .record(
        z.string().min(1),
        z.array(
          z
            .string()
            .min(1)
            .regex(/\.tfvars(\.json)?$/, 'a var file ends in .tfvars or .tfvars.json'),
        ),
      )
      .default({}),
    /** Remote module reads per review (registry and GitHub sources, the App's submodules; modules beyond a bound are
     * `unanalysed-module`). A key set here wins over the server's SG_REVIEW_MODULE_* variables. */
    modules: z
      .object({
        max_count: z.number().int().min(1).max(500).optional(),
        max_bytes: z.number().int().min(10_000).max(100_000_000).optional(),
        timeout_seconds: z.number().int().min(1).max(600).optional(),
      })
      .strict()
      .default({}),
  })
  // the engine reads a subset of what the schema produces (src/engine/settings.ts)
  .strict() satisfies z.ZodType<ReviewSettings>;

export type Config = z.infer<typeof configSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export class ConfigError extends Error {}

/** Validates a parsed configuration, naming each bad key in the error. */
export function validateConfig(raw: unknown, source: string): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const key = i.path.join('.') || '(top level)';
    if (i.code === 'unrecognized_keys') return `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    return `"${key}": ${i.message}`;
  });
  throw new ConfigError(`${source}: ${problems.join('; ')}`);
}
