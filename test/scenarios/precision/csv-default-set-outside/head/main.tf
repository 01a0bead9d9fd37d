variable "probe_cidrs" {
  description = "comma-separated CIDRs of the uptime probes, set by the pipeline"
  default     = ""
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  vpc_id      = "vpc-0123456789abcdef0"
}

# Terraform 0.11 idiom for a list passed in: split of the default "" is [""]
resource "aws_security_group_rule" "probes" {
  description       = "uptime probes"
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["${split(",", var.probe_cidrs)}"]
  security_group_id = "${aws_security_group.web.id}"
}

# a literal empty CIDR is still refused by AWS
resource "aws_security_group_rule" "typo" {
  description       = "typo"
  type              = "ingress"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = [""]
  security_group_id = "${aws_security_group.web.id}"
}
