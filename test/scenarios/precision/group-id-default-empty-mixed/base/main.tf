variable "alb_security_group" {
  type    = string
  default = ""
}

variable "admin_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "batch" {
  name        = "batch"
  description = "batch jobs"
}

resource "aws_security_group" "service" {
  name        = "service"
  description = "service tasks"
}
