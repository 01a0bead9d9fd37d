// What the engine reads of the configuration. The configuration's schema (src/config/) must
// produce a value of this shape; the engine never sees YAML, defaults or validation.
import type { Limits } from './evaluate/limits.js';
import type { AppliedWith } from './hcl/config-files.js';
import type { VarFilesSetting } from './evaluate/var-files.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A port, or an inclusive range written "8000-8100". */
export type PortOrRange = number | string;

export interface ReviewSettings {
  /** The lowest severity that fails the check. */
  fail_on: Severity | 'never';
  allowed_public_ports: PortOrRange[];
  sensitive_ports?: PortOrRange[] | undefined;
  trusted_cidrs: string[];
  rule_quota: number;
  max_hops: number;
  disabled_rules: readonly string[];
  /** Modules that create no resource (modules/label-only.ts): an unread call to one is no finding. */
  label_only_modules: readonly string[];
  max_instances: number;
  max_values: number;
  max_expression_depth: number;
  review_time_budget: number;
  max_module_depth: number;
  max_hcl1_statement_lines: number;
  /** The tool that applies the repository; unset, a repository with `.tofu` files is reviewed in both readings. */
  applied_with?: AppliedWith | undefined;
  /** The var files (`-var-file`) each root is applied with: root directory glob → paths relative to the root (var-files.ts). */
  var_files?: VarFilesSetting | undefined;
}

/** The configured bounds, in the evaluator's terms. */
export function limitsOf(settings: ReviewSettings): Limits {
  return {
    maxInstances: settings.max_instances,
    maxValues: settings.max_values,
    maxDepth: settings.max_expression_depth,
    timeBudgetSeconds: settings.review_time_budget,
    maxModuleDepth: settings.max_module_depth,
  };
}

/** "8000-8100" or 22 as an inclusive range. */
export function toPortRange(p: PortOrRange): [number, number] {
  if (typeof p === 'number') return [p, p];
  const [a, b] = p.split('-').map(Number);
  return [a!, b ?? a!];
}
