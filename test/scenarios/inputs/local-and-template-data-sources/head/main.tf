# hashicorp/local and hashicorp/template data sources: known from their arguments at plan time
data "local_file" "admin_cidrs" {
  filename = "${path.module}/admin-cidrs.txt"
}

data "template_file" "vpn_cidr" {
  template = "$${cidr}"
  vars = {
    cidr = "0.0.0.0/0"
  }
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"

  ingress {
    description = "ssh from admins"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = split("\n", trimspace(data.local_file.admin_cidrs.content))
  }

  ingress {
    description = "rdp from the vpn"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = [data.template_file.vpn_cidr.rendered]
  }
}
