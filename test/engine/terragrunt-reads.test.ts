// Which files a Terragrunt unit reads as configuration, found in its text before anything is
// parsed: what the App fetches beside the unit, and which changed files bring the unit back.
import { describe, expect, it } from 'vitest';
import { terragruntReads } from '../../src/engine/hcl/file-reads.js';

const UNIT = 'live/prod/app/terragrunt.hcl';
const readsOf = (content: string, path = UNIT) => terragruntReads([{ path, content }]);

describe('Terragrunt reads', () => {
  it('an _envcommon include: the file beside a directory above the unit', () => {
    const [read] = readsOf('include "envcommon" {\n  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/app.hcl"\n}\n');
    expect(read!.touches.test('_envcommon/app.hcl')).toBe(true);
    expect(read!.touches.test('live/_envcommon/app.hcl')).toBe(true);
    expect(read!.touches.test('live/prod/app/_envcommon/app.hcl')).toBe(false);
    expect(read!.touches.test('other/_envcommon/app.hcl')).toBe(false);
    expect(['_envcommon', 'live/_envcommon', 'live/prod/_envcommon', 'other/_envcommon'].filter((d) => read!.within!.test(d))).toEqual([
      '_envcommon',
      'live/_envcommon',
      'live/prod/_envcommon',
    ]);
  });

  it('find_in_parent_folders() written bare, with or without a name', () => {
    const [named, unnamed] = readsOf('include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\ninclude {\n  path = find_in_parent_folders()\n}\n');
    expect(['root.hcl', 'live/root.hcl', 'live/prod/app/root.hcl'].map((p) => named!.touches.test(p))).toEqual([true, true, false]);
    expect(unnamed!.touches.test('live/terragrunt.hcl')).toBe(true);
  });

  it('read_terragrunt_config() and a local module source', () => {
    const [common, source] = readsOf('locals {\n  c = read_terragrunt_config("../common.hcl")\n}\nterraform {\n  source = "../../../modules//sg"\n}\n');
    expect(common!.touches.test('live/prod/common.hcl')).toBe(true);
    expect(source!.within!.test('modules/sg')).toBe(true);
  });

  it('a path not known statically may be any file, and is not searched for', () => {
    const [read] = readsOf('include "x" {\n  path = local.parent\n}\n');
    expect(read).toMatchObject({ reads: null, within: null });
    expect(read!.touches.test('anything.hcl')).toBe(true);
  });
});
