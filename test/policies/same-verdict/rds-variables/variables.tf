variable "prefix" {
  type    = string
  default = "shop"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "public" {
  type    = bool
  default = false
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "kms_key_id" {
  type    = string
  default = null
}

variable "engines" {
  type    = map(string)
  default = { prod = "postgres", dev = "mysql" }
}

variable "tags" {
  type = map(string)
  default = {
    owner               = "data-team"
    environment         = "prod"
    data-classification = "pii"
  }
}
