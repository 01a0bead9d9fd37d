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
