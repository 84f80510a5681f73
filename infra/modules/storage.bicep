// Azure Table Storage, the shared store of every app instance. The account accepts Entra tokens
// only (no account keys, no SAS), so the managed identity is the only way in; it gets the Storage
// Table Data Contributor role on this account and nothing else.

@description('Storage account name: 3 to 24 lower-case letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Principal (object) id of the managed identity that reads and writes the tables.')
param dataContributorPrincipalId string

@description('Tags applied to the storage account.')
param tags object = {}

// Built-in role: Storage Table Data Contributor. It includes creating tables, which the app does at
// start-up (src/storage: ensureTables), so no table is declared here.
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Entra (managed identity) access only; account keys and SAS are refused.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, dataContributorPrincipalId, tableDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: dataContributorPrincipalId
    // Skips the directory lookup that fails while a new identity is still replicating.
    principalType: 'ServicePrincipal'
  }
}

output id string = storage.id
output name string = storage.name
output tableEndpoint string = storage.properties.primaryEndpoints.table
