// Azure AI Search for the wall's text search at scale (SEARCH=azure, docs/adr/0009-search-port.md).
// Entra (managed identity) access only: the app's identity gets "Search Index Data Contributor"
// (documents) and "Search Service Contributor" (it creates or updates the index at start).

@description('Name of the search service (2-60 lower-case letters, digits and dashes).')
param name string

@description('Azure region.')
param location string

@description('Pricing tier: basic for a single tenant of up to some millions of stories, standard above.')
@allowed(['basic', 'standard', 'standard2'])
param sku string = 'basic'

@description('Replicas: 2 or more for the read availability SLA.')
@minValue(1)
param replicaCount int = 1

@description('Object id of the app\'s managed identity.')
param appPrincipalId string

param tags object = {}

var indexDataContributorRoleId = '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
var serviceContributorRoleId = '7ca78c08-252a-4471-8644-bb5ff32d4ba0'

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    replicaCount: replicaCount
    partitionCount: 1
    // Keys off: the app signs in with its managed identity.
    disableLocalAuth: true
    publicNetworkAccess: 'enabled'
  }
}

resource indexDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: search
  name: guid(search.id, appPrincipalId, indexDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', indexDataContributorRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource serviceContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: search
  name: guid(search.id, appPrincipalId, serviceContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceContributorRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output id string = search.id
output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
