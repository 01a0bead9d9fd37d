// Golden scenarios: each folder under test/scenarios/<theme>/<case>/ holds base/ and head/
// and the expected review (expected.json: the findings in short form; expected.md: the
// markdown summary). The real pairs of ../shared/corpus/pr-pairs are checked the same way
// against test/scenarios-corpus/<pair>.json. UPDATE_GOLDEN=1 rewrites the files, which are
// then reviewed by hand before committing.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFilesBelow, readTerraformTree } from '../src/adapters/files.js';
import { isReadPath } from '../src/engine/hcl/file-reads.js';
import { DEFAULT_CONFIG, type Config } from '../src/config/schema.js';
import { parseConfig } from '../src/config/load.js';
import { configurationReads } from '../src/app/data-reads.js';
import type { ReviewResult } from '../src/engine/result.js';
import { reviewFiles } from '../src/engine/review-files.js';
import { toDocument } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { CORPUS, corpusPresent } from './helpers/corpus.js';

const ROOT = join(import.meta.dirname, 'scenarios');
const CORPUS_PAIRS = join(CORPUS, 'pr-pairs');
const CORPUS_EXPECTED = join(import.meta.dirname, 'scenarios-corpus');
const update = process.env['UPDATE_GOLDEN'] === '1';

const span = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}-${b}`);
/** ICMP as the document shows it: types/codes, `8/0`, `3/0-255`. */
const typeCodes = (icmp: { types: [number, number]; codes: [number, number] }[]) => icmp.map((r) => `${span(r.types)}/${span(r.codes)}`).join(',');

/** The findings in short form, from the `sg-review/v1` document (ICMP as type/code). */
function short(result: ReviewResult) {
  const doc = toDocument(result);
  return {
    conclusion: doc.conclusion,
    findings: doc.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      resource: f.resource,
      location: `${f.location.file}:${f.location.startLine}-${f.location.endLine}`,
      ...(f.related ? { related: f.related.map((r) => `${r.file}:${r.startLine}-${r.endLine}`) } : {}),
      ...(f.suppressed ? { suppressed: true } : {}),
      ...(f.access
        ? {
            opened: f.access.opened.map(
              (o) => `${f.access!.protocol} ${o.peer.type}:${o.peer.value} ${'icmp' in o ? typeCodes(o.icmp) : o.ports.map(span).join(',')}`,
            ),
          }
        : {}),
      ...(f.path ? { path: f.path.map((h) => `${h.from} -> ${h.to}`) } : {}),
    })),
    closed: doc.closed.map(
      (c) =>
        `${c.group} ${c.direction} ${c.protocol} ${c.peer}${c.except ? ` except ${c.except.join(',')}` : ''} ${'icmp' in c ? typeCodes(c.icmp) : c.ports.map(([a, b]) => `${a}-${b}`).join(',')}${c.portsUnknown ? ' (ports unknown)' : ''}`,
    ),
    ...(doc.unmanaged.length ? { unmanaged: doc.unmanaged.map((u) => `${u.directory}: ${u.groups.join(', ')}`) } : {}),
  };
}

/** A tree's Terraform files and the files its configuration reads (file(), var files), as the CLI reads them. */
async function readTree(dir: string, config: Config) {
  const files = await readTerraformTree(dir);
  const reads = configurationReads(files, config.var_files);
  return [...files, ...(reads.length ? await readDataFilesBelow(dir, (p) => isReadPath(reads, p), config.max_data_file_bytes) : [])];
}

/** The review of two trees, with the scenario's `sg-review.yml` beside them when it has one. */
async function reviewDirs(base: string, head: string) {
  const configFile = join(head, '..', 'sg-review.yml');
  const config = existsSync(configFile) ? parseConfig(readFileSync(configFile, 'utf8'), configFile) : DEFAULT_CONFIG;
  const [b, h] = await Promise.all([existsSync(base) ? readTree(base, config) : [], readTree(head, config)]);
  return reviewFiles(b, h, config);
}

/** Compares with the expected file; a missing one fails (UPDATE_GOLDEN=1 writes it for review). */
function golden(file: string, actual: string) {
  if (update) writeFileSync(file, actual);
  if (!existsSync(file)) expect.fail(`${file} is missing: run UPDATE_GOLDEN=1 npm test and review the file it writes`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const cases = readdirSync(ROOT).flatMap((theme) => readdirSync(join(ROOT, theme)).map((c) => `${theme}/${c}`));

describe('golden scenarios', () => {
  it.each(cases)('%s', async (name) => {
    const dir = join(ROOT, name);
    const result = await reviewDirs(join(dir, 'base'), join(dir, 'head'));
    golden(join(dir, 'expected.json'), JSON.stringify(short(result), null, 2) + '\n');
    golden(join(dir, 'expected.md'), renderMarkdown(result));
  });
});

describe.skipIf(!corpusPresent())('real pull-request pairs', () => {
  const pairs = corpusPresent() ? readdirSync(CORPUS_PAIRS) : [];
  it.each(pairs)('%s', async (pair) => {
    const result = await reviewDirs(join(CORPUS_PAIRS, pair, 'base'), join(CORPUS_PAIRS, pair, 'head'));
    mkdirSync(CORPUS_EXPECTED, { recursive: true });
    golden(join(CORPUS_EXPECTED, `${pair}.json`), JSON.stringify(short(result), null, 2) + '\n');
  });

  const pairResult = (pair: string) => reviewDirs(join(CORPUS_PAIRS, pair, 'base'), join(CORPUS_PAIRS, pair, 'head'));

  it('reports nothing and closes nothing for the 0.11 -> 0.12 syntax migration (pair 16)', async () => {
    const result = await pairResult('16-govuk-syntax-011-to-012');
    expect(result.findings).toEqual([]);
    expect(result.closed).toEqual([]);
  });

  it('reads ["${var.list}"] as the list: the new rule opens 7687 to var.paas_egress_ips, empty by default and set outside (pair 17)', async () => {
    const result = await pairResult('17-govuk-legacy-list-interpolation');
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['missing-description:low', 'new-ingress:low']);
    expect(result.findings[1]!.title).toBe('7687/tcp opened from the addresses in var.paas_egress_ips on aws_security_group.knowledge-graph_elb_external');
    expect(result.findings[1]!.message).not.toContain('is not a CIDR');
  });

  it('names the count-gated group and the data source, and the changed rule is not new (pair 18)', async () => {
    const result = await pairResult('18-govuk-hook-peers-data-source');
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['unresolved-value:medium']);
    expect(result.findings[0]!.title).toContain('aws_security_group.ci-master_elb ');
    expect(result.findings[0]!.message).toContain('data source');
    expect(result.findings[0]!.message).not.toContain('including the internet');
    expect(result.closed).toEqual([]);
  });

  it('reports nothing for the no-op pair 02 (sorting CIDR lists)', async () => {
    const dir = join(CORPUS_PAIRS, '02-cgprov-sort-cidrs-noop');
    const result = await reviewDirs(join(dir, 'base'), join(dir, 'head'));
    expect(result.findings).toEqual([]);
    expect(result.closed).toEqual([]);
  });
});
