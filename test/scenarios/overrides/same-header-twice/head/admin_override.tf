# Both blocks merge into main.tf's, in order: the second one's cidr_blocks is what Terraform applies.
resource "aws_security_group_rule" "ssh" {
  cidr_blocks = ["10.20.1.0/24"]
}

resource "aws_security_group_rule" "ssh" {
  cidr_blocks = ["0.0.0.0/0"]
}
