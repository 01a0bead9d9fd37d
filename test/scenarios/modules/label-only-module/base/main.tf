variable "name" {
  type    = string
  default = "app"
}
