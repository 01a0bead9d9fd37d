# The upgrade also adds a list nobody reviewed: that part is reported.
variable "office_cidrs" {}
variable "vpn_cidrs" {}
variable "contractor_cidrs" {}
variable "subnet_ids" {
  default = "subnet-1,subnet-2,subnet-3"
}

module "net" {
  source     = "./net"
  subnet_ids = split(",", var.subnet_ids)
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin hosts"

  ingress {
    description = "SSH from the offices and the VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = concat(split(",", var.office_cidrs), split(",", var.vpn_cidrs), var.contractor_cidrs)
  }
}
