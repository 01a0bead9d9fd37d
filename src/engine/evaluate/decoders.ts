// Terraform's decoders of text into values: csvdecode (Go's encoding/csv with its defaults) and
// the base64 ones. What the engine cannot decode the way Terraform does is not evaluated.
import { Unknowable } from './unknowable.js';
import { EvalError, objectFrom, type Value } from './value.js';

/** Go's standard base64 (padded; line breaks skipped); anything else is Terraform's error. */
export function base64Bytes(text: string, fn: string): Buffer {
  const data = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(data)) throw new EvalError(`${fn}: failed to decode base64 data`);
  return Buffer.from(data, 'base64');
}

/** UTF-8 bytes as text, NFC as every cty string; invalid UTF-8 is Terraform's error (`invalid`). */
export function utf8Text(bytes: Uint8Array, invalid: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).normalize('NFC');
  } catch {
    throw new EvalError(invalid);
  }
}

/** The UTF-16 text of bytes in that byte order; an odd byte or a lone surrogate is Terraform's error. */
function utf16Text(bytes: Uint8Array, bigEndian: boolean): string {
  const invalid = `textdecodebase64: the given string contains symbols that are not defined for UTF-16${bigEndian ? 'BE' : 'LE'}`;
  if (bytes.length % 2) throw new EvalError(invalid);
  const little = Uint8Array.from(bytes, (_, i) => (bigEndian ? bytes[i ^ 1]! : bytes[i]!));
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(little).normalize('NFC');
  } catch {
    throw new EvalError(invalid);
  }
}

/**
 * Terraform's textdecodebase64(): the encodings read here are UTF-8 and UTF-16 (LE, BE, or
 * "UTF-16": a byte-order mark, else big-endian, as `terraform console` decodes it); another
 * IANA name may be valid in Terraform, so it is not known here, never an error.
 */
export function textDecodeBase64(source: string, encoding: string): string {
  const bytes = base64Bytes(source, 'textdecodebase64');
  switch (encoding.toUpperCase()) {
    case 'UTF-8':
      return utf8Text(bytes, 'textdecodebase64: the given string contains symbols that are not defined for UTF-8');
    case 'UTF-16LE':
      return utf16Text(bytes, false);
    case 'UTF-16BE':
      return utf16Text(bytes, true);
    case 'UTF-16': {
      const mark = bytes.length >= 2 ? (bytes[0]! << 8) | bytes[1]! : 0;
      if (mark === 0xfffe) return utf16Text(bytes.subarray(2), false);
      return utf16Text(mark === 0xfeff ? bytes.subarray(2) : bytes, true);
    }
    default:
      throw new Unknowable(`textdecodebase64() with the encoding "${encoding}" is not evaluated statically`);
  }
}

/** One CSV record and where the next starts (Go's encoding/csv: quotes doubled, no lazy quotes). */
function csvRecord(text: string, start: number, line: number): { fields: string[]; next: number } {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new EvalError(`csvdecode: CSV parse error on line ${line}: extraneous or missing " in quoted-field`);
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n')
        throw new EvalError(`csvdecode: CSV parse error on line ${line}: extraneous or missing " in quoted-field`);
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
      field = text.slice(i, end);
      if (field.includes('"')) throw new EvalError(`csvdecode: CSV parse error on line ${line}: bare " in non-quoted-field`);
      i = end;
    }
    fields.push(field.normalize('NFC'));
    if (text[i] !== ',') return { fields, next: i + 1 };
    i++;
  }
}

/**
 * Terraform's csvdecode(): the first record names the columns, every other record is an object
 * of them; blank lines are skipped and every record has the header's number of fields. A
 * carriage return other than in a line break is not evaluated (Go's reader treats it apart).
 */
export function csvDecode(source: string): Value[] {
  const text = source.replace(/\r\n/g, '\n');
  if (text.includes('\r')) throw new Unknowable('csvdecode() of a carriage return inside a line is not evaluated statically');
  const records: string[][] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    if (text[i] === '\n') {
      i++;
      line++;
      continue;
    }
    const { fields, next } = csvRecord(text, i, line);
    if (records.length > 0 && fields.length !== records[0]!.length) throw new EvalError(`csvdecode: CSV parse error on line ${line}: wrong number of fields`);
    records.push(fields);
    for (let k = i; k < next && k < text.length; k++) if (text[k] === '\n') line++;
    i = next;
  }
  const [header, ...rows] = records;
  if (!header) throw new EvalError('csvdecode: missing header line');
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new EvalError(`csvdecode: duplicate column name "${name}"`);
    seen.add(name);
  }
  return rows.map((row) => objectFrom(header.map((name, k) => [name, row[k]!] as const)));
}
