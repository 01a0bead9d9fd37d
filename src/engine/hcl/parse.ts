import { createHash } from 'node:crypto';
import type { Gitlink } from '../modules/resolution.js';
import { DEFAULT_LIMITS } from '../evaluate/limits.js';
import { fastHclToJson } from './fast-path.js';
import { MAX_STATEMENT_LINES, hcl1Repairable, repairHcl1 } from './hcl1-repair.js';
import { readJsonFile } from './json-syntax.js';
import { locateHcl, type LocatedFile } from './locate.js';
import { findTooDeep } from './nesting.js';

/** Turns one file's text into hcl2json's JSON form; injectable so callers can run it on workers. */
export type HclToJson = ((path: string, content: string) => Promise<Record<string, unknown>>) & { close?: () => Promise<void> };

export interface SourceFile {
  /** Path relative to the analysed root, with forward slashes. */
  path: string;
  content: string;
  /** Set when the file could not be read as text (binary, not UTF-8): why. Never read as empty. */
  unreadable?: string;
  /** With `unreadable`, when the bytes were read: git's blob id of them (text/blobId), so that a
   * changed file no one can read is a change, not two empty files. */
  blob?: string;
  /** Set when the file is a symbolic link read as its target: the target's path, as `path` is written. */
  linkTo?: string;
  /** Set when the file is read through a symbolic link to a directory (a module directory
   * linked into place): that link's path. */
  dirLink?: string;
  /**
   * Set on the placeholder a reader gives for a git submodule at `<path>/.git` (a path no git
   * tree holds), whose content is the commit it records: its files, when read, are below it.
   */
  gitlink?: Gitlink;
}

export interface ParseError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ParsedFile {
  path: string;
  body: Record<string, unknown>;
  located: LocatedFile;
  error: ParseError | null;
  /** With `error`: what identifies the bytes (git's blob id of an unreadable file, a hash of a
   * text's), so that a broken file's change is still seen (a tfvars no one can read may set any variable). */
  digest?: string;
}

/** The longest parse error message kept (a binary file once gave a 1.8 MB one). */
export const MAX_MESSAGE = 500;

const EMPTY_LOCATED: LocatedFile = { blocks: [], attributes: new Map(), comments: [] };

/**
 * hcl2json on this thread. Loaded on first use: importing the package starts its WASM runtime
 * at once (~0.7 s of CPU, 60 MB), wasted in a process whose files all go to parser workers.
 */
export const parseInProcess: HclToJson = async (path, content) => (await import('@cdktf/hcl2json')).parse(path, content) as Promise<Record<string, unknown>>;

/**
 * Parses files, each distinct content once: a base and a head share most files, so the cache
 * (keyed by content hash, not path, so renames hit too) halves the slowest stage. The fast path
 * reads ordinary files; `toJson` (hcl2json) gets only the others.
 */
export class FileParser {
  readonly #cache = new Map<string, Promise<Omit<ParsedFile, 'path'>>>();
  constructor(
    readonly toJson: HclToJson = parseInProcess,
    /** Deepest bracket nesting parsed (max_expression_depth); deeper files are parse errors. */
    readonly maxDepth: number = DEFAULT_LIMITS.maxDepth,
    /** Called as each distinct content is parsed (for measurements: the last call ends parsing). */
    readonly onParsed: () => void = () => {},
    /** Lines of one argument compared as a Terraform 0.11 copy (max_hcl1_statement_lines). */
    readonly maxStatementLines: number = MAX_STATEMENT_LINES,
  ) {}

  /** Releases the parser's workers, if it has any. */
  async close(): Promise<void> {
    await this.toJson.close?.();
  }

  parse(file: SourceFile): Promise<ParsedFile> {
    if (file.unreadable !== undefined)
      return Promise.resolve({ ...unparsed(file.path, 1, 1, `not readable as text: ${file.unreadable}`), digest: file.blob ?? file.unreadable });
    const json = file.path.endsWith('.json');
    const key = createHash('sha1')
      .update(json ? 'j' : 'h')
      .update(file.content)
      .digest('hex');
    let entry = this.#cache.get(key);
    if (!entry) {
      entry = this.parseContent(file, json);
      this.#cache.set(key, entry);
      entry.then(this.onParsed, this.onParsed);
    }
    return entry.then((e) => ({ ...e, path: file.path, error: e.error && { ...e.error, file: file.path }, ...(e.error ? { digest: key } : {}) }));
  }

