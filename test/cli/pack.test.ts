// `npm pack` yields a package that works where it is installed. The tests run offline, and
// `npm install <tarball>` into an empty directory would fetch the dependencies' metadata from
// the registry, so the tarball is unpacked into an empty directory's node_modules placed below
// this project's node_modules (Node resolves the dependencies from there), and a second test
// proves that every package the built code imports is a declared dependency, so nothing
// resolves only because a devDependency happens to be installed.
import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const built = existsSync(join(ROOT, pkg.bin['sg-review']!));
const scratch = join(ROOT, 'node_modules/.sg-review-pack-test');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe.skipIf(!built)('npm pack', () => {
  it('the tarball, unpacked into an empty project, runs `sg-review --version` and `sg-review diff` on the example', async () => {
    mkdirSync(scratch, { recursive: true });
    const project = mkdtempSync(join(scratch, 'consumer-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', project], { cwd: ROOT });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/cli/main.js', 'dist/action/main.js', 'app.yml']));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.ts'))).toEqual([]);
    const installed = join(project, 'node_modules/sg-review');
    mkdirSync(installed, { recursive: true });
    await run('tar', ['xzf', join(project, packed!.filename), '-C', installed, '--strip-components=1']);
    const bin = join(installed, pkg.bin['sg-review']!);
    const version = await run(process.execPath, [bin, '--version'], { cwd: project });
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const example = join(ROOT, 'examples/three-tier');
    await expect(
      run(process.execPath, [bin, 'diff', join(example, 'base'), join(example, 'head'), '--format', 'json'], { cwd: project }),
    ).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"schema": "sg-review/v1"'),
    });
  });

  it('every package the built code imports is a declared dependency', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const imported = new Set<string>();
    for (const file of jsFiles(join(ROOT, 'dist'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
        const spec = m[1]!;
        // a package name (text such as `from "${x}"` in a message is not an import)
        if (builtins.has(spec) || spec.startsWith('node:') || !/^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(spec)) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(imported.size).toBeGreaterThan(3);
    expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });
});
