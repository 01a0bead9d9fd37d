// File bytes to text, strictly: Terraform reads UTF-8 only, so bytes that are not UTF-8 make
// the file unreadable (a parse error), never text with replacement characters.
import { createHash } from 'node:crypto';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// git-crypt writes this header before the ciphertext of every file it encrypts.
const GIT_CRYPT = new TextEncoder().encode('\0GITCRYPT\0');

export function decodeText(bytes: Uint8Array): { content: string; unreadable?: string; blob?: string } {
  if (GIT_CRYPT.every((b, i) => bytes[i] === b)) return { content: '', unreadable: 'encrypted with git-crypt', blob: blobId(bytes) };
  try {
    return { content: utf8.decode(bytes) };
  } catch {
    return { content: '', unreadable: 'not valid UTF-8 (binary content?)', blob: blobId(bytes) };
  }
}

/** Git's id of a blob of these bytes (what GitHub gives as a blob's `oid`): readers of a disk, of
 * git and of GitHub name the same bytes alike, so a file none can read still tells a change. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
