// User text (file paths, for_each keys, resource addresses, descriptions) put into markdown,
// escaped for the place it goes: it can neither break the layout (a table cell, a code span, a
// Mermaid block) nor inject HTML such as a hidden `<!-- … -->` marker.
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

/** Text on one line whose code spans are kept (engine titles quote user values in them):
 * outside them, markdown punctuation and HTML are escaped. */
export function inline(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\*[\]<>|~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))))
    .join('');
}

/** Markdown made by the engine around user values (finding messages): line breaks kept, and
 * outside code spans `<` escaped, so a value that leaves its code span cannot open HTML. */
export function neutralHtml(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .split(/(`[^`]*`)/)
        .map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;')))
        .join(''),
    )
    .join('\n');
}

/** `inline` for a table cell: GitHub splits cells at `|` even inside code spans. */
export function cell(text: string): string {
  return inline(text).replace(/`[^`]*`/g, (span) => span.replace(/\|/g, '\\|'));
}

/** A code span holding any text: a backtick fence longer than any run inside it. */
export function code(text: string): string {
  const flat = text.replace(LINE_BREAKS, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span in a table cell: GitHub splits cells at `|` even inside code spans. */
export function cellCode(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** A quoted Mermaid label (`["…"]`, `|"…"|`): entity codes for what would end or break it. */
export function mermaidLabel(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/["<>`#]/g, (c) => `#${c.charCodeAt(0)};`);
}