  /** All that depends on the content alone (errors are re-pathed per file): once per distinct content. */
  parseContent(file: SourceFile, json: boolean): Promise<Omit<ParsedFile, 'path'>> {
    const nul = file.content.indexOf('\0');
    if (nul >= 0) {
      const line = lineOf(file.content, nul);
      return Promise.resolve(unparsed(file.path, line, 1, 'the file holds NUL bytes (binary content), which Terraform cannot read'));
    }
    const deep = findTooDeep(file.content, this.maxDepth, json);
    if (deep) {
      const message = `brackets nest deeper than ${this.maxDepth} levels (max_expression_depth): the file is not parsed`;
      return Promise.resolve(unparsed(file.path, deep.line, deep.column, message));
    }
    return json ? Promise.resolve(parseJson(file)) : this.parseHcl(file);
  }

  async parseHcl(file: SourceFile): Promise<Omit<ParsedFile, 'path'>> {
    const located = locateHcl(file.content);
    // hcl2json (whose start costs ~2 s of CPU) only for the files the fast path leaves to it
    const fast = fastHclToJson(file.content);
    if (fast) return { body: fast, located, error: null };
    try {
      const body = await this.toJson(file.path, file.content);
      return { body, located, error: null };
    } catch (e) {
      const error = toParseError(file.path, e);
      if (!hcl1Repairable(error.message)) return { body: {}, located, error };
      const { parsed, tooLong } = await this.#parseRepaired(file);
      if (parsed) return parsed;
      // the bound that kept an argument from being compared is said with the parser's words
      const bound = `an argument of more than ${this.maxStatementLines} lines (line ${tooLong}) was not compared as a Terraform 0.11 repeated copy (max_hcl1_statement_lines)`;
      return { body: {}, located, error: tooLong === null ? error : { ...error, message: `${error.message} Also: ${bound}.` } };
    }
  }

  /** The file read as Terraform 0.11 read it (null when the rewritten text does not parse
   * either), and the first argument too long to compare, if any. */
  async #parseRepaired(file: SourceFile): Promise<{ parsed: Omit<ParsedFile, 'path'> | null; tooLong: number | null }> {
    const { text, tooLong } = repairHcl1(file.content, this.maxStatementLines);
    if (text === null) return { parsed: null, tooLong };
    try {
      const body = fastHclToJson(text) ?? (await this.toJson(file.path, text));
      return { parsed: { body, located: locateHcl(text), error: null }, tooLong };
    } catch {
      return { parsed: null, tooLong };
    }
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function unparsed(path: string, line: number, column: number, message: string): ParsedFile {
  return { path, body: {}, located: EMPTY_LOCATED, error: { file: path, line, column, message } };
}

function capMessage(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (${message.length} characters)` : message;
}

/** A Terraform JSON file (.tf.json, .tofu.json, .tfvars.json), read as HCL's JSON parser reads it. */
function parseJson(file: SourceFile): Omit<ParsedFile, 'path'> {
  const { body, located, problem } = readJsonFile(file.content, file.path.endsWith('.tfvars.json'));
  return { body, located, error: problem && { file: file.path, ...problem, message: capMessage(problem.message) } };
}

/** hcl2json reports "parse config: [file:LINE,COL-LINE,COL: Summary; Detail.]". */
export function toParseError(file: string, e: unknown): ParseError {
  const text = e instanceof Error ? e.message : String(e);
  if (/call stack/i.test(text)) return { file, line: 1, column: 1, message: 'too deeply nested for the parser: the file is not parsed' };
  // the first diagnostic only (a binary file yields one per byte); a position inside the
  // message ("already set at x.tf:2,3-4.") is not followed by ": ", so it stays
  const m = /:(\d+),(\d+)-(?:\d+,)?\d+: (.*?)(?:\]$|$| \S+:\d+,\d+-(?:\d+,)?\d+: )/s.exec(text);
  if (!m) return { file, line: 1, column: 1, message: capMessage(text.replace(/^parse config: /, '')) };
  return { file, line: Number(m[1]), column: Number(m[2]), message: capMessage(m[3]!.replace(/\]$/, '').trim()) };
}
