resource "azurerm_app_service_plan" "example" {
  name                = "terragoat-app-service-plan-${var.environment}"
  location            = azurerm_resource_group.example.location
  resource_group_name = azurerm_resource_group.example.name

  sku {
    tier = "Standard"
    size = "S1"
  }
}

# Leaks: plain HTTP served and TLS 1.1 accepted (azure-appservice-https-only,
# azure-appservice-min-tls); FTP left at Azure's AllAllowed default (azure-appservice-ftps).
resource "azurerm_app_service" "app-service1" {
  app_service_plan_id = azurerm_app_service_plan.example.id
  location            = azurerm_resource_group.example.location
  name                = "terragoat-app-service-${var.environment}"
  resource_group_name = azurerm_resource_group.example.name
  https_only          = false

  site_config {
    min_tls_version = "1.1"
  }
}
