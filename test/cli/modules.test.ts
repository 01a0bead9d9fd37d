// The CLI reads modules offline: local modules wherever their path leads, and the init cache
// `terraform init` wrote (`.terraform/modules/modules.json`, nested keys `a.b`).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/modules');
const work = mkdtempSync(join(tmpdir(), 'sg-review-modules-'));
afterAll(() => undefined);

const webCall = (rules: string) => `module "web_sg" {
  source  = "acme-mods/named-rules-sg/aws"
  version = "~> 1.0"

  name                = "web"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ${rules}
}

module "edge" {
  source  = "acme-mods/edge/aws"
  version = "2.1.0"

  name = "edge"
}
`;

/** A root directory as `terraform init` leaves it: the registry modules copied below .terraform/. */
function initialised(name: string, main: string, withCache = true): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), main);
  if (!withCache) return dir;
  cpSync(join(FIXTURES, 'named-rules-sg'), join(dir, '.terraform/modules/web_sg'), { recursive: true });
  // a wrapper module whose own registry call is cached under the nested key "edge.inner"
  mkdirSync(join(dir, '.terraform/modules/edge'), { recursive: true });
  writeFileSync(
    join(dir, '.terraform/modules/edge/main.tf'),
    'variable "name" {\n  type = string\n}\n\nmodule "inner" {\n  source  = "acme-mods/named-rules-sg/aws"\n  version = "1.0.0"\n\n  name                = var.name\n  ingress_rules       = ["https-443-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
  );
  cpSync(join(FIXTURES, 'named-rules-sg'), join(dir, '.terraform/modules/edge.inner'), { recursive: true });
  const modules = [
    { Key: '', Source: '', Dir: '.' },
    { Key: 'web_sg', Source: 'registry.terraform.io/acme-mods/named-rules-sg/aws', Version: '1.4.2', Dir: '.terraform/modules/web_sg' },
    { Key: 'edge', Source: 'registry.terraform.io/acme-mods/edge/aws', Version: '2.1.0', Dir: '.terraform/modules/edge' },
    { Key: 'edge.inner', Source: 'registry.terraform.io/acme-mods/named-rules-sg/aws', Version: '1.0.0', Dir: '.terraform/modules/edge.inner' },
  ];
  writeFileSync(join(dir, '.terraform/modules/modules.json'), JSON.stringify({ Modules: modules }));
  return dir;
}

async function diff(base: string, head: string) {
  let out = '';
  const code = await runCli(['diff', base, head, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: work });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON document, read loosely
  return { code, doc: JSON.parse(out) as { conclusion: string; findings: any[]; modules: any[]; stats: unknown } };
}

