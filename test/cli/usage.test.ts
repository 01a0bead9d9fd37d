// `--help` on every command prints the usage; an option node's argument parser refuses is a
// usage error (exit 2 with the usage), never an internal error with a stack trace.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: import.meta.dirname });
  return { code, stdout, stderr };
}

describe('sg-review usage', () => {
  it.each([['diff'], ['diff', '--git'], ['scan'], ['model'], ['pr'], ['diff', 'base', 'head']])('%s … --help prints the usage and exits 0', async (...args) => {
    for (const flag of ['--help', '-h']) {
      const r = await run([...args, flag]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^usage:\n {2}sg-review diff <base-dir> <head-dir>/);
      expect(r.stdout).toContain('sg-review pr <owner>/<repo> <number>');
    }
  });

  it.each([
    [['diff', 'a', 'b', '--frob'], "Unknown option '--frob'"],
    [['scan', '.', '--format'], "Option '--format <value>' argument missing"],
    [['model', '.', '--git'], "Unknown option '--git'"],
    [['pr', 'o/r', '1', '--frob'], "Unknown option '--frob'"],
  ])('%j is a usage error naming the option', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage:');
    expect(r.stderr).not.toContain('internal error:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
