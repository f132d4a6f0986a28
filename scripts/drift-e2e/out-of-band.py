"""Changes made outside Terraform, through the AWS APIs (boto3 ships with moto)."""
import sys

import boto3

endpoint, new_secret = sys.argv[1], sys.argv[2]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")

boto3.client("s3", **kw).delete_public_access_block(Bucket="shop-customer-exports")
kms = boto3.client("kms", **kw)
for key in kms.list_keys()["Keys"]:
    kms.disable_key_rotation(KeyId=key["KeyId"])
boto3.client("logs", **kw).delete_retention_policy(logGroupName="/shop/orders-service")
boto3.client("ssm", **kw).put_parameter(
    Name="/shop/orders/db-password", Value=new_secret, Type="SecureString", Overwrite=True
)
print("out-of-band: public access block deleted, key rotation off, retention removed, secret changed")
