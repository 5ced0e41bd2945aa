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
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

@description('Blob containers the app and its host use: the app\'s, the host\'s and the deployment package\'s.')
param appContainers array

@description('Storage queues the app and its host use, poison queues included.')
param appQueues array

@description('Tables the app uses.')
param appTables array

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

// The app's storage roles, each on one container, queue or table and none on the account: Storage Blob Data
// Contributor on its containers, the host's (locks, timer status, blob receipts) and the deployment package's; Storage
// Queue Data Contributor on the validation queues and the blob trigger's; Storage Table Data Contributor on its tables.
resource appContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for container in appContainers: {
    name: '${storage.name}/default/${container}'
  }
]

resource appBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in appContainers: {
    name: guid(storage.id, appPrincipalId, roles.storageBlobDataContributor, container)
    scope: appContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' existing = [
  for queue in appQueues: {
    name: '${storage.name}/default/${queue}'
  }
]

resource appQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queue, i) in appQueues: {
    name: guid(storage.id, appPrincipalId, roles.storageQueueDataContributor, queue)
    scope: appQueue[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' existing = [
  for table in appTables: {
    name: '${storage.name}/default/${table}'
  }
]

resource appTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (table, i) in appTables: {
    name: guid(storage.id, appPrincipalId, roles.storageTableDataContributor, table)
    scope: appTable[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

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
