variable "alb_security_group" {
  type        = string
  description = "Security group of the load balancer, when there is one"
  default     = ""
}

resource "aws_security_group" "service" {
  name        = "service"
  description = "service tasks"
}

resource "aws_security_group" "metrics" {
  name        = "metrics"
  description = "metrics exporters"
}
