// Rule corrections found on real code (peer scanners' test suites, TerraGoat), each through the
// full pipeline from plain HCL: the case that was wrong and its compliant twin. The Rego tests
// beside each rule generate the class; these prove the HCL reaches the rule in that shape.
// Needs `npm run build:policies` first.
import { resolve } from 'node:path';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';

const AWS = 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n';
const AZ = 'provider "azurerm" {\n  features {}\n}\n';
const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

interface Case {
  name: string;
  rule: string;
  tf: string;
  /** The address the rule must report, or null when the rule must stay silent. */
  expect: string | null;
}

const CASES: Case[] = [
  {
    name: 'GuardDuty enable = false with no provider block (region unknown) is not GuardDuty on',
    rule: 'aws-guardduty-every-region',
    tf: `${AWS}resource "aws_guardduty_detector" "main" {\n  enable = false\n}\n`,
    // Reported on the scope itself, as every region finding is.
    expect: 'region:aws:(region unknown)',
  },
  {
    name: 'GuardDuty enable = true with no provider block covers the region-unknown scope',
    rule: 'aws-guardduty-every-region',
    tf: `${AWS}resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n`,
    expect: null,
  },
  {
    name: 'a Config recorder whose status is is_enabled = false is not recording',
    rule: 'aws-config-recorder-every-region',
    tf: `${AWS}resource "aws_config_configuration_recorder" "main" {\n  name     = "default"\n  role_arn = "arn:aws:iam::111122223333:role/config"\n}\n\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = false\n}\n`,
    expect: 'aws_config_configuration_recorder.main',
  },
  {
    name: 'a Config recorder of selected resource types is not recording all',
    rule: 'aws-config-recorder-every-region',
    tf: `${AWS}resource "aws_config_configuration_recorder" "main" {\n  name     = "default"\n  role_arn = "arn:aws:iam::111122223333:role/config"\n  recording_group {\n    all_supported  = false\n    resource_types = ["AWS::S3::Bucket"]\n  }\n}\n\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = true\n}\n`,
    expect: 'aws_config_configuration_recorder.main',
  },
  {
    name: 'a web-port group shared by a load balancer and a public instance is judged by both',
    rule: 'aws-sg-internet-ingress',
    tf: `${AWS}resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    protocol    = "tcp"\n    from_port   = 80\n    to_port     = 80\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_lb" "web" {\n  security_groups = [aws_security_group.web.id]\n}\n\nresource "aws_instance" "app" {\n  ami                         = "ami-0c55b159cbfafe1f0"\n  instance_type               = "t3.micro"\n  associate_public_ip_address = true\n  vpc_security_group_ids      = [aws_security_group.web.id]\n}\n`,
    expect: 'aws_security_group.web',
  },
  {
    name: 'a web-port group shared by a load balancer and ECS tasks with public IPs is judged by both (found by an audit)',
    rule: 'aws-sg-internet-ingress',
    tf: `${AWS}resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    protocol    = "tcp"\n    from_port   = 443\n    to_port     = 443\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_lb" "web" {\n  security_groups = [aws_security_group.web.id]\n}\n\nresource "aws_ecs_service" "app" {\n  name            = "app"\n  task_definition = "app:1"\n  launch_type     = "FARGATE"\n  network_configuration {\n    subnets          = ["subnet-0a1b2c3d4e5f60718"]\n    security_groups  = [aws_security_group.web.id]\n    assign_public_ip = true\n  }\n}\n`,
    expect: 'aws_security_group.web',
  },
  {
    name: 'the same group shared with ECS tasks without public IPs takes web traffic for the load balancer only',
    rule: 'aws-sg-internet-ingress',
    tf: `${AWS}resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    protocol    = "tcp"\n    from_port   = 443\n    to_port     = 443\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\nresource "aws_lb" "web" {\n  security_groups = [aws_security_group.web.id]\n}\n\nresource "aws_ecs_service" "app" {\n  name            = "app"\n  task_definition = "app:1"\n  launch_type     = "FARGATE"\n  network_configuration {\n    subnets          = ["subnet-0a1b2c3d4e5f60718"]\n    security_groups  = [aws_security_group.web.id]\n    assign_public_ip = false\n  }\n}\n`,
    expect: null,
  },
  {
    name: 'aws_default_security_group with open ingress is evaluated',
    rule: 'aws-sg-internet-ingress',
    tf: `${AWS}resource "aws_default_security_group" "default" {\n  vpc_id = "vpc-0abc"\n  ingress {\n    protocol    = "-1"\n    from_port   = 0\n    to_port     = 0\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
    expect: 'aws_default_security_group.default',
  },
  {
    name: 'an access-log target bucket with SSE-S3 is not asked for SSE-KMS',
    rule: 'aws-s3-sse-kms-cmk',
    tf: `${AWS}resource "aws_s3_bucket" "logs" {\n  bucket = "shop-access-logs"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n\nresource "aws_s3_bucket_logging" "orders" {\n  bucket        = "shop-orders"\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "orders/"\n}\n`,
    expect: null,
  },
  {
    name: 'an access-log target bucket with SSE-KMS cannot receive logs',
    rule: 'aws-s3-sse-kms-cmk',
    tf: `${AWS}resource "aws_s3_bucket" "logs" {\n  bucket = "shop-access-logs"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n    }\n    bucket_key_enabled = true\n  }\n}\n\nresource "aws_s3_bucket_logging" "orders" {\n  bucket        = "shop-orders"\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "orders/"\n}\n`,
    expect: 'aws_s3_bucket.logs',
  },
  {
    name: 'a wildcard aws:PrincipalArn condition does not restrict a public bucket policy',
    rule: 'aws-s3-policy-public-principal',
    tf: `${AWS}resource "aws_s3_bucket_policy" "p" {\n  bucket = "shop-orders"\n  policy = <<-JSON\n    ${policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shop-orders/*', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } } })}\n  JSON\n}\n`,
    expect: 'aws_s3_bucket_policy.p',
  },
  {
    name: 'an empty sts:ExternalId is no external id',
    rule: 'aws-iam-trust-foreign-account',
    tf: `${AWS}resource "aws_iam_role" "vendor" {\n  name               = "vendor"\n  assume_role_policy = <<-JSON\n    ${policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': '' } } })}\n  JSON\n}\n`,
    expect: 'aws_iam_role.vendor',
  },
  {
    name: 'iam:UpdateLoginProfile on * escalates privileges',
    rule: 'aws-iam-passrole-wildcard',
    tf: `${AWS}resource "aws_iam_policy" "helpdesk" {\n  name   = "helpdesk"\n  policy = <<-JSON\n    ${policy({ Effect: 'Allow', Action: 'iam:UpdateLoginProfile', Resource: '*' })}\n  JSON\n}\n`,
    expect: 'aws_iam_policy.helpdesk',
  },
  {
    name: 'IAM Identity Center inline policies are evaluated',
    rule: 'aws-iam-passrole-wildcard',
    tf: `${AWS}resource "aws_ssoadmin_permission_set_inline_policy" "ops" {\n  instance_arn       = "arn:aws:sso:::instance/ssoins-1"\n  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1/ps-1"\n  inline_policy      = <<-JSON\n    ${policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })}\n  JSON\n}\n`,
    expect: 'aws_ssoadmin_permission_set_inline_policy.ops',
  },
  {
    name: 'an API Gateway stage behind a classic regional WAF is protected',
    rule: 'aws-apigw-stage-waf',
    tf: `${AWS}resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "a1b2c3"\n  deployment_id = "d1"\n  stage_name    = "prod"\n}\n\nresource "aws_wafregional_web_acl_association" "prod" {\n  resource_arn = aws_api_gateway_stage.prod.arn\n  web_acl_id   = "0c8e583e-18f3-4c13-9e2a-67c4805d2f94"\n}\n`,
    expect: null,
  },
  {
    name: 'an NSG source x.x.x.x/0 is the internet and a numeric port is a port',
    rule: 'azure-nsg-internet-ingress',
    tf: `${AZ}resource "azurerm_network_security_rule" "ssh" {\n  name                        = "ssh"\n  priority                    = 100\n  direction                   = "Inbound"\n  access                      = "Allow"\n  protocol                    = "Tcp"\n  source_port_range           = "*"\n  destination_port_range      = 22\n  source_address_prefix       = "10.0.0.0/0"\n  destination_address_prefix  = "*"\n  resource_group_name         = "rg-shop"\n  network_security_group_name = "nsg-app"\n}\n`,
    expect: 'azurerm_network_security_rule.ssh',
  },
  {
    name: 'backup vault soft_delete "off" in any case is off',
    rule: 'azure-backup-vault-soft-delete',
    tf: `${AZ}resource "azurerm_data_protection_backup_vault" "v" {\n  name                = "bv-shop"\n  resource_group_name = "rg-shop"\n  location            = "westeurope"\n  datastore_type      = "VaultStore"\n  redundancy          = "GeoRedundant"\n  soft_delete         = "off"\n}\n`,
    expect: 'azurerm_data_protection_backup_vault.v',
  },
  {
    name: 'a custom role with roleDefinitions/write can grant itself anything',
    rule: 'azure-rbac-custom-role-wildcard',
    tf: `${AZ}resource "azurerm_role_definition" "ops" {\n  name  = "ops"\n  scope = "/subscriptions/3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b"\n  permissions {\n    actions = ["Microsoft.Authorization/roleDefinitions/write"]\n  }\n}\n`,
    expect: 'azurerm_role_definition.ops',
  },
  {
    name: 'a classic Front Door WAF in Detection mode is read',
    rule: 'azure-frontdoor-waf-prevention',
    tf: `${AZ}resource "azurerm_frontdoor_firewall_policy" "waf" {\n  name                = "wafshop"\n  resource_group_name = "rg-shop"\n  mode                = "Detection"\n}\n\nresource "azurerm_frontdoor" "shop" {\n  name                = "fd-shop"\n  resource_group_name = "rg-shop"\n  frontend_endpoint {\n    name                                    = "shop"\n    host_name                               = "fd-shop.azurefd.net"\n    web_application_firewall_policy_link_id = azurerm_frontdoor_firewall_policy.waf.id\n  }\n}\n`,
    expect: 'azurerm_frontdoor.shop',
  },
  {
    // terraform-aws-modules/eks in the shape an audit found: defaults that open the API endpoint
    // to 0.0.0.0/0 and leave Secrets without a key had passed as "not covered: aws_eks_cluster".
    name: 'an EKS cluster whose variables default to a public endpoint open to 0.0.0.0/0 is reported',
    rule: 'aws-eks-public-endpoint',
    tf: `${AWS}variable "endpoint_public_access" {\n  type    = bool\n  default = true\n}\n\nvariable "public_access_cidrs" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n\nvariable "encryption_config" {\n  type    = any\n  default = {}\n}\n\nresource "aws_eks_cluster" "this" {\n  name     = "shop"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids             = ["subnet-1", "subnet-2"]\n    endpoint_public_access = var.endpoint_public_access\n    public_access_cidrs    = var.public_access_cidrs\n  }\n\n  dynamic "encryption_config" {\n    for_each = length(var.encryption_config) > 0 ? [var.encryption_config] : []\n    content {\n      resources = encryption_config.value.resources\n      provider {\n        key_arn = encryption_config.value.key_arn\n      }\n    }\n  }\n}\n`,
    expect: 'aws_eks_cluster.this',
  },
  {
    name: 'an EKS cluster whose public endpoint admits only a narrow range passes',
    rule: 'aws-eks-public-endpoint',
    tf: `${AWS}variable "endpoint_public_access" {\n  type    = bool\n  default = true\n}\n\nvariable "public_access_cidrs" {\n  type    = list(string)\n  default = ["203.0.113.0/24"]\n}\n\nvariable "encryption_config" {\n  type    = any\n  default = {}\n}\n\nresource "aws_eks_cluster" "this" {\n  name     = "shop"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids             = ["subnet-1", "subnet-2"]\n    endpoint_public_access = var.endpoint_public_access\n    public_access_cidrs    = var.public_access_cidrs\n  }\n\n  dynamic "encryption_config" {\n    for_each = length(var.encryption_config) > 0 ? [var.encryption_config] : []\n    content {\n      resources = encryption_config.value.resources\n      provider {\n        key_arn = encryption_config.value.key_arn\n      }\n    }\n  }\n}\n`,
    expect: null,
  },
  {
    name: 'an EKS cluster whose dynamic encryption_config is left empty has no Secrets encryption',
    rule: 'aws-eks-secrets-encryption',
    tf: `${AWS}variable "endpoint_public_access" {\n  type    = bool\n  default = true\n}\n\nvariable "public_access_cidrs" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n\nvariable "encryption_config" {\n  type    = any\n  default = {}\n}\n\nresource "aws_eks_cluster" "this" {\n  name     = "shop"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids             = ["subnet-1", "subnet-2"]\n    endpoint_public_access = var.endpoint_public_access\n    public_access_cidrs    = var.public_access_cidrs\n  }\n\n  dynamic "encryption_config" {\n    for_each = length(var.encryption_config) > 0 ? [var.encryption_config] : []\n    content {\n      resources = encryption_config.value.resources\n      provider {\n        key_arn = encryption_config.value.key_arn\n      }\n    }\n  }\n}\n`,
    expect: 'aws_eks_cluster.this',
  },
  {
    name: 'an EKS cluster whose dynamic encryption_config names secrets and a key passes',
    rule: 'aws-eks-secrets-encryption',
    tf: `${AWS}variable "endpoint_public_access" {\n  type    = bool\n  default = true\n}\n\nvariable "public_access_cidrs" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n\nvariable "encryption_config" {\n  type    = any\n  default = { resources = ["secrets"], key_arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }\n}\n\nresource "aws_eks_cluster" "this" {\n  name     = "shop"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids             = ["subnet-1", "subnet-2"]\n    endpoint_public_access = var.endpoint_public_access\n    public_access_cidrs    = var.public_access_cidrs\n  }\n\n  dynamic "encryption_config" {\n    for_each = length(var.encryption_config) > 0 ? [var.encryption_config] : []\n    content {\n      resources = encryption_config.value.resources\n      provider {\n        key_arn = encryption_config.value.key_arn\n      }\n    }\n  }\n}\n`,
    expect: null,
  },
];

describe('rule corrections through the pipeline (plain HCL)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const root = writeTree({ 'case/main.tf': c.tf });
    const { decision } = await check([resolve(root, 'case')], { today: '2026-11-28' });
    const reported = decision.findings.filter((f) => f.rule_id === c.rule).map((f) => f.resource.address);
    if (c.expect === null) expect(reported).toEqual([]);
    else expect(reported).toContain(c.expect);
  });
});
