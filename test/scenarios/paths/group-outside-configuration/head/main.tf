variable "cluster_security_group_id" {
  type    = string
  default = "sg-0aaaaaaaaaaaaaaaa"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  ingress {
    description = "public https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "to anything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0aaaaaaaaaaaaaaaa"]
  }
}

# a database group managed in another repository, now reachable through the web tier
resource "aws_security_group_rule" "db_from_web" {
  type                     = "ingress"
  description              = "postgres from web"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  security_group_id        = "sg-0bbbbbbbbbbbbbbbb"
  source_security_group_id = aws_security_group.web.id
}

# the EKS-created cluster group: the direct rule carries the severity
resource "aws_security_group_rule" "api" {
  type              = "ingress"
  description       = "kubernetes api"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  security_group_id = aws_eks_cluster.main.vpc_config[0].cluster_security_group_id
  cidr_blocks       = ["0.0.0.0/0"]
}

# a cluster new in this pull request: its group is new too
resource "aws_eks_cluster" "next" {
  name     = "next"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0aaaaaaaaaaaaaaaa"]
  }
}

resource "aws_security_group_rule" "next_from_web" {
  type                     = "ingress"
  description              = "kubernetes api from web"
  from_port                = 443
  to_port                  = 443
  protocol                 = "tcp"
  security_group_id        = aws_eks_cluster.next.vpc_config[0].cluster_security_group_id
  source_security_group_id = aws_security_group.web.id
}
