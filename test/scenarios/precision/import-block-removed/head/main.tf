# An import block applied earlier is removed (routine clean-up): the rule naming the
# imported id still names aws_security_group.lb, nothing opens or closes.
resource "aws_security_group" "lb" {
  name   = "lb"
  vpc_id = "vpc-123"

  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-123"

  ingress {
    description     = "pg from lb"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-0a1b2c3d4e5f60718"]
  }
}
