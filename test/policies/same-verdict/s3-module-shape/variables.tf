variable "create_bucket" {
  type    = bool
  default = true
}

variable "create_log_bucket" {
  type    = bool
  default = false
}

variable "bucket" {
  type    = string
  default = "shop-customer-data"
}

variable "force_destroy" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "attach_public_policy" {
  type    = bool
  default = true
}

variable "block_public_acls" {
  type    = bool
  default = false
}

variable "block_public_policy" {
  type    = bool
  default = false
}

variable "ignore_public_acls" {
  type    = bool
  default = false
}

variable "restrict_public_buckets" {
  type    = bool
  default = false
}

variable "control_object_ownership" {
  type    = bool
  default = false
}

variable "object_ownership" {
  type    = string
  default = "BucketOwnerEnforced"
}

variable "server_side_encryption_configuration" {
  type    = any
  default = {}
}

variable "attach_require_latest_tls_policy" {
  type    = bool
  default = false
}

variable "attach_policy" {
  type    = bool
  default = false
}

variable "policy" {
  type    = string
  default = null
}