describe('modules in the CLI', () => {
  it('through the init cache: a registry call adding ssh-tcp for 0.0.0.0/0 is critical on the caller’s line', async () => {
    const base = initialised('cache-base', webCall('["https-443-tcp"]'));
    const head = initialised('cache-head', webCall('["https-443-tcp", "ssh-tcp"]'));
    const { code, doc } = await diff(base, head);
    expect(code).toBe(1);
    expect(doc.conclusion).toBe('failure');
    const ssh = doc.findings.filter((f) => f.rule === 'new-ingress');
    expect(ssh).toHaveLength(1);
    expect(ssh[0]).toMatchObject({
      severity: 'critical',
      title: 'SSH (22/tcp) opened to the internet on module.web_sg.aws_security_group.this[0]',
      location: { file: 'main.tf', startLine: 7, endLine: 7 },
      related: [
        {
          file: '.terraform/modules/web_sg/main.tf',
          startLine: 8,
          endLine: 18,
          message: 'the rule that opens, in module `acme-mods/named-rules-sg/aws` 1.4.2',
        },
      ],
    });
    expect(doc.modules.map((m) => [m.address, m.how, m.resolvedVersion])).toEqual([
      ['module.web_sg', 'init cache', '1.4.2'],
      ['module.edge', 'init cache', '2.1.0'],
    ]);
    // the nested cached call (key edge.inner) is analysed too: its group exists in both revisions
    expect(doc.findings.some((f) => f.resource.startsWith('module.edge.module.inner'))).toBe(false);
    const model = await runModel(head);
    expect(model).toContain('module.edge.module.inner.aws_security_group.this[0]');
  });

  it('without a way to read the module: unanalysed-module (medium) on the changed line, never a silent pass', async () => {
    const base = initialised('bare-base', webCall('["https-443-tcp"]'), false);
    const head = initialised('bare-head', webCall('["https-443-tcp", "ssh-tcp"]'), false);
    const { doc } = await diff(base, head);
    expect(doc.findings).toEqual([
      expect.objectContaining({
        rule: 'unanalysed-module',
        severity: 'medium',
        resource: 'module.web_sg',
        location: { file: 'main.tf', startLine: 7, endLine: 7 },
      }),
    ]);
    expect(doc.findings[0].message).toContain('`ingress_rules`');
    // the unchanged unread call is a line of the Modules summary, not a finding
    expect(doc.modules.find((m) => m.address === 'module.edge')).toMatchObject({ how: null, reason: expect.stringContaining('--fetch-modules') });
  });

  it('follows local modules outside the directory it was given', async () => {
    const repo = join(work, 'repo');
    cpSync(join(FIXTURES, 'named-rules-sg'), join(repo, 'modules/sg'), { recursive: true });
    for (const [name, rules] of [
      ['base', '["https-443-tcp"]'],
      ['head', '["https-443-tcp", "ssh-tcp"]'],
    ] as const) {
      mkdirSync(join(repo, name, 'stack'), { recursive: true });
      writeFileSync(
        join(repo, name, 'stack/main.tf'),
        `module "web" {\n  source              = "../../modules/sg"\n  name                = "web"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ${rules}\n}\n`,
      );
    }
    const { doc } = await diff(join(repo, 'base/stack'), join(repo, 'head/stack'));
    expect(doc.conclusion).toBe('failure');
    expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({
      severity: 'critical',
      resource: 'module.web.aws_security_group_rule.ingress_rules[1]',
    });
    expect(doc.modules).toEqual([expect.objectContaining({ address: 'module.web', how: 'local' })]);
  });
});

describe('sg-review model', () => {
  const model = async (dir: string) => {
    let out = '';
    const code = await runCli(['model', dir, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: work });
    expect(code).toBe(0);
    return JSON.parse(out) as { groups: { address: string }[]; moduleCalls: { address: string; how: string | null }[] };
  };

  it('reads the init cache, nested keys included, as diff and scan do', async () => {
    const m = await model(initialised('model-cache', webCall('["ssh-tcp"]')));
    expect(m.groups.map((g) => g.address).sort()).toEqual(['module.edge.module.inner.aws_security_group.this[0]', 'module.web_sg.aws_security_group.this[0]']);
    expect(m.moduleCalls.map((c) => [c.address, c.how])).toEqual([
      ['module.edge', 'init cache'],
      ['module.web_sg', 'init cache'],
    ]);
  });

  it('follows local modules outside the directory it was given', async () => {
    const repo = join(work, 'model-repo');
    cpSync(join(FIXTURES, 'named-rules-sg'), join(repo, 'modules/sg'), { recursive: true });
    mkdirSync(join(repo, 'stack'), { recursive: true });
    writeFileSync(join(repo, 'stack/main.tf'), 'module "web" {\n  source = "../modules/sg"\n  name   = "web"\n}\n');
    const m = await model(join(repo, 'stack'));
    expect(m.groups.map((g) => g.address)).toEqual(['module.web.aws_security_group.this[0]']);
  });
});

async function runModel(dir: string): Promise<string> {
  let out = '';
  await runCli(['scan', dir, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: work });
  return out;
}
