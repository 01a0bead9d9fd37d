resource "aws_security_group" "app" {
  name = "app"
}
module "access" {
  source   = "./modules/access"
  group_id = aws_security_group.app.id
}
