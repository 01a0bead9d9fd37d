#!/usr/bin/env node
// The sg-review command line: thin I/O around the engine. Exit codes: 0 success, 1 failure
// (findings at or above fail-on), 2 usage or internal error.
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
});
