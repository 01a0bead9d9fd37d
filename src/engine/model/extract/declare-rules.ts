// One rule declaration (inline block or standalone resource) into the model: a declaration,
// and one AWS rule per peer with its protocol and ports normalised.
import { referencedNames } from '../../evaluate/references.js';
import { isObject, type Value } from '../../evaluate/value.js';
import { ruleProtocolAndPorts } from '../rule-fields.js';
import type { Direction, Location, Peer, Rule, RuleDeclaration, RuleOrigin } from '../types.js';
import { createBeforeDestroy, stringOrNull, type Extraction, type Instance } from './context.js';

export interface RuleSpec {
  group: string;
  direction: Direction;
  protocol: Value;
  from: Value;
  to: Value;
  peers: Peer[];
  description: string | null;
  origin: RuleOrigin;
  resource: string;
  location: Location;
  conditional: string | null;
  createBeforeDestroy: boolean;
  refs: string[];
  digest: string;
  /** Root variables with an empty default that the declaration reads (see RuleDeclaration). */
  emptyDefaults: string[];
}

/** What every standalone rule resource declares the same way, whatever its family. */
export function standaloneRuleFields(
  x: Extraction,
  inst: Instance,
  loc: Location,
): Pick<RuleSpec, 'description' | 'resource' | 'location' | 'conditional' | 'createBeforeDestroy' | 'refs' | 'digest' | 'emptyDefaults'> {
  return {
    description: stringOrNull(x.attr(inst, 'description')),
    resource: inst.address,
    location: loc,
    conditional: inst.conditional,
    createBeforeDestroy: createBeforeDestroy(inst),
    ...declarationFacts(inst.decl.body),
    emptyDefaults: emptyDefaults(inst),
  };
}

/** The root variables a declaration reads whose default, used here, is empty. */
export function emptyDefaults(inst: Instance): string[] {
  return inst.module.settableOutside(inst.decl.body).filter((name) => {
    const v = inst.module.variable(name.slice('var.'.length));
    return v === null || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
  });
}

const facts = new WeakMap<object, Pick<RuleSpec, 'refs' | 'digest'>>();

/**
 * The names a declaration references and its digest, computed once per declaration body: a
 * group's inline rules and a counted resource's instances all share them (once per rule, a
 * 2,000-group module spent a second re-serialising bodies).
 */
export function declarationFacts(body: Record<string, unknown>): Pick<RuleSpec, 'refs' | 'digest'> {
  let known = facts.get(body);
  if (!known) {
    known = { refs: referencedNames(body), digest: JSON.stringify(body) };
    facts.set(body, known);
  }
  return known;
}

export function addRules(x: Extraction, spec: RuleSpec): void {
  const { protocol, ports, unresolved } = ruleProtocolAndPorts(spec.protocol, spec.from, spec.to);
  for (const peer of spec.peers) {
    const rule: Rule = {
      group: spec.group,
      direction: spec.direction,
      protocol,
      ports,
      peer,
      description: spec.description,
      origin: spec.origin,
      resource: spec.resource,
      location: spec.location,
      conditional: spec.conditional,
      unresolved: unresolved.length ? unresolved.join('; ') : null,
      refs: spec.refs,
      digest: spec.digest,
    };
    x.model.rules.push(rule);
  }
  const declaration: RuleDeclaration = {
    group: spec.group,
    direction: spec.direction,
    origin: spec.origin,
    resource: spec.resource,
    location: spec.location,
    description: spec.description,
    awsRules: spec.peers.length,
    protocol,
    ports,
    peersSetOutside: spec.peers.length ? [] : spec.emptyDefaults,
    conditional: spec.conditional,
    references: spec.peers.flatMap((p) => (p.type === 'group' ? [p.value] : [])),
    identity: [spec.direction, protocol, ports.join('-'), ...spec.peers.map((p) => `${p.type}:${p.value}`).sort()].join('|'),
    createBeforeDestroy: spec.createBeforeDestroy,
  };
  x.model.declarations.push(declaration);
}
