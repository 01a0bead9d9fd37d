// A root calling two local modules, one's output passed to the other: `m2` declares the load
// balancer's group and outputs its ID, `m1` admits that group on `port` into its app group.
// A change to `m1` alone is reviewed through `root`, which must read `m2` too.
const lb = 'resource "aws_security_group" "lb" {\n  name   = "lb"\n  vpc_id = "vpc-1"\n}\noutput "sg_id" {\n  value = aws_security_group.lb.id\n}\n';
const app = (port: number) =>
  `variable "lb_sg" {\n  type = string\n}\nresource "aws_security_group" "app" {\n  name   = "app"\n  vpc_id = "vpc-1"\n  ingress {\n    description     = "from the LB"\n    from_port       = ${port}\n    to_port         = ${port}\n    protocol        = "tcp"\n    security_groups = [var.lb_sg]\n  }\n}\n`;
const root = 'module "b" {\n  source = "../m2"\n}\nmodule "a" {\n  source = "../m1"\n  lb_sg  = module.b.sg_id\n}\n';

export const siblingModules = (port: number): Record<string, string> => ({ 'm1/main.tf': app(port), 'm2/main.tf': lb, 'root/main.tf': root });
