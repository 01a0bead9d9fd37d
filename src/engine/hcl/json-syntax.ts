// Terraform's JSON syntax (.tf.json, .tofu.json, .tfvars.json) read as HCL's own JSON parser
// reads it (hashicorp/hcl json/spec.md, structure.go): a property name may repeat and every
// occurrence counts; a block type and each label level may be an object or an array of
// objects; after the labels, an array holds one body per element. The result has the shape
// hcl2json gives for the native syntax, with its blocks and arguments located. A form
// Terraform rejects (a repeated argument, a missing label, a value of the wrong kind) is a
// problem naming its line: the PR author may not make us read a file otherwise than Terraform.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { LocatedBlock, LocatedFile, Span } from './locate.js';

/** How many labels each top-level block type has (Terraform's configuration file schema). */
const LABELS: Readonly<Record<string, number>> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  variable: 1,
  output: 1,
  module: 1,
  provider: 1,
  check: 1,
  terraform: 0,
  locals: 0,
  moved: 0,
  import: 0,
  removed: 0,
};

/** Block types whose bodies hold arguments only: a repeated name is always a duplicate. */
const ARGUMENTS_ONLY = new Set(['module', 'locals']);

/**
 * Names that are arguments though their values look like blocks: in JSON, Terraform reads a
 * nested block the provider declares as an attribute (`ingress` of a group) as that attribute
 * (blocktoattr prefers it), so writing it twice is a duplicate argument.
 */
const ARGUMENTS_OF: Readonly<Record<string, readonly string[]>> = {
  aws_security_group: ['ingress', 'egress'],
  aws_default_security_group: ['ingress', 'egress'],
};

/** Whether `name` in the body of a `kind` block (of resource type `type`) is an argument whatever its value. */
function isArgument(kind: string, type: string | undefined, name: string): boolean {
  return ARGUMENTS_ONLY.has(kind) || (kind === 'resource' && type !== undefined && (ARGUMENTS_OF[type]?.includes(name) ?? false));
}

/** Block types one configuration may not declare twice with the same labels. */
const UNIQUE = new Set(['resource', 'data', 'ephemeral', 'variable', 'output', 'module', 'check']);

/** Block types whose nested blocks carry one label in JSON as in HCL (`dynamic "ingress"`). */
const LABELLED_NESTED = new Set(['dynamic']);

export interface JsonProblem {
  line: number;
  column: number;
  message: string;
}

export interface JsonFile {
  body: Record<string, unknown>;
  located: LocatedFile;
  /** The first form Terraform rejects, if any (then `body` is empty, as for a syntax error). */
  problem: JsonProblem | null;
}

/** Reads a configuration file, or a tfvars file (`tfvars`), as Terraform does. */
export function readJsonFile(text: string, tfvars: boolean): JsonFile {
  const reader = new Reader(text);
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // the parser recurses: a hostile file nested thousands deep overflows the stack
    return { body: {}, located: EMPTY, problem: { line: 1, column: 1, message: 'too deeply nested for the parser: the file is not parsed' } };
  }
  if (errors.length || !root) {
    const first = errors[0];
    const words = (first ? printParseErrorCode(first.error) : 'empty').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return { body: {}, located: EMPTY, problem: { ...reader.at(first?.offset ?? 0), message: `not valid JSON: ${words}` } };
  }
  const read = tfvars ? reader.arguments(root) : reader.configuration(root);
  const problem = reader.problems[0];
  if (problem) {
    const more = reader.problems.length > 1 ? ` (and ${reader.problems.length - 1} more)` : '';
    return { body: {}, located: EMPTY, problem: { ...reader.at(problem.offset), message: problem.message + more } };
  }
  return { ...read, problem: null };
}

const EMPTY: LocatedFile = { blocks: [], attributes: new Map(), comments: [] };

interface Located {
  attributes: Map<string, Span>;
  blocks: LocatedBlock[];
}

/** One block found at the end of its labels. */
interface Declared {
  kind: string;
  labels: string[];
  body: Record<string, unknown>;
}

