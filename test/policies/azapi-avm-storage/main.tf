# An Azure Verified Module-style storage deployment written with AzAPI (the shape of
# Azure/terraform-azurerm-avm-res-storage-storageaccount's azapi resources, written afresh):
# public blobs, TLS 1.0 and plain HTTP on the account, an anonymous container, and a
# jsonencode'd key vault body open to public networks. test/normalize/azapi.test.ts asserts the
# azurerm rules judge every one of them.
terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

variable "location" {
  type    = string
  default = "westeurope"
}

resource "azapi_resource" "resource_group" {
  type     = "Microsoft.Resources/resourceGroups@2024-03-01"
  name     = "rg-avm-storage"
  location = var.location
}

resource "azapi_resource" "this" {
  type      = "Microsoft.Storage/storageAccounts@2023-05-01"
  name      = "stavmcustomers"
  parent_id = azapi_resource.resource_group.id
  location  = "westeurope"
  tags = {
    "data-classification" = "pii"
    owner                 = "customers"
    environment           = "prod"
  }
  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_GRS"
    }
    properties = {
      accessTier               = "Hot"
      allowBlobPublicAccess    = true
      allowSharedKeyAccess     = true
      minimumTlsVersion        = "TLS1_0"
      supportsHttpsTrafficOnly = false
      publicNetworkAccess      = "Enabled"
      networkAcls = {
        bypass        = "AzureServices"
        defaultAction = "Allow"
      }
    }
  }
}

resource "azapi_resource" "container" {
  type      = "Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01"
  name      = "exports"
  parent_id = "${azapi_resource.this.id}/blobServices/default"
  body = {
    properties = {
      publicAccess = "Blob"
    }
  }
}

resource "azapi_resource" "vault" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-avm-customers"
  parent_id = azapi_resource.resource_group.id
  location  = "westeurope"
  body = jsonencode({
    properties = {
      tenantId              = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
      sku                   = { family = "A", name = "premium" }
      enablePurgeProtection = false
      publicNetworkAccess   = "Enabled"
    }
  })
}
