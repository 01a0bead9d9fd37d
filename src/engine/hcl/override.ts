// Override files (`override.tf`, `*_override.tf`, their .tf.json and OpenTofu .tofu /
// .tofu.json forms) merged the way
// Terraform merges them (language/files/override): each override file, in lexicographical
// order, merges each of its top-level blocks into the block with the same header. An argument
// replaces the original's; nested blocks of a type replace all the original's blocks of that
// type, `dynamic` ones included; `lifecycle` merges argument by argument; locals merge one by
// one. Merged parts keep their own file in their spans, so findings point at the override.
import { posix } from 'node:path';
import { configStem, isConfigFile } from './config-files.js';
import type { LocatedBlock, LocatedFile, Span } from './locate.js';
import type { ParsedFile, ParseError } from './parse.js';

type Body = Record<string, unknown>;

/** Whether Terraform reads a file as an override file. */
export function isOverrideFile(path: string): boolean {
  const name = configStem(path);
  return isConfigFile(path) && (name === 'override' || name.endsWith('_override'));
}

/** The files with every override merged into the primary files (override files left empty), and the overrides that match nothing. */
export function mergeOverrides(files: ParsedFile[]): { files: ParsedFile[]; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const out = files.map((f) => (isOverrideFile(f.path) ? { ...f, body: {} } : f));
  const overrides = files.filter((f) => isOverrideFile(f.path)).sort((a, b) => (posix.basename(a.path) < posix.basename(b.path) ? -1 : 1));
  for (const o of overrides) {
    const dir = posix.dirname(o.path);
    const primaries = out.filter((f) => posix.dirname(f.path) === dir && !isOverrideFile(f.path) && isConfigFile(f.path));
    mergeFile(o, primaries, out, errors);
  }
  return { files: out, errors };
}

/** Block kinds merged by labels: [kind, number of labels]. */
const LABELLED: [string, number][] = [
  ['resource', 2],
  ['data', 2],
  ['variable', 1],
  ['output', 1],
  ['module', 1],
];

function mergeFile(o: ParsedFile, primaries: ParsedFile[], out: ParsedFile[], errors: ParseError[]): void {
  const replace = (next: ParsedFile) => {
    out[out.findIndex((f) => f.path === next.path)] = next;
    primaries[primaries.findIndex((f) => f.path === next.path)] = next;
  };
  const missing = (what: string, line: number) =>
    errors.push({ file: o.path, line, column: 1, message: `${what} overrides nothing: Terraform refuses an override without an original` });
  for (const [kind, depth] of LABELLED) {
    // two blocks with one header in an override file merge in turn: the last one wins
    for (const [labels, overBody, nth] of declarations(o.body[kind], depth)) {
      // HCL and JSON files alike are located to each argument and nested block (json-syntax.ts)
      const overBlock = findBlock(o.located, kind, labels, nth);
      const overLine = overBlock?.startLine ?? 1;
      const header = `${kind} ${labels.map((l) => JSON.stringify(l)).join(' ')}`;
      const target = primaries.find((p) => declarations(p.body[kind], depth).some(([l]) => sameLabels(l, labels)));
      if (!target) {
        missing(header, overLine);
        continue;
      }
      const original = declarations(target.body[kind], depth).find(([l]) => sameLabels(l, labels))![1];
      const merged = mergeBody(original, overBody, overBlock, kind === 'resource' || kind === 'data');
      const origBlock = findBlock(target.located, kind, labels);
      replace({
        ...target,
        body: { ...target.body, [kind]: withDeclaration(target.body[kind], labels, merged) },
        located: origBlock
          ? replaceBlock(target.located, origBlock, mergeLocated(origBlock, overBlock ?? jsonBlock(overBody, kind, overLine), o.path))
          : target.located,
      });
    }
  }
  for (const block of (o.body['locals'] ?? []) as Body[]) {
    for (const [name, raw] of Object.entries(block)) {
      const span = o.located.blocks
        .filter((b) => b.type === 'locals')
        .find((b) => b.attributes.has(name))
        ?.attributes.get(name);
      const target = primaries.find((p) => ((p.body['locals'] ?? []) as Body[]).some((l) => Object.hasOwn(l, name)));
      if (!target) {
        missing(`local.${name}`, span?.startLine ?? 1);
        continue;
      }
      const locals = ((target.body['locals'] ?? []) as Body[]).map((l) => (Object.hasOwn(l, name) ? { ...l, [name]: raw } : l));
      const blocks = target.located.blocks.map((b) =>
        b.type === 'locals' && b.attributes.has(name) && span ? { ...b, attributes: new Map([...b.attributes, [name, { ...span, file: o.path }]]) } : b,
      );
      replace({ ...target, body: { ...target.body, locals }, located: { ...target.located, blocks } });
    }
  }
}

