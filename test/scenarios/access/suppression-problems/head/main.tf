resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  # sg-review:ignore new-ingress
  ingress {
    description = "d"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# sg-review:ignore rule-quota nothing here exceeds the quota
resource "aws_security_group" "other" {
  name        = "other"
  description = "other"
}

# sg-review:ignore new-ingres typo in the rule id
resource "aws_security_group" "third" {
  name        = "third"
  description = "third"
}
