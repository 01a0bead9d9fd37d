// ICMP in the sg-review/v1 document: type and code ranges, never the engine's
// type × 256 + code (issue 9, point 11).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { icmpTypeCodes } from '../../src/engine/model/protocol.js';
import type { ReviewDocument } from '../../src/engine/result.js';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIO = 'test/scenarios/precision/icmp-type-code';
const rect = (types: [number, number], codes: [number, number]) => ({ types, codes });

describe('ICMP as type/code ranges', () => {
  it.each([
    ['echo request 8/0', [[2048, 2048]], [rect([8, 8], [0, 0])]],
    ['every code of type 3', [[768, 1023]], [rect([3, 3], [0, 255])]],
    ['all of ICMP', [[0, 65535]], [rect([0, 255], [0, 255])]],
    ['a range crossing types: 8/5 to 10/3', [[2053, 2563]], [rect([8, 8], [5, 255]), rect([9, 9], [0, 255]), rect([10, 10], [0, 3])]],
    [
      'all but echo request',
      [
        [0, 2047],
        [2049, 65535],
      ],
      [rect([0, 7], [0, 255]), rect([8, 8], [1, 255]), rect([9, 255], [0, 255])],
    ],
    [
      'consecutive types with the same codes merged, in any order',
      [
        [2304, 2304],
        [2048, 2048],
      ],
      [rect([8, 9], [0, 0])],
    ],
    [
      'whole types in adjacent ranges merged',
      [
        [0, 767],
        [768, 1023],
      ],
      [rect([0, 3], [0, 255])],
    ],
    [
      'types with different codes kept apart',
      [
        [2048, 2048],
        [2305, 2305],
      ],
      [rect([8, 8], [0, 0]), rect([9, 9], [1, 1])],
    ],
  ] as [string, [number, number][], ReturnType<typeof rect>[]][])('%s', (_name, ranges, expected) => {
    expect(icmpTypeCodes(ranges)).toEqual(expected);
  });
});

describe('the JSON document shows ICMP as type/code', () => {
  it('in opened access, path hops and closed access, with no ports for ICMP', async () => {
    let out = '';
    await runCli(['diff', join(SCENARIO, 'base'), join(SCENARIO, 'head'), '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: ROOT });
    const doc = JSON.parse(out) as ReviewDocument;
    const opened = doc.findings.flatMap((f) => (f.access ? [[f.rule, f.resource, f.access.protocol, f.access.opened]] : []));
    const peer = (value: string) => ({ type: 'cidr', value });
    expect(opened).toEqual([
      [
        'new-ingress',
        'aws_security_group.ping',
        'icmp',
        [{ peer: peer('10.0.0.0/8'), icmp: [rect([0, 7], [0, 255]), rect([8, 8], [1, 255]), rect([9, 255], [0, 255])] }],
      ],
      ['new-egress', 'aws_security_group.ping', 'icmp', [{ peer: peer('10.0.0.0/8'), icmp: [rect([0, 255], [0, 255])] }]],
      ['new-ingress', 'aws_vpc_security_group_ingress_rule.echo_request', 'icmp', [{ peer: peer('0.0.0.0/0'), icmp: [rect([8, 8], [0, 0])] }]],
      ['new-ingress', 'aws_vpc_security_group_ingress_rule.unreachable', 'icmp', [{ peer: peer('10.0.0.0/8'), icmp: [rect([3, 3], [0, 255])] }]],
      ['new-ingress', 'aws_vpc_security_group_ingress_rule.echo_request_v6', 'icmpv6', [{ peer: peer('::/0'), icmp: [rect([128, 128], [0, 0])] }]],
    ]);
    // the hop carries every protocol it is reachable on, not only the first
    expect(doc.findings.find((f) => f.rule === 'new-internet-path')!.path).toEqual([
      {
        from: 'internet',
        to: 'aws_security_group.edge',
        protocol: 'icmp',
        icmp: [rect([8, 8], [0, 0])],
        otherProtocols: [{ protocol: 'icmpv6', icmp: [rect([128, 128], [0, 0])] }],
      },
    ]);
    expect(doc.closed).toEqual([
      { group: 'aws_security_group.edge', direction: 'ingress', protocol: 'icmp', peer: '192.168.0.0/16', icmp: [rect([3, 3], [4, 4])] },
    ]);
  });

  it('keeps port numbers for tcp', async () => {
    let out = '';
    await runCli(['diff', 'test/scenarios/paths/every-port-any-order/base', 'test/scenarios/paths/every-port-any-order/head', '--format', 'json'], {
      stdout: (s) => (out += s),
      stderr: () => {},
      cwd: ROOT,
    });
    const doc = JSON.parse(out) as ReviewDocument;
    const ssh = doc.findings.find((f) => f.rule === 'new-ingress' && f.access?.protocol === 'tcp' && JSON.stringify(f.access.opened).includes('[22,22]'));
    expect(ssh?.access?.opened).toEqual([{ peer: { type: 'cidr', value: '0.0.0.0/0' }, ports: [[22, 22]] }]);
    // every port of the hop, whichever block comes first
    expect(doc.findings.find((f) => f.rule === 'new-internet-path')!.path).toEqual([
      {
        from: 'internet',
        to: 'aws_security_group.app',
        protocol: 'tcp',
        ports: [
          [22, 22],
          [8000, 8000],
        ],
        otherProtocols: [{ protocol: 'icmp', icmp: [rect([8, 8], [0, 0])] }],
      },
    ]);
  });
});
