@description('Name of the function app.')
param functionAppName string

@description('Every app setting, whole: this replaces the app\'s settings.')
param appSettings object

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// Applied after the role assignments, so Key Vault references and identity connections resolve on first start.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
}
