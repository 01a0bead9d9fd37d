terraform {
  source = "../../../modules/sg"
}

inputs = {
  allowed = ["10.20.0.0/16"]
}
