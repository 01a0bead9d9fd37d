import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readTerraformTree } from '../adapters/files.js';
import { createWorkerParser } from '../adapters/parse-workers.js';
import { FileParser } from '../engine/hcl/parse.js';
import { loadModel } from '../engine/load.js';
import { renderModelText } from '../render/model-text.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export class UsageError extends Error {}

const USAGE = `usage:
  sg-review model <dir> [--format json|text]
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'model':
        return await modelCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`sg-review: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`sg-review: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

/** Reads a directory's Terraform files, failing with a usage error when there are none. */
export async function readDirectory(dir: string, io: CliIo) {
  const full = resolve(io.cwd, dir);
  const info = await stat(full).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${dir}: no such directory`);
  const files = await readTerraformTree(full);
  return files;
}

async function modelCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (positionals.length !== 1) throw new UsageError('model takes one directory');
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`unknown format "${values.format}"`);
  const dir = positionals[0]!;
  const files = await readDirectory(dir, io);
  if (!files.some((f) => f.path.endsWith('.tf') || f.path.endsWith('.tf.json'))) throw new UsageError(`${dir}: no Terraform files (.tf, .tf.json)`);
  const parser = new FileParser(await createWorkerParser(files.length));
  try {
    const model = await loadModel(files, parser);
    io.stdout(values.format === 'json' ? JSON.stringify(model, null, 2) + '\n' : renderModelText(model));
  } finally {
    await parser.close();
  }
  return 0;
}
