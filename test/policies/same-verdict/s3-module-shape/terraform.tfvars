block_public_acls        = true
ignore_public_acls       = true
control_object_ownership = true
server_side_encryption_configuration = {
  rule = {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default = {
      sse_algorithm = "aws:kms"
    }
  }
}
