data "terraform_remote_state" "vpc" {
  backend = "s3"
  config = {
    bucket = "state"
    key    = "vpc.tfstate"
  }
}

data "fastly_ip_ranges" "fastly" {}

resource "aws_security_group" "cache" {
  name        = "cache"
  vpc_id      = "${data.terraform_remote_state.vpc.outputs["vpc_id"]}"
  description = "Edge cache"

  ingress {
    description = "HTTPS from Fastly"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["${data.fastly_ip_ranges.fastly.cidr_blocks}"]
  }
}
