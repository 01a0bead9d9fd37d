# The base does not parse (a 0.11 single-line block with two arguments), so the head's blocks
# whose text is the base's stand in for it. A heredoc's indentation is its value: moving
# `public` out from under `ssh` changes what yamldecode reads, so that block is not the base's.
variable "region" { type = "string" default = "eu-west-1" }

locals {
  access = yamldecode(<<EOT
ssh:
  admin:
    - 10.0.0.0/8
  public:
    - 0.0.0.0/0
EOT
  )
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = try(local.access.public, local.access.ssh.admin)
  }
}
