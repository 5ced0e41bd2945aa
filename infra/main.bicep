// Jamsostek Functions on Azure: a Flex Consumption function app (Linux) running the .NET isolated worker, its storage
// account (uploads, staging, reports, queues, tables), Event Grid delivering uploads to IngestUpload,
// Application Insights, Key Vault for the SMTP credentials and Communication Services email. Deploy with
// `az deployment group create` (README, Deploy).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(40)
@description('Name of the environment (dev, prod, a person\'s sandbox): seeds the resource names and tags every resource.')
param environmentName string

@description('Azure region of the resources; Flex Consumption must be offered there (southeastasia is, for Indonesia).')
param location string = resourceGroup().location

@description('Create the Event Grid subscriptions that deliver new blobs to the Event Grid blob triggers (uploads to IngestUpload). False on the first deployment: a subscription needs the running app\'s blobs_extension key (README, Deploy).')
param subscribeBlobTriggers bool = false

@description('Most instances Flex Consumption scales the app out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB: a 50 MiB workbook and its staging need 2048.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('NCRONTAB schedule of PublishDigest (%DigestSchedule%), in UTC. Hourly, so that 07:00 on Monday in WIB, WITA and WIT are each caught; the send ledger sends each recipient once a week.')
param digestSchedule string = '0 0 * * * *'

@description('Create Azure Communication Services email with an Azure-managed sender domain for the digest.')
param provisionEmail bool = true

@description('Where Communication Services keeps its data.')
param emailDataLocation string = 'Asia Pacific'

@description('SMTP relay user name (Communication Services: <resource name>.<Entra app id>.<tenant id>, or an SMTP username resource); stored in Key Vault. Empty: set the secret smtp-username later.')
@secure()
param smtpUsername string = ''

@description('SMTP relay password (the Entra app\'s client secret); stored in Key Vault. Empty: set the secret smtp-password later.')
@secure()
param smtpPassword string = ''

@description('Object id of the operator (a person or a group) who uploads sheets, reads results and sets secrets; empty for none.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Accept only Entra ID-authenticated telemetry in Application Insights (the app sends it with its identity).')
param disableApplicationInsightsLocalAuth bool = true

@description('Public IP ranges (CIDR) that may reach the storage account and Key Vault, such as the app\'s outbound addresses and the operators\' office; empty: open to any network with Entra ID sign-in (Azure services are always let through). For no public access at all, see README, Deploy: private endpoints.')
param allowedIpRanges array = []

@description('Where alerts go (dead-lettered uploads, poison queue messages); empty: the alerts fire in the portal only.')
param alertEmail string = ''

@description('Tags added to every resource.')
param tags object = {}

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var allTags = union(tags, {
  application: 'jamsostek-functions'
  environment: environmentName
})

var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
// Events Event Grid could not deliver to IngestUpload after every retry land here (an alert says so).
var deadLetterContainerName = 'eventgrid-deadletter'

// What the functions' bindings and code use (the app also creates them on first use). Literal lists: a test reads
// them from the compiled template and checks every container, queue, %setting% and Event Grid blob trigger that the
// app's functions.metadata names against them.
var appContainers = [
  'uploads'
  'staging'
  'reports'
  'locks'
]
var storageQueues = [
  'validation'
  'validation-poison'
]
var appTables = [
  'uploads'
  'uploadchunks'
  'agreements'
  'participants'
  'nikcoverage'
  'participantchanges'
  'coverage'
  'apikeys'
  'digestrecipients'
  'digestledger'
  'employers'
  'compliancesnapshots'
]
// The host's own storage in AzureWebJobsStorage, named from its host id, which is set rather than derived so that
// these names are known here: locks, timer status and blob receipts in azure-webjobs-hosts; the blob trigger's queue
// and its poison queue. (Keys are in Key Vault, so no azure-webjobs-secrets.)
var hostId = take(functionAppName, 32)
var hostContainers = [
  'azure-webjobs-hosts'
]
var hostQueues = [
  'azure-webjobs-blobtrigger-${hostId}'
  'webjobs-blobtrigger-poison'
]
// What an operator may touch with their own sign-in: the uploads and the office's files, and the tables of results.
// Not apikeys (key hashes), not staging (rows as typed), not the host's containers.
var operatorContainers = [
  'uploads'
  'reports'
]
var operatorTables = [
  'uploads'
  'uploadchunks'
  'agreements'
  'participants'
  'coverage'
  'employers'
  'compliancesnapshots'
]
// Blob triggers with "source": "EventGrid" (functions.metadata) and the container each one watches.
var eventGridBlobTriggers = [
  {
    functionName: 'IngestUpload'
    containerName: 'uploads'
  }
]

var smtpSecretNames = {
  username: 'smtp-username'
  password: 'smtp-password'
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: allTags
    disableLocalAuth: disableApplicationInsightsLocalAuth
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: allTags
    containers: concat(appContainers, hostContainers, [deploymentContainerName, deadLetterContainerName])
    queues: concat(storageQueues, hostQueues)
    tables: appTables
    allowedIpRanges: allowedIpRanges
  }
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
    deadLetterContainerName: deadLetterContainerName
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: allTags
    systemTopicName: eventGrid.outputs.name
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    alertEmail: alertEmail
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: allTags
    allowedIpRanges: allowedIpRanges
    secrets: {
      '${smtpSecretNames.username}': smtpUsername
      '${smtpSecretNames.password}': smtpPassword
    }
  }
}

