variable "name" {
  type = string
}

variable "block_public" {
  type    = bool
  default = true
}

variable "classification" {
  type    = string
  default = "internal"
}

variable "versioning" {
  type    = bool
  default = true
}
