// A resource switched off by default whose dynamic block is also emptied by default: both
// variables are recorded on the one "set by callers" entry of the resource (evaluate/module.ts
// #recordSetByCallers), never a second entry for the same blocks.
import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/model.js';

const wrapper = (count: string) => `variable "enabled" {
  default = false
}
variable "rules" {
  default = []
}
resource "aws_security_group" "x" {
  ${count}
  name = "x"
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}
`;

describe('the set-by-callers record of a resource', () => {
  it("merges the dynamic block's variable into the entry of the resource's count", async () => {
    const model = await modelOf({ 'main.tf': wrapper('count = var.enabled ? 1 : 0') });
    expect(model.setByCallers).toEqual([{ creator: '.', blocks: 'aws_security_group.x', location: null, variables: ['var.enabled', 'var.rules'] }]);
  });

  it('records the dynamic block alone when the count is not set by callers', async () => {
    const model = await modelOf({ 'main.tf': wrapper('') });
    expect(model.setByCallers).toEqual([{ creator: '.', blocks: 'aws_security_group.x', location: null, variables: ['var.rules'] }]);
  });
});
