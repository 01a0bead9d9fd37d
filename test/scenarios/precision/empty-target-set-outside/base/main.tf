# A module that adds its rules to a group the caller passes in; none is given here.
variable "target_ids" {
  type    = list(string)
  default = []
}
