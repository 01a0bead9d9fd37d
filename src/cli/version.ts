// The package's version, from its package.json (two levels above dist/cli and src/cli).
import { readFile } from 'node:fs/promises';

export async function packageVersion(): Promise<string> {
  return (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
