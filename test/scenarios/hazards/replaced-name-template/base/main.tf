# Names written as templates over a value set at plan time (var.env, var.team, var.owner).
variable "env" {
  type = string
}

variable "team" {
  type = string
}

variable "owner" {
  type = string
}

# The same unknown with a suffix added: another name whatever env is.
resource "aws_security_group" "office" {
  name        = "${var.env}-office-access"
  description = "Office access"
  vpc_id      = "vpc-0123456789abcdef0"
}

# One unknown swapped for another with the same text around it: the names may be equal.
resource "aws_security_group" "build" {
  name        = "${var.team}-build"
  description = "Build agents"
  vpc_id      = "vpc-0123456789abcdef0"
}

# A known prefix replaced: another name whatever the unknowns are.
resource "aws_security_group" "cache" {
  name        = "cache-${var.env}"
  description = "Cache"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_instance" "bastion" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.office.id, aws_security_group.build.id, aws_security_group.cache.id]
}
