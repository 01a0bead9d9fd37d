# Whether cluster members talk to each other is decided by the caller (no default).
variable "members_talk" {
  type = bool
}

resource "aws_security_group" "cluster" {
  name        = "cluster"
  description = "Cluster members"
}

# An unknown `self` is at most the group itself: never an address range.
resource "aws_security_group_rule" "gossip" {
  type              = "ingress"
  description       = "Gossip between members"
  from_port         = 7946
  to_port           = 7946
  protocol          = "tcp"
  self              = var.members_talk
  security_group_id = aws_security_group.cluster.id
}
