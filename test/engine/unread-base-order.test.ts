// Parse workers answer in any order; the stand-ins for unreadable base files must still be
// listed in the base's file order, or the summary's first 20 change from run to run.
import { expect, it } from 'vitest';
import { FileParser, parseInProcess, type SourceFile } from '../../src/engine/hcl/parse.js';
import { readableBase } from '../../src/engine/unread-base.js';

const group = (i: number) => `resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n}\n`;
const files = (text: (i: number) => string): SourceFile[] => Array.from({ length: 5 }, (_, i) => ({ path: `g${i}.tf`, content: text(i) }));

it('lists stand-ins in the base order when the first files finish parsing last', async () => {
  // the earlier the file, the later its parse finishes
  const slowFirst = new FileParser(async (path, content) => {
    await new Promise((r) => setTimeout(r, 60 - 10 * Number(/\d/.exec(path)?.[0])));
    return parseInProcess(path, content);
  });
  const broken = files((i) => group(i).replace('\n}', '\n  {\n}'));
  const { standIns } = await readableBase(broken, files(group), slowFirst);
  expect([...standIns.keys()]).toEqual(['g0.tf', 'g1.tf', 'g2.tf', 'g3.tf', 'g4.tf']);
});
