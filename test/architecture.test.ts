// Layers (docs/architecture.md), checked by dependency-cruiser on the real import graph
// (.dependency-cruiser.cjs), so an indirect import of the filesystem fails as a direct one does.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** The violations dependency-cruiser reports for `src` under `cwd`. */
function violations(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', CONFIG, '--output-type', 'json'],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (e) {
    // exit code 1+ when rules are broken; the JSON is still on stdout
    out = (e as { stdout?: string }).stdout ?? '';
    if (!out) throw e;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layering', () => {
  // dependency-cruiser walks all of src/ in a child process: on a loaded machine it took 37 s
  it('src/ breaks none of the layering rules', { timeout: 180_000 }, () => {
    expect(violations(ROOT).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  describe('the rules catch what they claim to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-review-layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    write('package.json', JSON.stringify({ type: 'module', dependencies: { probot: '*' }, devDependencies: { vitest: '*' } }));
    write('src/engine/review.ts', "import { read } from './helper.js';\nexport const run = () => read('x');\n");
    write('src/engine/helper.ts', "import { readFile } from 'node:fs/promises';\nexport const read = (p: string) => readFile(p);\n");
    write('src/engine/uses-config.ts', "import { settings } from '../config/schema.js';\nexport const s = settings;\n");
    write('src/config/schema.ts', 'export const settings = {};\n');
    write('src/github/check-run.ts', "import { plan } from '../publish/plan.js';\nexport const p = plan;\n");
    write('src/publish/plan.ts', 'export const plan = 1;\n');
    write('src/github/octokit.ts', 'export const octokitOf = (c: unknown) => c;\n');
    write('src/app/run-review.ts', "import { octokitOf } from '../github/octokit.js';\nexport const o = octokitOf;\n");
    write('src/render/test-only.ts', "import { describe } from 'vitest';\nexport const d = describe;\n");
    const found = violations(dir).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);

    it.each([
      ['an engine file reaching fs/promises through a helper', 'engine-no-io-transitively: src/engine/review.ts -> fs/promises'],
      ['the helper itself', 'engine-no-io: src/engine/helper.ts -> fs/promises'],
      ['the engine importing config', 'engine-imports-engine-only: src/engine/uses-config.ts -> src/config/schema.ts'],
      ['github/ importing publish/', 'github-is-a-thin-adapter: src/github/check-run.ts -> src/publish/plan.ts'],
      ['app/ unwrapping a GitHub client', 'only-github-unwraps-the-client: src/app/run-review.ts -> src/github/octokit.ts'],
    ])('%s', (_what, expected) => {
      expect(found).toContain(expected);
    });

    it('a dev dependency imported from src', () => {
      expect(
        found.some(
          (f) => f.startsWith('no-dev-dependencies-in-src: src/render/test-only.ts') || f.startsWith('no-undeclared-dependencies: src/render/test-only.ts'),
        ),
      ).toBe(true);
    });
  });
});

describe('GitHub calls only through github/', () => {
  const lint = async (filePath: string, code: string) => {
    const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: join(ROOT, filePath) });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };
  const handler = 'export const h = async (context: { octokit: { rest: unknown } }) => context.octokit.rest;\n';

  it("a handler reading Probot's context.octokit fails lint", async () => {
    expect(await lint('src/app/handlers/x.ts', handler)).toContain('no-restricted-syntax');
    expect(await lint('src/cli/x.ts', handler)).toContain('no-restricted-syntax');
  });

  it('github/ and app.ts (which makes the client) may', async () => {
    expect(await lint('src/github/x.ts', handler)).not.toContain('no-restricted-syntax');
    expect(await lint('src/app/app.ts', handler)).not.toContain('no-restricted-syntax');
  });
});
