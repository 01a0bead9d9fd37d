resource "aws_security_group" "ops" {
  name   = "ops"
  vpc_id = "vpc-0a1"
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = "prod"
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-a"]
  # a key and no source groups: EKS opens 22 to 0.0.0.0/0 on the nodes
  remote_access {
    ec2_ssh_key = "ops"
  }
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

resource "aws_eks_node_group" "batch" {
  cluster_name    = "prod"
  node_group_name = "batch"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-a"]
  # with source groups: 22 from those groups only
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = [aws_security_group.ops.id]
  }
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
