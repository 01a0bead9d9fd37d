// The top directory's `.:` address label is dropped from the words a reviewer reads, never
// from a finding's identity; other directories keep theirs.
import { describe, expect, it } from 'vitest';
import { plainTopDirectory } from '../../src/engine/findings/describe.js';

describe('plainTopDirectory', () => {
  it('drops the top directory label wherever an address starts', () => {
    expect(plainTopDirectory('SSH (22/tcp) opened to the internet on .:aws_security_group.this')).toBe(
      'SSH (22/tcp) opened to the internet on aws_security_group.this',
    );
    expect(plainTopDirectory('into `.:aws_security_group.this[0]` from `.:module.db.aws_security_group.x`')).toBe(
      'into `aws_security_group.this[0]` from `module.db.aws_security_group.x`',
    );
    expect(plainTopDirectory('.:data.aws_security_group.shared')).toBe('data.aws_security_group.shared');
  });

  it('keeps other directories, CIDRs and punctuation', () => {
    const text = 'on examples/basic:module.app.aws_security_group.this from ::/0 and 10.0.0.0/8. Done.: yes';
    expect(plainTopDirectory(text)).toBe(text);
  });
});
