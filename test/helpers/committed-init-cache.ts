// A root whose GitHub module call `terraform init` installed: two copies of the module committed
// under `.terraform/modules/`, one admitting nothing and one opening SSH to the world, and the
// manifest (modules.json) pointing the call at one of them (the CLI's and the App's tests of a
// committed init cache).
const CLOSED = 'variable "name" {}\nresource "aws_security_group" "this" {\n  name = var.name\n}\n';
const OPEN =
  CLOSED +
  'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = aws_security_group.this.id\n' +
  '  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "ssh"\n}\n';
const CALL = 'module "web_sg" {\n  source = "github.com/acme/sg-module?ref=v1"\n  name   = "web"\n}\n';

/** The tree of the root at `dir` ('' the top) with its manifest loading web_sg from `.terraform/modules/<cached>`. */
export function committedInitCache(dir: string, cached: 'web_sg' | 'web_sg_open'): Record<string, string> {
  const at = (p: string) => (dir ? `${dir}/${p}` : p);
  const record = { Key: 'web_sg', Source: 'git::https://github.com/acme/sg-module.git?ref=v1', Dir: `.terraform/modules/${cached}` };
  return {
    [at('main.tf')]: CALL,
    [at('.terraform/modules/web_sg/main.tf')]: CLOSED,
    [at('.terraform/modules/web_sg_open/main.tf')]: OPEN,
    [at('.terraform/modules/modules.json')]: JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, record] }),
  };
}
