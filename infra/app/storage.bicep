@description('Name of the storage account (3-24 lower-case letters and digits).')
param name string

@description('Azure region of the account.')
param location string

@description('Tags on the account.')
param tags object

@description('Blob containers: the app\'s own and the Flex Consumption deployment container.')
param containers array

@description('Storage queues the app uses, poison queues included.')
param queues array

@description('Public IP ranges that may reach the account; empty for any (Entra ID sign-in still required).')
param allowedIpRanges array

@description('Tables the app uses (it also creates them on first use).')
param tables array

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // Identity only: the app, the host and operators authenticate with Entra ID, never with account keys.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: empty(allowedIpRanges) ? 'Allow' : 'Deny'
      ipRules: [
        for range in allowedIpRanges: {
          value: range
          action: 'Allow'
        }
      ]
    }
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
  }

  resource blobServices 'blobServices' = {
    name: 'default'
    properties: {
      // Every overwrite of an upload keeps the version before it, and a deleted upload can be restored for a week:
      // the original an office sent is never lost, whatever is written over it.
      isVersioningEnabled: true
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource blobContainers 'containers' = [
      for container in containers: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  // Staged chunks hold workers' rows (NIK, names, birth dates) only until their upload is final: the app deletes
  // them then, and this rule removes whatever an upload that never finished left behind.
  resource managementPolicies 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-staged-chunks'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: [
                  'staging/'
                ]
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: 7
                  }
                }
              }
            }
          }
        ]
      }
    }
  }

  resource queueServices 'queueServices' = {
    name: 'default'

    resource storageQueues 'queues' = [
      for queue in queues: {
        name: queue
      }
    ]
  }

  resource tableServices 'tableServices' = {
    name: 'default'

    resource storageTables 'tables' = [
      for table in tables: {
        name: table
      }
    ]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
