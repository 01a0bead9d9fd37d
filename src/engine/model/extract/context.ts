// What every extractor shares: the model being built, the instance being read, and how an
// attribute is evaluated with its unknowns recorded once per resource and expression.
import type { LocatedBlock, Span } from '../../hcl/locate.js';
import { Alternatives, OneOf, possibleValues } from '../../evaluate/alternatives.js';
import { evaluateJson, unwrap, type Scope } from '../../evaluate/evaluate.js';
import type { Declaration } from '../../evaluate/module-source.js';
import type { ModuleInstance } from '../../evaluate/module.js';
import { Unknown, display, type Value } from '../../evaluate/value.js';
import { groupKeys, type GroupNames, type PeerOrInvalid } from '../peer.js';
import type { Location, Model } from '../types.js';
import type { PrefixListEntries } from './prefix-list.js';

/** One instance of a resource declaration (after count / for_each). */
export interface Instance {
  decl: Declaration;
  address: string;
  scope: Scope;
  /** The count / for_each not known here when the instance may not exist, else null. */
  conditional: Unknown | null;
  /** Named without a key for every instance of a count / for_each not known here. */
  anyKey?: true;
  module: ModuleInstance;
  /** The root variables set outside the repository that create this instance (ModuleInstance.setOutside). */
  setOutside: string[];
}

export class Extraction {
  readonly model: Model = {
    files: [],
    groups: [],
    rules: [],
    declarations: [],
    attachments: [],
    unknowns: [],
    invalidRules: [],
    parseErrors: [],
    externalModules: [],
    moduleCalls: [],
    moved: [],
    removed: [],
    imported: [],
    inputs: [],
    suppressions: [],
    resources: [],
  };

  readonly #seenUnknowns = new Set<string>();

  /** Group ids `import` blocks give, each to the group it becomes (model/imported-groups.ts). */
  readonly importedGroups = new Map<string, string>();

  /** The customer-managed prefix lists written in the configuration, by address (extract/prefix-list.ts). */
  readonly prefixLists = new Map<string, PrefixListEntries>();

  /** The configuration's groups by name (peer.ts GroupNames), collected before any rule is read. */
  readonly groupNames = new Map<string, string[]>();

  unknown(u: Unknown, attribute: string, resource: string, loc: Location): void {
    const expr = u.expr.replace(/\s+/g, ' ').trim();
    const key = `${resource}\0${expr}`;
    if (this.#seenUnknowns.has(key)) return;
    this.#seenUnknowns.add(key);
    this.model.unknowns.push({ expr, reason: u.reason, attribute, resource, location: loc });
  }

  /** Evaluates a top-level attribute of a resource instance, recording unknowns. */
  attr(inst: Instance, name: string, raw: unknown = inst.decl.body[name]): Value {
    if (raw === undefined) return null;
    const v = evaluateJson(raw, inst.scope);
    // one of a known list's elements is no unknown for the peers read from it (listOf, peerChoices)
    if (v instanceof Unknown && !(v instanceof OneOf)) this.#attributeUnknown(inst, name, v);
    return v;
  }

  #attributeUnknown(inst: Instance, name: string, u: Unknown): void {
    this.unknown(u, name, inst.address, location(inst.decl, inst.decl.block?.attributes.get(name)));
  }

  /** Attachment attributes are informational: their unknowns are not rule unknowns. */
  attrQuiet(inst: Instance, name: string): Value {
    const raw = inst.decl.body[name];
    return raw === undefined ? null : evaluateJson(raw, inst.scope);
  }

  recordPeerUnknowns(inst: Instance, attribute: string, peers: PeerOrInvalid[], loc: Location): void {
    for (const p of peers) if (p.type === 'unresolved' || p.type === 'set-outside') this.unknown(new Unknown(p.value, p.reason), attribute, inst.address, loc);
  }