module email 'app/email.bicep' = if (provisionEmail) {
  name: 'email'
  params: {
    communicationServiceName: '${abbrs.communicationServices}${resourceToken}'
    emailServiceName: '${abbrs.communicationEmailServices}${resourceToken}'
    dataLocation: emailDataLocation
    tags: allTags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: allTags
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module diagnostics 'app/diagnostics.bicep' = {
  name: 'diagnostics'
  params: {
    storageAccountName: storage.outputs.name
    functionAppName: api.outputs.name
    logAnalyticsName: monitoring.outputs.logAnalyticsName
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  params: {
    appPrincipalId: api.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    telemetryWithIdentity: disableApplicationInsightsLocalAuth
    keyVaultName: keyVault.outputs.name
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    appContainers: concat(appContainers, hostContainers, [deploymentContainerName])
    appQueues: concat(storageQueues, hostQueues)
    appTables: appTables
    operatorContainers: operatorContainers
    operatorTables: operatorTables
  }
}

// The app settings, whole. No FUNCTIONS_WORKER_RUNTIME or FUNCTIONS_EXTENSION_VERSION: Flex Consumption takes the
// runtime (dotnet-isolated 10.0) from functionAppConfig in app/api.bicep and does not support those settings.
var storageSettings = {
  // Identity-based storage of the host, the bindings and the app's own clients: no account key anywhere (the
  // account refuses shared keys).
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  // The host id the host would derive from the app's name, set so that the host's queue names above are fixed.
  AzureFunctionsWebHost__hostid: hostId
}
var telemetrySettings = union(
  {
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  },
  disableApplicationInsightsLocalAuth ? { APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD' } : {}
)
// SMTP relay of Communication Services; the credentials come from Key Vault through references.
var mailSettings = {
  Smtp__Host: 'smtp.azurecomm.net'
  Smtp__Port: '587'
  Smtp__Security: 'StartTls'
  Smtp__UserName: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${smtpSecretNames.username}/)'
  Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${smtpSecretNames.password}/)'
  Smtp__SenderAddress: provisionEmail ? email!.outputs.senderAddress : ''
}
// The host keeps its keys in the Key Vault (secret host--masterKey--master and the like) instead of blob storage, so
// the app can read the master key through a reference and check operator calls itself (Access/OperatorKeyMiddleware).
var keySettings = {
  AzureWebJobsSecretStorageType: 'keyvault'
  AzureWebJobsSecretStorageKeyVaultUri: keyVault.outputs.uri
  OperatorMasterKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/host--masterKey--master/)'
}
// Settings the functions' bindings read as %Name% (timer schedules and the like).
var functionSettings = {
  DigestSchedule: digestSchedule
  // The root URL is the office portal (function Portal), not the host's landing page.
  AzureWebJobsDisableHomepage: 'true'
}

module appSettings 'app/appsettings.bicep' = {
  name: 'appsettings'
  dependsOn: [
    rbac
  ]
  params: {
    functionAppName: api.outputs.name
    appSettings: union(storageSettings, telemetrySettings, mailSettings, keySettings, functionSettings)
  }
}

// Second step, once the app package runs (README, Deploy): uploads/ -> IngestUpload through Event Grid.
module blobTriggerSubscriptions 'app/eventgrid-subscription.bicep' = [
  for trigger in eventGridBlobTriggers: if (subscribeBlobTriggers) {
    name: 'eventgrid-subscription-${toLower(trigger.functionName)}'
    dependsOn: [
      appSettings
    ]
    params: {
      systemTopicName: eventGrid.outputs.name
      functionAppName: api.outputs.name
      functionAppHostName: api.outputs.defaultHostName
      functionName: trigger.functionName
      containerName: trigger.containerName
      storageAccountName: storage.outputs.name
      deadLetterContainerName: deadLetterContainerName
    }
  }
]

output AZURE_LOCATION string = location
output RESOURCE_GROUP string = resourceGroup().name
output FUNCTION_APP_NAME string = api.outputs.name
output FUNCTION_APP_URL string = 'https://${api.outputs.defaultHostName}'
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output DEPLOYMENT_CONTAINER_NAME string = deploymentContainerName
output KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output EMAIL_SENDER_ADDRESS string = provisionEmail ? email!.outputs.senderAddress : ''
