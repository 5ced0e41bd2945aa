@description('Name of the Event Grid system topic on the storage account.')
param systemTopicName string

@description('Name of the function app.')
param functionAppName string

@description('Host name of the function app (name.azurewebsites.net, or the unique default host name).')
param functionAppHostName string

@description('Blob-triggered function the events go to (its blobTrigger has "source": "EventGrid").')
param functionName string

@description('Container whose new blobs are delivered.')
param containerName string

@description('Storage account holding the dead-letter container.')
param storageAccountName string

@description('Container events go to when every delivery attempt failed.')
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// The host creates the blobs_extension system key when it first starts with an Event Grid blob trigger:
// deploy the app package before this module (README, Deploy). Microsoft.Web/sites/host has no Bicep types, so
// the keys are listed by resource id.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: systemTopic
  name: '${toLower(functionName)}-${containerName}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The blob extension's webhook; an isolated worker's function is Host.Functions.{name} there.
        endpointUrl: 'https://${functionAppHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // An upload whose event could not be delivered in a day is not lost silently: the event is kept, and the
    // DeadLetteredCount alert (app/alerts.bicep) tells the operator to reprocess it.
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = subscription.name