class Reader {
  readonly problems: { offset: number; message: string }[] = [];
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.#lineStarts.push(i + 1);
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.#lineStarts[lo]! + 1 };
  }

  span(from: Node, to: Node = from): Span {
    return { startLine: this.at(from.offset).line, endLine: this.at(to.offset + Math.max(to.length - 1, 0)).line };
  }

  fail(node: Node, message: string): void {
    this.problems.push({ offset: node.offset, message });
  }

  /** A tfvars file: one object of arguments (Terraform reads it with JustAttributes). */
  arguments(root: Node): { body: Record<string, unknown>; located: LocatedFile } {
    if (root.type !== 'object') {
      this.fail(root, 'a JSON object is required here, setting the variables');
      return { body: {}, located: EMPTY };
    }
    const props = bodyProperties(root.children ?? []);
    return { body: this.members(props, () => true), located: { blocks: [], attributes: this.locate(props).attributes, comments: [] } };
  }

  /** A configuration file: its top-level blocks, each at the end of its labels. */
  configuration(root: Node): { body: Record<string, unknown>; located: LocatedFile } {
    const declared: Declared[] = [];
    const blocks: LocatedBlock[] = [];
    const other: Node[] = [];
    if (root.type !== 'object' && root.type !== 'array') this.fail(root, 'the root value must be a JSON object or an array of objects');
    for (const prop of bodyProperties(this.properties(root, 'to define blocks'))) {
      const kind = nameOf(prop);
      const labels = LABELS[kind];
      if (labels === undefined) other.push(prop);
      else this.#unpack(kind, valueOf(prop), labels, [], prop, declared, blocks);
    }
    this.#checkUnique(declared, blocks);
    const body: Record<string, unknown> = { ...this.members(other, () => false) };
    for (const kind of new Set(declared.map((d) => d.kind))) {
      const of = declared.filter((d) => d.kind === kind);
      body[kind] = nest(of, LABELS[kind]!);
    }
    return { body, located: { blocks, attributes: new Map(), comments: [] } };
  }

  /** HCL's collectDeepAttrs: the properties of an object, or of each object of an array, in order. */
  properties(node: Node, purpose: string): Node[] {
    if (node.type === 'null') return [];
    if (node.type === 'object') return node.children ?? [];
    if (node.type !== 'array') {
      this.fail(node, `a JSON object or an array of objects is required here, ${purpose}`);
      return [];
    }
    return (node.children ?? []).flatMap((element) => {
      if (element.type === 'object') return element.children ?? [];
      this.fail(element, `a JSON object is required here, ${purpose}`);
      return [];
    });
  }

  /** Peels one label level off a block (HCL's unpackBlock), down to its bodies. */
  #unpack(kind: string, value: Node, left: number, labels: string[], key: Node, declared: Declared[], blocks: LocatedBlock[]): void {
    if (left > 0) {
      const props = this.properties(value, `to give the labels of this ${kind} block`);
      if (!props.length) this.fail(value, `missing block label: the ${kind} block needs at least one property, naming its label`);
      for (const p of props) this.#unpack(kind, valueOf(p), left - 1, [...labels, nameOf(p)], p, declared, blocks);
      return;
    }
    if (value.type === 'null') return;
    const bodies = value.type === 'array' ? (value.children ?? []) : [value];
    if (value.type !== 'object' && value.type !== 'array') {
      this.fail(value, `a JSON object or an array of objects is required here, giving the contents of ${kind} blocks`);
      return;
    }
    for (const b of bodies) {
      if (b.type !== 'object') {
        this.fail(b, `a JSON object is required here, giving the contents of a ${kind} block`);
        continue;
      }
      const props = bodyProperties(b.children ?? []);
      declared.push({ kind, labels, body: dynamicInHclShape(this.members(props, (name) => isArgument(kind, labels[0], name))) });
      blocks.push({ type: kind, labels, ...this.span(bodies.length > 1 ? b : key, b), ...this.locate(props) });
    }
  }

  /** Terraform rejects two blocks with the same type and labels, and two locals of one name. */
  #checkUnique(declared: Declared[], blocks: LocatedBlock[]): void {
    const seen = new Map<string, number>();
    const saw = (key: string, line: number, what: string, at: number) => {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, line);
      else this.problems.push({ offset: at, message: `${what} is declared twice (first at line ${first}): Terraform rejects the configuration` });
    };
    declared.forEach((d, i) => {
      const block = blocks[i]!;
      const offset = this.#offsetOf(block.startLine);
      if (UNIQUE.has(d.kind)) saw(`${d.kind}\0${d.labels.join('\0')}`, block.startLine, `${d.kind} ${d.labels.join('.')}`, offset);
      if (d.kind === 'locals')
        for (const name of Object.keys(d.body)) saw(`local\0${name}`, block.attributes.get(name)?.startLine ?? block.startLine, `local.${name}`, offset);
    });
  }

  #offsetOf(line: number): number {
    return this.#lineStarts[line - 1] ?? 0;
  }

  /**
   * The members of a body or an object value, every occurrence of a name counted. A repeated
   * name is more blocks of a nested block type when each value is one (an object or an array
   * of objects); otherwise it is a duplicate argument (or, in an object value, a duplicate
   * attribute), which Terraform rejects.
   */
  members(props: Node[], argument: (name: string) => boolean, expression = false): Record<string, unknown> {
    const byName = new Map<string, Node[]>();
    for (const p of props) {
      const name = nameOf(p);
      const same = byName.get(name);
      if (same) same.push(p);
      else byName.set(name, [p]);
    }
    // built from entries: a name is the PR's ("__proto__" is a valid one)
    return Object.fromEntries(
      [...byName].map(([name, same]) => {
        const values = same.map(valueOf);
        // an argument's value, or a value not written as blocks, is an expression all the way down
        const isExpression = expression || argument(name) || !values.every(isBlockForm);
        if (same.length === 1) return [name, this.value(values[0]!, isExpression)];
        if (!isExpression) return [name, values.flatMap((v) => (v.type === 'array' ? (v.children ?? []) : [v])).map((v) => this.value(v))];
        const first = this.at(same[0]!.offset).line;
        // HCL's JSON object expression: "Duplicate object attribute" (json/structure.go)
        if (expression) this.fail(same[1]!, `duplicate object attribute: "${name}" was already defined at line ${first}`);
        else this.fail(same[1]!, `duplicate argument: "${name}" was already set at line ${first}`);
        return [name, this.value(values[0]!, isExpression)];
      }),
    );
  }

  /**
   * A JSON value as hcl2json writes an expression or a nested block; `expression`: known to be
   * an expression (an argument's value), whose objects are object expressions.
   */
  value(node: Node, expression = false): unknown {
    if (node.type === 'object') return this.members(node.children ?? [], () => expression, expression);
    if (node.type === 'array') return (node.children ?? []).map((c) => this.value(c, expression));
    return node.value as unknown;
  }

  /** Where each argument and nested block of a body is: a value in block form is nested blocks. */
  locate(props: Node[]): Located {
    const attributes = new Map<string, Span>();
    const blocks: LocatedBlock[] = [];
    for (const p of props) {
      const name = nameOf(p);
      const value = valueOf(p);
      if (!isBlockForm(value)) {
        if (!attributes.has(name)) attributes.set(name, this.span(p));
        continue;
      }
      const elements = value.type === 'array' ? (value.children ?? []) : [value];
      for (const e of elements) {
        if (!LABELLED_NESTED.has(name)) {
          blocks.push({ type: name, labels: [], ...this.span(elements.length > 1 ? e : p, e), ...this.locate(e.children ?? []) });
          continue;
        }
        for (const label of e.children ?? []) {
          const inner = valueOf(label);
          const bodies = inner.type === 'array' ? (inner.children ?? []) : [inner];
          for (const b of bodies) blocks.push({ type: name, labels: [nameOf(label)], ...this.span(label, b), ...this.locate(b.children ?? []) });
        }
      }
    }
    return { attributes, blocks };
  }
}

