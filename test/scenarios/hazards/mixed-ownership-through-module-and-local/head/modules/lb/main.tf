resource "aws_security_group" "lb" {
  name        = "lb"
  description = "load balancer"

  egress {
    description = "to the app"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

output "security_group_id" {
  value = aws_security_group.lb.id
}
