variable "items" {
  description = "One module instance per item; values are passed through to the module."
  type        = any
  default     = {}
}

variable "defaults" {
  description = "Default values for every item."
  type        = any
  default     = {}
}
