inputs = {
  region  = "eu-west-1"
  allowed = ["0.0.0.0/0"]
}
