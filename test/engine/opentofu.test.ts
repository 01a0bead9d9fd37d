// OpenTofu files: .tofu / .tofu.json are read, and replace their .tf / .tf.json twins.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, validateConfig } from '../../src/config/schema.js';
import { shadowedFiles, withoutShadowedFiles } from '../../src/engine/hcl/config-files.js';
import { isOverrideFile } from '../../src/engine/hcl/override.js';
import { isTerraformFile } from '../../src/engine/load.js';
import { bothReadings } from '../../src/engine/readings.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { toDocument } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { modelOf, ruleLines } from '../helpers/model.js';

const group = (port: number, cidr: string) => `resource "aws_security_group" "g" {
  name = "g"
  ingress {
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
}
`;

const OPENTOFU = { ...DEFAULT_CONFIG, applied_with: 'opentofu' as const };
const TERRAFORM = { ...DEFAULT_CONFIG, applied_with: 'terraform' as const };
const titles = (r: Awaited<ReturnType<typeof reviewFiles>>) => r.findings.map((f) => `${f.severity} ${f.rule} ${f.location.file}`);

describe('OpenTofu files', () => {
  it('reads .tofu and .tofu.json files, never hidden ones; overrides have .tofu forms too', () => {
    expect(['main.tofu', 'a/b.tofu.json', '.hidden.tofu', 'main.tofu.bak'].map(isTerraformFile)).toEqual([true, true, false, false]);
    expect(['override.tofu', 'x_override.tofu.json', 'x_overrides.tofu'].map(isOverrideFile)).toEqual([true, true, false]);
  });

  it('x.tofu replaces x.tf and x.tofu.json replaces x.tf.json in the same directory, and nothing else', () => {
    const paths = ['main.tf', 'main.tofu', 'sg.tf.json', 'sg.tofu.json', 'other.tf', 'a/main.tf', 'b/main.tofu', 'c.tf.json', 'c.tofu'];
    expect(withoutShadowedFiles(paths.map((path) => ({ path }))).map((f) => f.path)).toEqual([
      'main.tofu',
      'sg.tofu.json',
      'other.tf',
      'a/main.tf',
      'b/main.tofu',
      'c.tf.json',
      'c.tofu',
    ]);
  });

  it('names each ignored file with the twin that replaces it', () => {
    expect(shadowedFiles(['main.tf', 'main.tofu', 'sg.tf.json', 'sg.tofu.json', 'other.tf', 'c.tf.json', 'c.tofu'])).toEqual([
      { file: 'main.tf', replacedBy: 'main.tofu' },
      { file: 'sg.tf.json', replacedBy: 'sg.tofu.json' },
    ]);
  });

  it('the summary and the JSON say which .tf files were not read because a .tofu file replaces them', async () => {
    const head = [
      { path: 'net/main.tf', content: group(22, '0.0.0.0/0') },
      { path: 'net/main.tofu', content: group(443, '10.0.0.0/8') },
      { path: 'net/other.tf', content: '' },
    ];
    const result = await reviewFiles([], head, OPENTOFU);
    expect(toDocument(result).ignoredFiles).toEqual([{ file: 'net/main.tf', replacedBy: 'net/main.tofu' }]);
    expect(renderMarkdown(result)).toContain(
      'Not read, as OpenTofu ignores them (a `.tofu` file of the same name replaces each): `net/main.tf` (by `net/main.tofu`).',
    );
    expect(renderMarkdown(await reviewFiles([], head.slice(1), OPENTOFU))).not.toContain('Not read');
  });

  it('the summary names the first 20 ignored files and counts the rest', async () => {
    const head = Array.from({ length: 23 }, (_, i) => [
      { path: `d${String(i).padStart(2, '0')}/main.tf`, content: '' },
      { path: `d${String(i).padStart(2, '0')}/main.tofu`, content: '' },
    ]).flat();
    const line = renderMarkdown(await reviewFiles([], head, OPENTOFU))
      .split('\n')
      .find((l) => l.startsWith('Not read'))!;
    expect(line.match(/\(by `/g)).toHaveLength(20);
    expect(line).toContain('`d19/main.tf` (by `d19/main.tofu`), and 3 more.');
    expect(line).not.toContain('d20/');
  });

  it('models the .tofu file and ignores its .tf twin', async () => {
    const m = await modelOf({ 'main.tf': group(22, '0.0.0.0/0'), 'main.tofu': group(443, '10.0.0.0/8') });
    expect(ruleLines(m)).toEqual(['aws_security_group.g ingress tcp 443-443 cidr:10.0.0.0/8']);
    expect(m.files).toEqual(['main.tofu']);
  });

  it('x_override.tofu replaces x_override.tf, and a .tofu override merges into a .tf original', async () => {
    const m = await modelOf({
      'main.tf': group(443, '10.0.0.0/8'),
      'x_override.tf': group(22, '0.0.0.0/0'),
      'x_override.tofu': group(8443, '10.1.0.0/16'),
    });
    expect(ruleLines(m)).toEqual(['aws_security_group.g ingress tcp 8443-8443 cidr:10.1.0.0/16']);
    expect(m.rules[0]!.location.file).toBe('x_override.tofu');
  });
});

describe('which tool applies the repository (applied_with)', () => {
  // the PR widens main.tf and adds a harmless main.tofu: Terraform applies main.tf
  const base = [{ path: 'net/main.tf', content: group(443, '10.0.0.0/8') }];
  const head = [
    { path: 'net/main.tf', content: group(22, '0.0.0.0/0') },
    { path: 'net/main.tofu', content: group(443, '10.0.0.0/8') },
  ];

  it('unset: a change with .tofu files is reviewed in both readings, and the .tf side is never hidden', async () => {
    const result = await reviewFiles(base, head, DEFAULT_CONFIG);
    expect(result.conclusion).toBe('failure');
    expect(titles(result)).toContain('critical new-ingress net/main.tf');
    expect(toDocument(result)).toMatchObject({ bothReadings: true, ignoredFiles: [] });
    expect(renderMarkdown(result)).toContain('Reviewed as OpenTofu reads it and as Terraform reads it, with the findings of both');
  });

  it('unset: the widened .tofu side is not hidden either, and a finding both readings make is listed once', async () => {
    const tofuWidened = [
      { path: 'net/main.tf', content: group(443, '10.0.0.0/8') },
      { path: 'net/main.tofu', content: group(22, '0.0.0.0/0') },
      { path: 'net/other.tf', content: group(3389, '0.0.0.0/0').replace('"g"', '"h"') },
    ];
    const found = titles(await reviewFiles(base, tofuWidened, DEFAULT_CONFIG));
    expect(found).toContain('critical new-ingress net/main.tofu');
    expect(found.filter((t) => t.endsWith('net/other.tf') && t.includes('new-ingress'))).toHaveLength(1);
  });

  it('a finding suppressed in one reading never hides the same finding left open in the other', async () => {
    const open = await reviewFiles(base, head.slice(0, 1), DEFAULT_CONFIG);
    const suppressed = { ...open, findings: open.findings.map((f) => ({ ...f, suppressed: true })) };
    const merged = bothReadings(suppressed, open, 'high');
    expect(merged.conclusion).toBe('failure');
    expect(merged.findings.filter((f) => !f.suppressed).map((f) => f.rule)).toContain('new-ingress');
  });

  it('unset, without .tofu files: one reading, as before', async () => {
    const result = await reviewFiles(base, head.slice(0, 1), DEFAULT_CONFIG);
    expect(toDocument(result).bothReadings).toBeUndefined();
  });

  it('terraform: .tofu files are not read, and the summary names them', async () => {
    const result = await reviewFiles(base, head, TERRAFORM);
    expect(titles(result)).toContain('critical new-ingress net/main.tf');
    expect(toDocument(result).ignoredFiles).toEqual([{ file: 'net/main.tofu', replacedBy: null }]);
    expect(renderMarkdown(result)).toContain('Not read, as Terraform ignores them (`applied_with: terraform`): `net/main.tofu`.');
  });

  it('opentofu: the .tofu twin replaces main.tf', async () => {
    const result = await reviewFiles(base, head, OPENTOFU);
    expect(result.conclusion).toBe('success');
    expect(toDocument(result).ignoredFiles).toEqual([{ file: 'net/main.tf', replacedBy: 'net/main.tofu' }]);
  });

  describe('unset: a second reading only where the change reaches a .tofu file', () => {
    const module = (cidr: string) => `variable "x" {\n  default = 1\n}\n${group(22, cidr)}`;
    const call = (source: string) => `module "m" {\n  source = "${source}"\n}\n`;
    const both = async (b: { path: string; content: string }[], h: { path: string; content: string }[]) =>
      toDocument(await reviewFiles(b, h, DEFAULT_CONFIG)).bothReadings ?? false;
    // a directory of its own, never called: app/ holds a .tofu twin
    const app = [
      { path: 'app/main.tf', content: group(443, '10.0.0.0/8') },
      { path: 'app/main.tofu', content: group(443, '10.0.0.0/8') },
    ];

    it('a change in another directory is reviewed once, and names no file as ignored', async () => {
      const result = await reviewFiles([...app, ...base], [...app, ...head.slice(0, 1)], DEFAULT_CONFIG);
      expect(toDocument(result).bothReadings).toBeUndefined();
      expect(result.ignoredFiles).toEqual([]);
      expect(titles(result)).toContain('critical new-ingress net/main.tf');
    });

    it('a changed module whose caller has a .tofu twin: both readings (the caller reaches it)', async () => {
      const tree = (cidr: string) => [
        { path: 'root/main.tf', content: call('../mod') },
        { path: 'root/main.tofu', content: call('../mod') },
        { path: 'mod/main.tf', content: module(cidr) },
      ];
      expect(await both(tree('10.0.0.0/8'), tree('0.0.0.0/0'))).toBe(true);
    });

    it('a changed root calling a module with a .tofu twin: both readings (it reaches what it calls)', async () => {
      const tree = (source: string) => [
        { path: 'root/main.tf', content: call(source) },
        { path: 'mod/main.tf', content: module('0.0.0.0/0') },
        { path: 'mod/main.tofu', content: module('10.0.0.0/8') },
        { path: 'other/main.tf', content: module('10.0.0.0/8') },
      ];
      expect(await both(tree('../other'), tree('../mod'))).toBe(true);
    });

    it('a call only the .tf twin makes, which OpenTofu never reads, reaches too', async () => {
      const tree = (cidr: string) => [
        { path: 'root/main.tf', content: call('../mod') },
        { path: 'root/main.tofu', content: group(443, '10.0.0.0/8') },
        { path: 'mod/main.tf', content: module(cidr) },
      ];
      const result = await reviewFiles(tree('10.0.0.0/8'), tree('0.0.0.0/0'), DEFAULT_CONFIG);
      expect(toDocument(result).bothReadings).toBe(true);
      expect(titles(result)).toContain('critical new-ingress mod/main.tf');
    });

    it('the Terraform reading reads only what the change reaches, its addresses labelled as in the other', async () => {
      // other/ holds a .tofu twin and a main.tf that does not parse, unchanged: not the change's
      const other = [
        { path: 'other/main.tf', content: 'resource "aws_security_group" "o" {' },
        { path: 'other/main.tofu', content: group(443, '10.0.0.0/8').replace('"g"', '"o"') },
      ];
      const widened = [...head, { path: 'net/other.tf', content: group(3389, '0.0.0.0/0').replace('"g"', '"h"') }];
      const result = await reviewFiles([...other, ...base], [...other, ...widened], DEFAULT_CONFIG);
      expect(result.bothReadings).toBe(true);
      expect(result.findings.map((f) => f.location.file)).not.toContain('other/main.tf');
      // one root in the Terraform reading, several in the OpenTofu one: the same finding once
      expect(result.findings.filter((f) => f.rule === 'new-ingress' && f.location.file === 'net/other.tf').map((f) => f.resource)).toEqual([
        'net:aws_security_group.h',
      ]);
    });

    it('a changed file no directory reads as its own (a data file) may be read from anywhere: both readings', async () => {
      const data = (v: string) => ({ path: 'data/rules.yaml', content: `cidr: ${v}\n` });
      expect(await both([...app, ...base, data('10.0.0.0/8')], [...app, ...base, data('0.0.0.0/0')])).toBe(true);
    });
  });

  describe('both readings: what either reading could not read or used is listed', () => {
    it('a file unread in the Terraform reading only is unread', async () => {
      const b = [
        { path: 'net/main.tf', content: group(22, '10.0.0.0/8') },
        { path: 'net/main.tofu', content: group(22, '10.0.0.0/8') },
      ];
      const h = [{ path: 'net/main.tf', content: 'resource "aws_security_group" "g" {' }, b[1]!];
      const result = await reviewFiles(b, h, DEFAULT_CONFIG);
      expect(result.bothReadings).toBe(true);
      expect(result.unreadAtHead.map((u) => u.file)).toEqual(['net/main.tf']);
    });

    it('a suppression only the Terraform reading uses is listed with its findings, and pending', async () => {
      const h = [
        { path: 'net/main.tf', content: `# sg-review:ignore new-ingress break-glass access\n${group(22, '0.0.0.0/0')}` },
        { path: 'net/main.tofu', content: group(443, '10.0.0.0/8') },
      ];
      const result = await reviewFiles(base, h, DEFAULT_CONFIG);
      expect(result.suppressions).toEqual([
        expect.objectContaining({ file: 'net/main.tf', rule: 'new-ingress', state: 'pending', findings: [expect.any(String)] }),
      ]);
      expect(result.suppressionProblems.map((p) => p.problem)).not.toContainEqual(expect.stringContaining('matches no finding'));
    });

    it('a module call only the Terraform reading makes is listed', async () => {
      const h = [
        { path: 'net/main.tf', content: 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n' },
        { path: 'net/main.tofu', content: group(443, '10.0.0.0/8') },
      ];
      const result = await reviewFiles(base, h, DEFAULT_CONFIG);
      expect(result.modules.map((m) => m.address)).toEqual(['module.vpc']);
    });

    it('a bound hit in the Terraform reading only is reported', async () => {
      const many = group(22, '10.0.0.0/8').replace('resource "aws_security_group" "g" {', 'resource "aws_security_group" "g" {\n  count = 5000');
      const h = [
        { path: 'net/main.tf', content: many },
        { path: 'net/main.tofu', content: group(443, '10.0.0.0/8') },
      ];
      const result = await reviewFiles(base, h, DEFAULT_CONFIG);
      expect(result.findings.map((f) => f.rule)).toContain('analysis-limit');
    });
  });

  it('the key takes only the two tools', () => {
    expect(validateConfig({ applied_with: 'opentofu' }, 'cfg').applied_with).toBe('opentofu');
    expect(() => validateConfig({ applied_with: 'pulumi' }, 'cfg')).toThrow(/"applied_with"/);
  });
});
