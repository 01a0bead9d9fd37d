# Terraform 0.11 (HCL1) accepted quoted block types: `"variable" "x" {`, `"ingress" {`.
"variable" "office_cidr" {
  default = "203.0.113.0/24"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-1"

  "ingress" {
    description = "ssh from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${var.office_cidr}"]
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/web/1"
  port              = 80

  "default_action" {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/web/1"
  }
}
