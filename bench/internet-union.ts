// InternetUnion on one group's many CIDR rules, each a /4 piece of the internet on its own
// overlapping port range: where the pieces meet is found by a sweep over the rules' ends.
import { InternetUnion } from '../src/engine/access/internet-union.js';
import type { Rule } from '../src/engine/model/types.js';

function pieces(count: number): Rule[] {
  return Array.from({ length: count }, (_, i) => {
    const port = (i * 7) % 60000;
    return {
      group: 'aws_security_group.g',
      direction: 'ingress',
      protocol: 'tcp',
      ports: [port, port + 100],
      peer: { type: 'cidr', value: `${(i % 16) * 16}.0.0.0/4`, family: 4 },
    } as Rule;
  });
}

/** CPU milliseconds to build the union of `count` rules, the best of five (the machine may be shared). */
export function internetUnionMs(count: number): number {
  const rules = pieces(count);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = process.cpuUsage();
    new InternetUnion({ rules, attachments: [] }, 'ingress');
    const { user, system } = process.cpuUsage(t);
    best = Math.min(best, (user + system) / 1000);
  }
  return best;
}
