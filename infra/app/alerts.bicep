@description('Azure region of the log alert.')
param location string

@description('Tags on the alerts.')
param tags object

@description('Name of the Event Grid system topic whose dead-lettered events raise an alert.')
param systemTopicName string

@description('Name of the Log Analytics workspace that receives the storage account\'s queue logs.')
param logAnalyticsName string

@description('Where alerts are emailed; empty for none (the alerts still fire in the portal).')
param alertEmail string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-jamsostek-operator'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'jamsostek'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [
  {
    actionGroupId: actionGroup.id
  }
]

// An upload Event Grid could not deliver to IngestUpload after a day of retries: it sits in eventgrid-deadletter.
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-upload-events-dead-lettered'
  location: 'global'
  tags: tags
  properties: {
    description: 'An upload event was dead-lettered: IngestUpload never received it. Reprocess the upload (README, When a chunk keeps failing).'
    severity: 1
    enabled: true
    scopes: [
      systemTopic.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'dead-lettered'
          criterionType: 'StaticThresholdCriterion'
          metricName: 'DeadLetteredCount'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    actions: actions
  }
}

// A message moved to any poison queue (validation-poison, the blob trigger's webjobs-blobtrigger-poison): an upload
// stopped half way. Storage has no per-queue metric, so the queue logs (app/diagnostics.bicep) are queried.
resource poisonQueueAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-poison-queue-message'
  location: location
  tags: tags
  properties: {
    description: 'A message went to a poison queue: an upload failed after every attempt. See README, When a chunk keeps failing.'
    severity: 1
    enabled: true
    scopes: [
      workspace.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'StorageQueueLogs | where OperationName == "PutMessage" and Uri has "-poison"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [for action in actions: action.actionGroupId]
    }
  }
}
