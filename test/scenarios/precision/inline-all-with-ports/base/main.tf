variable "health_port" {
  type = number
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "worker" {
  name        = "worker"
  description = "Workers"
  vpc_id      = "vpc-123"
}
