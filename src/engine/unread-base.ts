// A base file that does not parse (Terraform 0.11 forms HCL2 rejects) would leave every block
// of its head twin compared with nothing, so a syntax migration reads as a flood of new access.
// Instead, the head's top-level blocks whose text is the base's (same type and labels, same
// text once layout and 0.11 spellings of the same value are set aside) stand in for the base
// file: they existed then as they are now. What cannot be matched is compared with nothing,
// and the review says so on each finding there and in the summary.
import type { FileParser, ParseError, SourceFile } from './hcl/parse.js';
import type { LocatedBlock, Span } from './hcl/locate.js';
import type { ReviewResult } from './result.js';

/** A base file read through its head's unchanged blocks. */
export interface StandIn {
  error: ParseError;
  /** Head blocks whose text is the base's. */
  matched: Span[];
  /** Head blocks compared with nothing. */
  unmatched: number;
}

const NATIVE = /\.(tf|tofu)$/;
const STRING = /("(?:[^"\\]|\\.)*")/;
const COMMENT = /^(#|\/\/)/;
const HEREDOC = /<<-?\s*[A-Za-z_]/;

/**
 * The base files with each unreadable one whose head twin parses replaced by the head's blocks
 * unchanged since the base (other lines blank, so positions are the head's), and what was done.
 */
export async function readableBase(
  base: SourceFile[],
  head: SourceFile[],
  parser: FileParser,
): Promise<{ files: SourceFile[]; standIns: Map<string, StandIn> }> {
  const heads = new Map(head.map((f) => [f.path, f]));
  const read = await Promise.all(
    base.map(async (f): Promise<{ file: SourceFile; standIn?: StandIn }> => {
      const twin = heads.get(f.path);
      if (!twin || f.unreadable || twin.unreadable || f.linkTo || !NATIVE.test(f.path) || twin.content === f.content) return { file: f };
      const before = await parser.parse(f);
      if (!before.error) return { file: f };
      const after = await parser.parse(twin);
      if (after.error) return { file: f };
      const { content, matched } = standInText(f.content, before.located.blocks, twin.content, after.located.blocks);
      return { file: { ...f, content }, standIn: { error: before.error, matched, unmatched: after.located.blocks.length - matched.length } };
    }),
  );
  // in the base's file order, not the order parses finish (workers answer in any order), so the
  // summary's first 20 are the same on every run
  const standIns = new Map(read.flatMap(({ file, standIn }) => (standIn ? [[file.path, standIn] as const] : [])));
  return { files: read.map((r) => r.file), standIns };
}

function standInText(baseText: string, baseBlocks: LocatedBlock[], headText: string, headBlocks: LocatedBlock[]): { content: string; matched: Span[] } {
  const baseLines = baseText.split('\n');
  const headLines = headText.split('\n');
  const available = new Map<string, number>();
  for (const b of baseBlocks) {
    const key = keyOf(b, baseLines);
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  const keep = new Array<boolean>(headLines.length).fill(false);
  const matched: Span[] = [];
  for (const b of headBlocks) {
    const key = keyOf(b, headLines);
    const left = available.get(key) ?? 0;
    if (!left) continue;
    available.set(key, left - 1);
    matched.push({ startLine: b.startLine, endLine: b.endLine });
    keep.fill(true, b.startLine - 1, b.endLine);
  }
  // a comment the base had too (a suppression above a block) stays where the head has it
  const baseComments = new Set(baseLines.map((l) => l.trim()).filter((l) => COMMENT.test(l)));
  const content = headLines.map((l, i) => (keep[i] || baseComments.has(l.trim()) ? l : '')).join('\n');
  return { content, matched };
}

/**
 * A block's type, labels and normalised text; a block holding a heredoc, its text as written
 * (a heredoc's lines, their indentation included, are its value: YAML read by yamldecode).
 */
function keyOf(block: LocatedBlock, lines: string[]): string {
  const raw = lines.slice(block.startLine - 1, block.endLine);
  if (raw.some((l) => HEREDOC.test(l))) return [block.type, ...block.labels, raw.join('\n')].join('\n');
  const text = raw
    .map((l) => l.trim())
    .filter((l) => !COMMENT.test(l))
    .join(' ');
  return [block.type, ...block.labels, normalised(text, block.type === 'variable')].join('\n');
}

/**
 * A block's text as its meaning reads: layout set aside (white space outside strings, line
 * breaks included, is one space: HCL1 also took `{ a = 1 b = 2 }`), `"${x}"` is `x` (HCL2
 * reads it so), and a variable's 0.11 quoted type is the type.
 */
function normalised(text: string, variable: boolean): string {
  const unwrapped = text.replace(/"\$\{([^"{}]*)\}"/g, '$1');
  const typed = variable ? unwrapped.replace(/\btype\s*=\s*"?(list|map|string)"?(?:\((?:string|any)\))?/, 'type = $1') : unwrapped;
  return typed
    .split(STRING)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ')))
    .join('');
}

/** The review with each stand-in named in the summary and its unmatched blocks' findings worded so. */
export function withStandIns(result: ReviewResult, standIns: Map<string, StandIn>): ReviewResult {
  if (!standIns.size) return result;
  const unmatched = (file: string, line: number) => {
    const s = standIns.get(file);
    return s !== undefined && !s.matched.some((m) => m.startLine <= line && line <= m.endLine);
  };
  return {
    ...result,
    findings: result.findings.map((f) =>
      unmatched(f.location.file, f.location.startLine)
        ? {
            ...f,
            message: `${f.message}\n\nCould not compare: \`${f.location.file}\` did not parse at the base and this block is not as it was there, so what it allowed before is not known and it is compared with nothing.`,
          }
        : f,
    ),
    unreadAtBase: [
      ...result.unreadAtBase,
      ...[...standIns].map(([file, s]) => ({
        file,
        line: s.error.line,
        message: s.error.message,
        unchangedBlocks: s.matched.length,
        changedBlocks: s.unmatched,
      })),
    ],
  };
}
