// Entry of the GitHub Action's container (action.yml): inputs and the event from the runner's
// environment. Exit codes: 0 success, 1 failure, 2 the review could not run.
import { runAction } from './run.js';

process.exitCode = await runAction({ stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd(), env: process.env });
