# A local module source written Windows-style: Terraform reads .\modules\web-access as
# ./modules/web-access, so this call is the module's caller.
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c"
}

module "public_web" {
  source   = ".\\modules\\web-access"
  group_id = aws_security_group.web.id
  cidr     = "0.0.0.0/0"
}
