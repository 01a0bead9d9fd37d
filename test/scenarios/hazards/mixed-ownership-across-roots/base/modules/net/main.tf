# The endpoints' group manages its ingress inline.
resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = "vpc-1"
  ingress {
    description = "HTTPS from the VPC"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/16"]
  }
}

output "endpoints_group_id" {
  value = aws_security_group.endpoints.id
}
