# EKS opens the nodes' remote access port to 0.0.0.0/0 when a key is given without source
# groups: SSH on Linux nodes, RDP (3389) on Windows ones. Switching the AMI type to Windows
# opens RDP to the internet.
resource "aws_eks_node_group" "tools" {
  cluster_name    = "platform"
  node_group_name = "tools"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0a"]
  ami_type        = "AL2023_x86_64_STANDARD"
  remote_access {
    ec2_ssh_key = "platform-ops"
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
