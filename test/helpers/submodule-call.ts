// A root calling a module kept in the git submodule `vendor/sg`, which admits SSH from `cidr`
// into the root's group (the CLI's and the App's submodule tests).
export const SUBMODULE_MODULE = (cidr: string) =>
  'variable "sg_id" {}\n' +
  'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = var.sg_id\n' +
  `  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["${cidr}"]\n  description       = "ssh"\n}\n`;
export const SUBMODULE_CALLER =
  'resource "aws_security_group" "web" {\n  name   = "web"\n  vpc_id = "vpc-1"\n}\n' +
  'module "sg" {\n  source = "./vendor/sg"\n  sg_id  = aws_security_group.web.id\n}\n';
