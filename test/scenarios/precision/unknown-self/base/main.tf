# Whether cluster members talk to each other is decided by the caller (no default).
variable "members_talk" {
  type = bool
}

resource "aws_security_group" "cluster" {
  name        = "cluster"
  description = "Cluster members"
}