/**
 * `dynamic` blocks as hcl2json writes them (`{ ingress: [{ for_each, content: [{…}] }] }`),
 * whichever JSON form gave them: one object or an array for each level, or `dynamic` repeated
 * (`[{ egress: … }, { ingress: … }]`). The model reads that one shape; any other would drop
 * the blocks and what they open.
 */
function dynamicInHclShape(body: Record<string, unknown>): Record<string, unknown> {
  if (body['dynamic'] === undefined) return body;
  const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  const isBody = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const byLabel = new Map<string, unknown[]>();
  for (const group of list(body['dynamic']).filter(isBody)) {
    for (const [label, blocks] of Object.entries(group)) {
      const bodies = list(blocks)
        .filter(isBody)
        .map((b) => ({ ...b, content: list(b['content']) }));
      byLabel.set(label, [...(byLabel.get(label) ?? []), ...bodies]);
    }
  }
  return { ...body, dynamic: Object.fromEntries(byLabel) };
}

function nameOf(prop: Node): string {
  return prop.children![0]!.value as string;
}

function valueOf(prop: Node): Node {
  return prop.children![1]!;
}

/** A body's properties without its `"//"` comments (the spec ignores them in bodies only). */
function bodyProperties(props: Node[]): Node[] {
  return props.filter((p) => nameOf(p) !== '//');
}

/** Whether a value is written as blocks: an object, or a non-empty array of objects. */
function isBlockForm(node: Node): boolean {
  if (node.type === 'object') return true;
  return node.type === 'array' && !!node.children?.length && node.children.every((c) => c.type === 'object');
}

/** hcl2json's shape: `{ TYPE: { NAME: [body, …] } }` for two labels, `[body, …]` for none. */
function nest(declared: Declared[], depth: number, level = 0): unknown {
  if (level === depth) return declared.map((d) => d.body);
  const groups = new Map<string, Declared[]>();
  for (const d of declared) {
    const label = d.labels[level]!;
    const same = groups.get(label);
    if (same) same.push(d);
    else groups.set(label, [d]);
  }
  return Object.fromEntries([...groups].map(([label, same]) => [label, nest(same, depth, level + 1)]));
}
