# A second stack: the tree has several roots, so addresses carry their directory.
resource "aws_security_group" "edge" {
  name        = "edge"
  description = "Edge"
}
