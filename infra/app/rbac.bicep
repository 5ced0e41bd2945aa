@description('Principal id of the function app\'s system-assigned managed identity.')
param appPrincipalId string

@description('Name of the storage account.')
param storageAccountName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Whether the app sends telemetry with its identity (Application Insights local auth disabled).')
param telemetryWithIdentity bool

@description('Name of the Key Vault holding the SMTP credentials.')
param keyVaultName string

@description('Object id of an operator (person or group) given data access; empty for none.')
param operatorPrincipalId string

@description('Kind of principal the operator is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

@description('Blob containers the operator may read and write (uploads, the office\'s files): not staging, locks or the host\'s.')
param operatorContainers array

@description('Tables the operator may read: not apikeys (key hashes) or the digest recipients.')
param operatorTables array

var hasOperator = !empty(operatorPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// Storage Blob Data Owner: the host's keys, locks and blob receipts, the Flex Consumption deployment container,
// and the app's containers (uploads, staging, reports).
resource appBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor: the validation queue and its poison queue, the blob trigger's own queues.
resource appQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor: uploads, agreements, participants and the other tables.
resource appTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher: telemetry sent with the app's identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (telemetryWithIdentity) {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets Officer: the app settings' Key Vault references (SMTP credentials, the master key) and the
// host's own keys, which it writes to the vault (AzureWebJobsSecretStorageType keyvault).
resource appSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor for the operator, per container: upload sheets and read the office's files with
// --auth-mode login, and nothing else in the account.
resource operatorContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for container in operatorContainers: {
    name: '${storage.name}/default/${container}'
  }
]

resource operatorBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in operatorContainers: if (hasOperator) {
    name: guid(storage.id, operatorPrincipalId, roles.storageBlobDataContributor, container)
    scope: operatorContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
      principalId: operatorPrincipalId
      principalType: operatorPrincipalType
    }
  }
]

// Storage Table Data Reader for the operator, per table: read upload records and stored rows; never the key hashes.
resource operatorTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' existing = [
  for table in operatorTables: {
    name: '${storage.name}/default/${table}'
  }
]

resource operatorTableDataReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (table, i) in operatorTables: if (hasOperator) {
    name: guid(storage.id, operatorPrincipalId, roles.storageTableDataReader, table)
    scope: operatorTable[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
      principalId: operatorPrincipalId
      principalType: operatorPrincipalType
    }
  }
]

// Key Vault Secrets Officer for the operator: set the SMTP credentials (az keyvault secret set).
resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
