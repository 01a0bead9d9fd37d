# Shared by every unit: the state backend (not read here) and common inputs.
inputs = {
  ingress_rules = ["ssh-tcp"]
}
