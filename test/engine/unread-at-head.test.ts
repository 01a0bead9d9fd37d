// A file that parses at the base and not at the head: the JSON and the summary name the same
// files, those with rules at the base (nothing else could have been listed as closed).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { toDocument } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const rules = `resource "aws_security_group" "g" {
  name = "g"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`;
const variables = 'variable "env" {\n  default = "prod"\n}\n';

describe('files unread at the head', () => {
  it('lists in the JSON only the files the summary names: those with rules at the base', async () => {
    const base = [
      { path: 'sg.tf', content: rules },
      { path: 'variables.tf', content: variables },
    ];
    const head = [
      { path: 'sg.tf', content: rules.replace('name = "g"\n', 'name = "g"\n  {\n') },
      { path: 'variables.tf', content: variables.replace('}', '') },
    ];
    const result = await reviewFiles(base, head, DEFAULT_CONFIG);
    expect(result.findings.filter((f) => f.rule === 'parse-error').map((f) => f.location.file)).toEqual(['sg.tf', 'variables.tf']);
    expect(toDocument(result).unreadAtHead.map((u) => [u.file, u.baseRules])).toEqual([['sg.tf', 1]]);
    const markdown = renderMarkdown(result);
    expect(markdown).toContain('Nothing is listed as closed in `sg.tf` (1 rule at the base)');
    expect(markdown).not.toMatch(/closed in[^\n]*variables\.tf/);
  });
});
