// The first thing a new user sees: `npm start` without credentials serves Probot's setup page,
// which reads app.yml. A YAML error there answers 500.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('app.yml and the setup page', () => {
  it('app.yml parses as YAML with the manifest fields', () => {
    const manifest = parse(readFileSync(join(ROOT, 'app.yml'), 'utf8')) as Record<string, unknown>;
    expect(manifest['description']).toMatch(/^Reviews Terraform pull requests for AWS security-group changes: what a change newly opens/);
    expect(manifest['default_permissions']).toEqual({
      checks: 'write',
      pull_requests: 'write',
      contents: 'read',
      issues: 'read',
      metadata: 'read',
      merge_queues: 'read',
      members: 'read',
    });
  });

  it('npm start without credentials: GET /probot answers 200 with the manifest', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      PORT: String(port),
      HOST: '127.0.0.1',
      NO_SMEE_SETUP: 'true',
      LOG_LEVEL: 'fatal',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, stdio: 'ignore' });
    try {
      let response: Response | null = null;
      for (let i = 0; i < 100 && !response; i++) {
        response = await fetch(`http://127.0.0.1:${port}/probot`).catch(() => null);
        if (!response) await new Promise((r) => setTimeout(r, 200));
      }
      expect(response?.status).toBe(200);
      const html = await response!.text();
      expect(html).toContain('what a change newly opens');
    } finally {
      child.kill();
    }
  }, 30_000);
});
