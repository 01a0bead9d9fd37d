# Every unit gets the environment variable its modules read: the file declaring it is generated.
inputs = {
  env = "dev"
}

generate "common_variables" {
  path      = "common_variables.tf"
  if_exists = "overwrite"
  contents  = <<EOF2
variable "env" {
  type = string
}
EOF2
}