/** `{ TYPE: { NAME: [body, …] } }` (depth 2) or `{ NAME: [body, …] }` (depth 1) as [labels, body, nth with those labels]. */
function declarations(raw: unknown, depth: number): [string[], Body, number][] {
  if (!raw || typeof raw !== 'object') return [];
  const out: [string[], Body, number][] = [];
  for (const [label, inner] of Object.entries(raw as Body)) {
    if (depth === 2) for (const [labels, body, nth] of declarations(inner, 1)) out.push([[label, ...labels], body, nth]);
    else if (Array.isArray(inner)) inner.forEach((body, nth) => body && typeof body === 'object' && out.push([[label], body as Body, nth]));
  }
  return out;
}

function sameLabels(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function withDeclaration(raw: unknown, labels: string[], body: Body): Body {
  const [first, ...rest] = labels as [string, ...string[]];
  const current = (raw ?? {}) as Body;
  if (!rest.length) return { ...current, [first]: [body, ...((current[first] as Body[] | undefined) ?? []).slice(1)] };
  return { ...current, [first]: withDeclaration(current[first], rest, body) };
}

function findBlock(located: LocatedFile, kind: string, labels: string[], nth = 0): LocatedBlock | undefined {
  return located.blocks.filter((b) => b.type === kind && sameLabels(b.labels, labels))[nth];
}

/** An override block that could not be located, at its header line. */
function jsonBlock(body: Body, kind: string, line: number): LocatedBlock {
  const types = overriddenBlockTypes(body, undefined);
  const at = { startLine: line, endLine: line };
  return {
    type: kind,
    labels: [],
    ...at,
    attributes: new Map(
      Object.keys(body)
        .filter((k) => !types.has(k) && k !== 'dynamic')
        .map((k): [string, Span] => [k, at]),
    ),
    blocks: [...types].flatMap((t) =>
      [...((body[t] as unknown[] | undefined) ?? []), ...(((body['dynamic'] as Body | undefined)?.[t] as unknown[] | undefined) ?? [])].map(
        (): LocatedBlock => ({ type: t, labels: [], ...at, attributes: new Map(), blocks: [] }),
      ),
    ),
  };
}

/** Nested block types the override sets (as blocks, `dynamic` ones by their label). */
function overriddenBlockTypes(over: Body, overBlock: LocatedBlock | undefined): Set<string> {
  const types = new Set(Object.keys((over['dynamic'] ?? {}) as Body));
  for (const [k, v] of Object.entries(over)) {
    if (k === 'dynamic') continue;
    // HCL: the scanner tells blocks from arguments; JSON: a list of objects is a block list
    const isBlock = overBlock ? overBlock.blocks.some((b) => b.type === k) : Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object');
    if (isBlock) types.add(k);
  }
  return types;
}

function mergeBody(original: Body, over: Body, overBlock: LocatedBlock | undefined, mergesLifecycle: boolean): Body {
  const hidden = overriddenBlockTypes(over, overBlock);
  const out: Body = {};
  for (const [k, v] of Object.entries(original)) if (!hidden.has(k) && k !== 'dynamic') out[k] = v;
  for (const [k, v] of Object.entries(over)) if (k !== 'dynamic') out[k] = v;
  if (mergesLifecycle && original['lifecycle'] && over['lifecycle']) {
    const first = (x: unknown) => ((x as Body[])[0] ?? {}) as Body;
    out['lifecycle'] = [{ ...first(original['lifecycle']), ...first(over['lifecycle']) }];
  }
  const dynamic = Object.fromEntries([
    ...Object.entries((original['dynamic'] ?? {}) as Body).filter(([label]) => !hidden.has(label)),
    ...Object.entries((over['dynamic'] ?? {}) as Body),
  ]);
  if (Object.keys(dynamic).length) out['dynamic'] = dynamic;
  return out;
}

function mergeLocated(original: LocatedBlock, over: LocatedBlock | undefined, file: string): LocatedBlock {
  if (!over) return original;
  const hidden = new Set(over.blocks.map((b) => (b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type)));
  const keep = (b: LocatedBlock) => !hidden.has(b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type);
  return {
    ...original,
    attributes: new Map([...original.attributes, ...[...over.attributes].map(([k, s]): [string, Span] => [k, { ...s, file }])]),
    blocks: [...original.blocks.filter(keep), ...over.blocks.map((b) => inFile(b, file))],
  };
}

/** A located block (and everything in it) as found in another file. */
function inFile(block: LocatedBlock, file: string): LocatedBlock {
  return {
    ...block,
    file,
    attributes: new Map([...block.attributes].map(([k, s]): [string, Span] => [k, { ...s, file }])),
    blocks: block.blocks.map((b) => inFile(b, file)),
  };
}

function replaceBlock(located: LocatedFile, from: LocatedBlock, to: LocatedBlock): LocatedFile {
  return { ...located, blocks: located.blocks.map((b) => (b === from ? to : b)) };
}
