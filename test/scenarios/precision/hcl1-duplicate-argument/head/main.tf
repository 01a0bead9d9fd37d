# Terraform 0.11 accepted an argument written twice; HCL2 does not. The head removes the copy.
resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"

  ingress {
    description = "app"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_rds_cluster" "c" {
  cluster_identifier     = "c"
  vpc_security_group_ids = ["${aws_security_group.db.id}"]
}
