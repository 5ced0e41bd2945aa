@description('Name of the storage account whose reads and writes are logged.')
param storageAccountName string

@description('Name of the function app whose logs are kept.')
param functionAppName string

@description('Name of the Log Analytics workspace the logs go to.')
param logAnalyticsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource tableServices 'tableServices' existing = {
    name: 'default'
  }

  resource blobServices 'blobServices' existing = {
    name: 'default'
  }

  resource queueServices 'queueServices' existing = {
    name: 'default'
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// Who read or wrote workers' rows (table participants and the rest) and uploads, by identity and time: the audit
// trail for personal data. Written out in each setting so the deploy tests can read the categories.
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'tables-to-log-analytics'
  scope: storage::tableServices
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'blobs-to-log-analytics'
  scope: storage::blobServices
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

// Writes to the queues: the poison-queue alert (app/alerts.bicep) looks for PutMessage on a -poison queue.
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queues-to-log-analytics'
  scope: storage::queueServices
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
    ]
  }
}

resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'function-app-to-log-analytics'
  scope: functionApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
  }
}
