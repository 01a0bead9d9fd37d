// GitHub's text limits, enforced here and only here: the github/ adapters pass every text they
// send through these functions (research/github.md §3, §4). A text over a limit makes GitHub
// answer 422 and would leave the check run in progress. Sizes are counted in UTF-8 bytes, which
// is never less than GitHub's count in characters.
export const ANNOTATIONS_PER_REQUEST = 50;

export const LIMITS = {
  /** Check-run output title (undocumented: kept to one line of 255). */
  outputTitle: 255,
  /** Check-run output summary and text. */
  outputSummary: 65_535,
  outputText: 65_535,
  annotationTitle: 255,
  annotationMessage: 64 * 1024 - 1,
  annotationRawDetails: 64 * 1024 - 1,
  /** Review body, review comment and issue comment bodies (Atlantis: 65,536). */
  commentBody: 65_536,
} as const;

const NOTE = '\n\n… (truncated to fit GitHub’s limit)';
const encoder = new TextEncoder();

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` of at most `max` UTF-8 bytes, never splitting a character. */
function prefix(text: string, max: number): string {
  if (max <= 0) return '';
  const { read } = encoder.encodeInto(text, new Uint8Array(max));
  return text.slice(0, read);
}

/** `text` followed by `tail`, cut with a note so that the whole fits in `max` bytes; `tail`
 * (a hidden marker) always survives whole when it fits on its own. */
export function fit(text: string, max: number, tail = ''): string {
  const room = Math.max(0, max - bytes(tail));
  if (bytes(text) <= room) return text + tail;
  const note = room > 4 * NOTE.length ? NOTE : '';
  return prefix(text, room - bytes(note)) + note + prefix(tail, max);
}

/** A one-line title of at most `max` bytes. */
export function fitTitle(text: string, max: number): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return bytes(line) <= max ? line : prefix(line, max - 3) + '…';
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
}

export function limitAnnotation(a: Annotation): Annotation {
  return {
    ...a,
    title: fitTitle(a.title, LIMITS.annotationTitle),
    message: fit(a.message, LIMITS.annotationMessage),
    ...(a.raw_details === undefined ? {} : { raw_details: fit(a.raw_details, LIMITS.annotationRawDetails) }),
  };
}

export function limitOutput(output: CheckOutput): CheckOutput {
  return {
    title: fitTitle(output.title, LIMITS.outputTitle),
    summary: fit(output.summary, LIMITS.outputSummary),
    ...(output.text === undefined ? {} : { text: fit(output.text, LIMITS.outputText) }),
    ...(output.annotations?.length ? { annotations: output.annotations.slice(0, ANNOTATIONS_PER_REQUEST).map(limitAnnotation) } : {}),
  };
}

/** A comment or review body; `tail` (the hidden marker) is kept whole at the end. */
export function limitBody(body: string, tail = ''): string {
  return fit(body, LIMITS.commentBody, tail);
}
