variable "probe_cidrs" {
  description = "comma-separated CIDRs of the uptime probes, set by the pipeline"
  default     = ""
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  vpc_id      = "vpc-0123456789abcdef0"
}
