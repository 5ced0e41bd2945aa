@description('Name of the Key Vault (3-24 characters).')
param name string

@description('Azure region of the vault.')
param location string

@description('Tags on the vault.')
param tags object

@description('Public IP ranges that may reach the vault; empty for any (Entra ID sign-in still required).')
param allowedIpRanges array

@description('Secrets to store, name to value; an empty value is left out, to be set later with az keyvault secret set.')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure role assignments (Key Vault Secrets User for the app), no access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // A deleted vault or secret cannot be purged before its retention ends, by anyone: the SMTP credentials and
    // anything added later survive a mistaken or malicious delete.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: empty(allowedIpRanges) ? 'Allow' : 'Deny'
      ipRules: [
        for range in allowedIpRanges: {
          value: range
        }
      ]
    }
  }
}

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

output name string = vault.name
output uri string = vault.properties.vaultUri
