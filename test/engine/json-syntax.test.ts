// Terraform JSON files read as HCL's JSON parser reads them: every form it accepts, and a
// parse error naming the line for each form Terraform rejects.
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/engine/hcl/json-syntax.js';
import { modelOf, ruleLines } from '../helpers/model.js';

const rule = (port: number, cidr: string) => ({
  type: 'ingress',
  security_group_id: '${aws_security_group.web.id}',
  from_port: port,
  to_port: port,
  protocol: 'tcp',
  cidr_blocks: [cidr],
});
const GROUP = 'resource "aws_security_group" "web" {\n  name = "web"\n}\n';
const SSH = 'aws_security_group.web ingress tcp 22-22 cidr:0.0.0.0/0';
const HTTPS = 'aws_security_group.web ingress tcp 443-443 cidr:10.0.0.0/8';
const rulesOf = async (json: string) => ruleLines(await modelOf({ 'main.tf': GROUP, 'r.tf.json': json }));
const errorsOf = async (json: string) => (await modelOf({ 'main.tf': GROUP, 'r.tf.json': json })).parseErrors;
const ssh = JSON.stringify(rule(22, '0.0.0.0/0'));
const https = JSON.stringify(rule(443, '10.0.0.0/8'));

describe('Terraform JSON forms', () => {
  it('reads every occurrence of a repeated block key (JSON.parse kept only the last)', async () => {
    expect(await rulesOf(`{"resource": {"aws_security_group_rule": {"ssh": ${ssh}}},\n "resource": {"aws_security_group_rule": {"https": ${https}}}}`)).toEqual(
      [SSH, HTTPS],
    );
    expect(await rulesOf(`{"resource": {"aws_security_group_rule": {"ssh": ${ssh}}, "aws_security_group_rule": {"https": ${https}}}}`)).toEqual([SSH, HTTPS]);
  });

  it('reads an array of objects at the block type and at each label level, and a root array', async () => {
    expect(await rulesOf(`{"resource": [{"aws_security_group_rule": {"ssh": ${ssh}}}]}`)).toEqual([SSH]);
    expect(await rulesOf(`{"resource": {"aws_security_group_rule": [{"ssh": ${ssh}}, {"https": ${https}}]}}`)).toEqual([SSH, HTTPS]);
    expect(await rulesOf(`[{"resource": {"aws_security_group_rule": {"ssh": ${ssh}}}}, {"//": "comment"}]`)).toEqual([SSH]);
  });

  it('reads a module call written in an array', async () => {
    const m = await modelOf({
      'main.tf.json': '{"module": [{"sg": {"source": "./sg", "cidr": "0.0.0.0/0"}}]}',
      'sg/main.tf': `variable "cidr" {}\n${GROUP}resource "aws_security_group_rule" "ssh" {\n  type = "ingress"\n  security_group_id = aws_security_group.web.id\n  from_port = 22\n  to_port = 22\n  protocol = "tcp"\n  cidr_blocks = [var.cidr]\n}\n`,
    });
    expect(ruleLines(m)).toEqual(['module.sg.aws_security_group.web ingress tcp 22-22 cidr:0.0.0.0/0']);
  });

  it('ignores "//" comment properties in bodies', async () => {
    expect(
      await rulesOf(`{"//": "generated", "resource": {"aws_security_group_rule": {"ssh": ${JSON.stringify({ '//': 'note', ...rule(22, '0.0.0.0/0') })}}}}`),
    ).toEqual([SSH]);
  });

  it.each([
    [
      'a repeated argument',
      `{"resource": {"aws_security_group_rule": {"ssh": {\n"type": "ingress", "cidr_blocks": ["0.0.0.0/0"],\n"cidr_blocks": ["10.0.0.0/8"]}}}}`,
      3,
      'duplicate argument: "cidr_blocks" was already set at line 2',
    ],
    [
      'a repeated ingress of a group (an argument in JSON)',
      `{"resource": {"aws_security_group": {"g": {\n"ingress": [],\n"ingress": [{"from_port": 22}]}}}}`,
      3,
      'duplicate argument: "ingress" was already set at line 2',
    ],
    ['a repeated module argument', `{"module": {"m": {"source": "./m",\n"cidrs": [{"a": 1}],\n"cidrs": [{"a": 2}]}}}`, 3, 'duplicate argument: "cidrs"'],
    ['a repeated key in an object value', `{"locals": {"tags": {"a": "1",\n"a": "2"}}}`, 2, 'duplicate object attribute: "a" was already defined at line 1'],
    // objects are values there, never blocks: HCL's "Duplicate object attribute"
    [
      'a repeated key whose values are objects, in a local',
      `{"locals": {"rules": {"ssh": {"port": 22},\n"ssh": {"port": 3389}}}}`,
      2,
      'duplicate object attribute: "ssh"',
    ],
    [
      'a repeated key in an object inside a module argument',
      `{"module": {"m": {"source": "./m", "rules": [{"ssh": {"cidr": "10.0.0.0/8"},\n"ssh": {"cidr": "0.0.0.0/0"}}]}}}`,
      2,
      'duplicate object attribute: "ssh"',
    ],
    [
      'the same resource twice',
      `{"resource": {"aws_security_group_rule": {\n"ssh": [${https},\n${ssh}]}}}`,
      3,
      'resource aws_security_group_rule.ssh is declared twice (first at line 2)',
    ],
    [
      'the same resource under a repeated key',
      `{"resource": {"aws_security_group_rule": {"ssh": ${https}}},\n"resource": {"aws_security_group_rule": {"ssh": ${ssh}}}}`,
      2,
      'declared twice (first at line 1)',
    ],
    ['a local declared in two blocks', `{"locals": [{"a": 1},\n{"a": 2}]}`, 2, 'local.a is declared twice'],
    ['a block without its label', `{"resource": {"aws_security_group_rule": {"ssh": ${ssh}}},\n "resource": {}}`, 2, 'missing block label'],
    ['a label level that is not an object', `{"resource": {"aws_security_group_rule":\n"ssh"}}`, 2, 'a JSON object or an array of objects is required here'],
    ['a body that is not an object', `{"resource": {"aws_security_group_rule": {"ssh": [\n1]}}}`, 2, 'a JSON object is required here'],
    ['a root that is not an object', `\n"resource"`, 2, 'the root value must be a JSON object or an array of objects'],
    ['a comment', `{\n// no comments in JSON\n}`, 2, 'not valid JSON'],
    ['a trailing comma', `{"locals": {"a": 1,\n}}`, 2, 'not valid JSON: property name expected'],
  ])('%s is a parse error naming the line', async (_, json, line, message) => {
    expect(await errorsOf(json)).toEqual([{ file: 'r.tf.json', line, column: expect.any(Number), message: expect.stringContaining(message) }]);
  });

  it('tfvars JSON: one object of values; a repeated one is a parse error', () => {
    expect(readJsonFile('{"cidrs": ["0.0.0.0/0"], "//": "c"}', true)).toMatchObject({ body: { cidrs: ['0.0.0.0/0'] }, problem: null });
    expect(readJsonFile('{"cidrs": ["10.0.0.0/8"],\n"cidrs": ["0.0.0.0/0"]}', true).problem).toEqual({
      line: 2,
      column: 1,
      message: 'duplicate argument: "cidrs" was already set at line 1',
    });
    expect(readJsonFile('[{"cidrs": []}]', true).problem?.message).toBe('a JSON object is required here, setting the variables');
    expect(readJsonFile('{"rules": {"ssh": {"cidr": "10.0.0.0/8"},\n"ssh": {"cidr": "0.0.0.0/0"}}}', true).problem).toMatchObject({
      line: 2,
      message: 'duplicate object attribute: "ssh" was already defined at line 1',
    });
  });

  it('locates each block, argument and nested block on its lines', () => {
    const text = [
      '{',
      '  "resource": {',
      '    "aws_security_group": {',
      '      "g": {',
      '        "name": "g",',
      '        "ingress": [',
      '          {"from_port": 22},',
      '          {',
      '            "from_port": 443',
      '          }',
      '        ]',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const [block] = readJsonFile(text, false).located.blocks;
    expect(block).toMatchObject({ type: 'resource', labels: ['aws_security_group', 'g'], startLine: 4, endLine: 12 });
    expect(block!.attributes.get('name')).toEqual({ startLine: 5, endLine: 5 });
    expect(block!.blocks.map((b) => [b.type, b.startLine, b.endLine, b.attributes.get('from_port')?.startLine])).toEqual([
      ['ingress', 7, 7, 7],
      ['ingress', 8, 10, 9],
    ]);
  });

  it('keeps names such as __proto__ as names', () => {
    const { body } = readJsonFile('{"locals": {"__proto__": 1, "constructor": 2}}', false);
    expect(Object.keys((body['locals'] as Record<string, unknown>[])[0]!)).toEqual(['__proto__', 'constructor']);
  });
});

describe('hostile JSON', () => {
  it('a file nested thousands deep is a problem naming it, never a throw (the App reads JSON callers on its main thread)', () => {
    const { problem, body } = readJsonFile('['.repeat(20_000), false);
    expect(body).toEqual({});
    expect(problem?.message).toMatch(/too deeply nested/);
  });
});
