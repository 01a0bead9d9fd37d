# A module reviewed on its own: its callers pass vpc_id; "" is only a placeholder default.
variable "vpc_id" {
  type        = string
  default     = ""
  description = "The VPC of the group (set by the caller)"
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "cache" {
  name        = "cache"
  description = "Cache"
  vpc_id      = ""
}

resource "aws_db_instance" "db" {
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id, aws_security_group.cache.id]
}
