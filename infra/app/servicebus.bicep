@description('Name of the Service Bus namespace.')
param name string

@description('Azure region of the namespace.')
param location string

@description('Tags on the namespace.')
param tags object

@description('Service Bus tier: Basic has queues, which is all the app needs.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string

@description('Queues to create.')
param queues array

@description('Deliveries of a message before it is dead-lettered: host.json\'s queues.maxDequeueCount, so the handler\'s last-attempt logic holds.')
param maxDeliveryCount int

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    // Identity only (ServiceBusConnection__fullyQualifiedNamespace): no shared access keys.
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }

  resource serviceBusQueues 'queues' = [
    for queue in queues: {
      name: queue
      properties: {
        maxDeliveryCount: maxDeliveryCount
        // The host renews the lock while a chunk is validated (host.json serviceBus.maxAutoLockRenewalDuration).
        lockDuration: 'PT5M'
        deadLetteringOnMessageExpiration: true
        defaultMessageTimeToLive: 'P14D'
      }
    }
  ]
}

output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
