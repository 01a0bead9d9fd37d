// unresolved-value: `element(L, i)` is a member of the unknown list L, so rules written one per
// member allow what the base allowed at once; L's text may hold commas of its own.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';

const variables = ['a', 'b', 'c'].map((v) => `variable "${v}" {\n  type = list(string)\n}\n`).join('');
const base = `${variables}
resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
  ingress {
    description     = "Postgres from the apps"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = concat(var.a, var.b)
  }
}
`;
const head = (list: string) => `${variables}
resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
  ingress     = []
}

resource "aws_security_group_rule" "postgres_from_apps" {
  count                    = length(${list})
  type                     = "ingress"
  description              = "Postgres from the apps"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = element(${list}, count.index)
  security_group_id        = aws_security_group.db.id
}
`;
const unresolved = async (list: string) => {
  const result = await reviewFiles([{ path: 'main.tf', content: base }], [{ path: 'main.tf', content: head(list) }], DEFAULT_CONFIG);
  return result.findings.filter((f) => f.rule === 'unresolved-value').length;
};

describe('unresolved-value: one rule per member of an unknown list', () => {
  it('element(concat(a, b), i) is a member of concat(a, b), which the base allowed', async () => {
    expect(await unresolved('concat(var.a, var.b)')).toBe(0);
  });

  it('the order of the joined lists does not matter: a member of b or a was allowed', async () => {
    expect(await unresolved('concat(var.b, var.a)')).toBe(0);
  });

  it('a member of another list is still reported', async () => {
    expect(await unresolved('concat(var.a, var.c)')).toBe(1);
    expect(await unresolved('var.c')).toBe(1);
  });
});