  /**
   * The group a standalone rule targets: its address, a literal id, or the expression. A target
   * not known before apply is still that group when every branch it can take is that group.
   */
  targetGroup(inst: Instance, attribute: string): string {
    const v = this.attrQuiet(inst, attribute);
    if (!(v instanceof Unknown)) {
      const keys = groupKeys(v, this.groupNames);
      // a name several groups share: which one is not known here, the rule stays on the name
      const key = keys.length === 1 ? keys[0]! : display(v).trim();
      // AWS refuses an empty target and the argument is required, so an empty or null id comes
      // from outside (an empty default a caller sets): the rule is on the group its expression
      // names, never on a nameless one ("opened to the internet on null")
      if (v !== null && key.trim() !== '') return key;
      const raw = inst.decl.body[attribute];
      return (typeof raw === 'string' && unwrap(raw)) || '""';
    }
    const sole = soleGroup(v, this.groupNames);
    if (sole !== null) return sole;
    this.#attributeUnknown(inst, attribute, v);
    return v.expr;
  }
}

// what AWS takes as the group a rule is added to: its id ("" or a word such as "disabled"
// fails). A value set outside the repository is an empty default (null, [], {}), kept unknown.
const isTarget = (v: Value) => typeof v !== 'string' || /^sg-[0-9a-f]+$/.test(v.trim());

/** The one group every possible value of an unknown designates, or null. */
function soleGroup(v: Unknown, names: GroupNames): string | null {
  const one = (x: Value) => {
    const keys = x instanceof Unknown ? [] : groupKeys(x, names);
    return keys.length === 1 ? keys[0]! : null;
  };
  const keys = new Set(possibleValues(v, isTarget).map(one));
  const [only] = keys;
  return keys.size === 1 && only !== undefined ? only : null;
}

export function createBeforeDestroy(inst: Instance): boolean {
  const lifecycle = (inst.decl.body['lifecycle'] as Record<string, unknown>[] | undefined)?.[0];
  return lifecycle ? evaluateJson(lifecycle['create_before_destroy'] ?? false, inst.scope) === true : false;
}

export function location(decl: Declaration, span?: Span | LocatedBlock): Location {
  const s = span ?? decl.block;
  return { file: s?.file ?? decl.file, startLine: s?.startLine ?? 1, endLine: s?.endLine ?? 1 };
}

/**
 * The values a rule's peer argument can be: each branch of a conditional whose condition is
 * unknown (the rule opens to whichever it is, so each is reviewed), each element for
 * `L[count.index]` (OneOf), none for null. A known group on one branch keeps its identity:
 * `v == "self" ? aws_security_group.this.id : v` is this group or v, not one unknown.
 */
export function peerChoices(v: Value): Value[] {
  const choices = possibleValues(v).filter((x) => x !== null);
  // an empty branch of a conditional (`c ? var.sg : ""`) is no peer either: AWS refuses an
  // empty one, so only an apply that fails, or a rule its count switches off, takes it
  return v instanceof Alternatives && !(v instanceof OneOf) ? choices.filter((x) => x !== '') : choices;
}

/**
 * A list attribute, each conditional in it expanded (see peerChoices); a scalar counts as a
 * one-element list, null as empty. Nested lists are flattened: Terraform 0.11 wrote a list
 * variable as `["${var.list}"]`, meaning the list.
 */
export function listOf(v: Value | undefined, joined = new Set<Unknown>()): Value[] {
  return peerChoices(v ?? null).flatMap((x) => {
    if (x instanceof Unknown && x.parts) {
      // a joined list met again adds no element (`concat(a, a)`); walking it again would make a
      // chain of such joins, which shares its parts, exponential (red24 bound-exp-concat)
      if (joined.has(x)) return [];
      joined.add(x);
      return x.parts.flatMap((part) => listOf(part, joined));
    }
    return Array.isArray(x)
      ? x.flatMap((item) => (Array.isArray(item) || item instanceof Alternatives || isJoined(item) ? listOf(item, joined) : [item]))
      : [x];
  });
}

const isJoined = (v: Value): boolean => v instanceof Unknown && v.parts !== undefined;

export function stringOrNull(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return display(v);
}
