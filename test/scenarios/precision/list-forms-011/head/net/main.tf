variable "subnet_ids" {
  type = list(string)
}

data "aws_subnet" "s" {
  count = length(var.subnet_ids)
  id    = var.subnet_ids[count.index]
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"

  ingress {
    description = "PostgreSQL from the subnets"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = data.aws_subnet.s.*.cidr_block
  }
}
