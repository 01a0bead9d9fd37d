// Terraform's module version constraints (hashicorp/go-version, as `terraform init` applies
// them to registry modules). Written by hand: npm's semver reads `~>` differently (its `~` is
// not pessimistic over the last given segment) and treats prereleases by its own rules.
//   `~> 5.1` = >= 5.1.0, < 6.0.0;  `~> 5.1.2` = >= 5.1.2, < 5.2.0;  `~> 5` = >= 5.0.0
//   `=`, `!=`, `>`, `>=`, `<`, `<=`, no operator (=), comma-joined (all must hold)
//   a prerelease is chosen only when a constraint names it exactly (`= 1.0.0-beta`)

export interface Version {
  segments: [number, number, number];
  /** How many numeric segments were written (`5.1` → 2). */
  given: number;
  prerelease: string;
  text: string;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | null {
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  const given = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { segments: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], given, prerelease: m[4] ?? '', text: text.trim() };
}

/** Semantic-version precedence: numeric segments, then a prerelease sorts before its release. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.segments[i] !== b.segments[i]) return a.segments[i]! - b.segments[i]!;
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  const pa = a.prerelease.split('.');
  const pb = b.prerelease.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';

interface Constraint {
  op: Operator;
  version: Version;
}

export class ConstraintError extends Error {}

const CONSTRAINT = /^(=|!=|>=|<=|>|<|~>)?\s*(\S+)$/;

/** Parses `">= 1.2, < 2.0"`; an empty string allows every release. */
export function parseConstraints(text: string): Constraint[] {
  if (!text.trim()) return [];
  return text.split(',').map((part) => {
    const m = CONSTRAINT.exec(part.trim());
    const version = m ? parseVersion(m[2]!) : null;
    if (!m || !version) throw new ConstraintError(`"${part.trim()}" is not a version constraint`);
    return { op: (m[1] ?? '=') as Operator, version };
  });
}

function holds(c: Constraint, v: Version): boolean {
  const cmp = compareVersions(v, c.version);
  switch (c.op) {
    case '=':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '~>': {
      if (cmp < 0) return false;
      // every written segment but the last is fixed; the last may only grow
      for (let i = 0; i < c.version.given - 1; i++) if (v.segments[i] !== c.version.segments[i]) return false;
      return true;
    }
  }
}

/** Whether a version satisfies every constraint (prereleases only by exact match). */
export function satisfies(version: Version, constraints: Constraint[]): boolean {
  if (version.prerelease && !constraints.some((c) => c.op === '=' && compareVersions(c.version, version) === 0)) return false;
  return constraints.every((c) => holds(c, version));
}

/** The newest of `available` that satisfies `constraint` (the version `terraform init` picks). */
export function resolveVersion(available: string[], constraint: string): string | null {
  const constraints = parseConstraints(constraint);
  let best: Version | null = null;
  for (const text of available) {
    const v = parseVersion(text);
    if (v && satisfies(v, constraints) && (!best || compareVersions(v, best) > 0)) best = v;
  }
  return best?.text ?? null;
}
