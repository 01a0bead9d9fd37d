// User text (file paths, for_each keys, resource addresses, descriptions) put into markdown,
// escaped for the place it goes: it can neither break the layout (a table cell, a code span, a
// Mermaid block) nor inject HTML such as a hidden `<!-- … -->` marker.
import { CODE_SPAN, LINE_BREAKS, code } from '../engine/findings/code-span.js';

export { code };

/** `text` with `outside` applied between its code spans and `inside` to each span. */
function bySpans(text: string, outside: (part: string) => string, inside: (span: string) => string = (span) => span): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CODE_SPAN)) {
    out += outside(text.slice(last, m.index)) + inside(m[0]);
    last = m.index + m[0].length;
  }
  return out + outside(text.slice(last));
}

/** Text on one line whose code spans are kept (engine titles quote user values in them):
 * outside them, markdown punctuation, HTML and stray backticks (a key's, which would pair
 * with a later span's fence) are escaped. */
export function inline(text: string): string {
  return bySpans(text.replace(LINE_BREAKS, ' '), (part) =>
    part.replace(/[\\*[\]<>|~&`]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)),
  );
}

/** Markdown made by the engine around user values (finding messages): line breaks kept, and
 * outside code spans `<` escaped, so a value that leaves its code span cannot open HTML. */
export function neutralHtml(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => bySpans(line, (part) => part.replace(/</g, '&lt;')))
    .join('\n');
}

/** `inline` for a table cell: GitHub splits cells at `|` even inside code spans. */
export function cell(text: string): string {
  return bySpans(
    inline(text),
    (part) => part,
    (span) => span.replace(/\|/g, '\\|'),
  );
}

/** A code span in a table cell: GitHub splits cells at `|` even inside code spans. */
export function cellCode(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** A quoted Mermaid label (`["…"]`, `|"…"|`): entity codes for what would end or break it. */
export function mermaidLabel(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/["<>`#]/g, (c) => `#${c.charCodeAt(0)};`);
}
