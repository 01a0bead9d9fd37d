# Beside a group id passed in empty, what the PR writes itself is still reviewed: the
# internet on 8080, and an empty id written as such (the apply fails), also in a block whose
# other argument reads an input passed in empty.
variable "alb_security_group" {
  type    = string
  default = ""
}

variable "admin_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "batch" {
  name        = "batch"
  description = "batch jobs"
}

resource "aws_security_group" "service" {
  name        = "service"
  description = "service tasks"

  ingress {
    description     = "app port from the load balancer and everyone"
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [var.alb_security_group]
    cidr_blocks     = ["0.0.0.0/0"]
  }

  ingress {
    description     = "admin"
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    cidr_blocks     = var.admin_cidrs
    security_groups = [""]
  }
}

resource "aws_security_group_rule" "typo" {
  description              = "typo"
  type                     = "ingress"
  from_port                = 9000
  to_port                  = 9000
  protocol                 = "tcp"
  source_security_group_id = ""
  security_group_id        = aws_security_group.batch.id
}
