// Story Wall on Azure: one Node.js web app (bot endpoint, tab API and built tab) behind an Azure
// Bot, with Azure Table Storage as the shared store of every instance. No secrets: the web app and
// the bot act as one user-assigned managed identity, and the storage account accepts Entra tokens
// only. Deployed by `arm/deploy` in teamsapp.yml; its outputs are written to env/.env.<env>.

@description('Names every resource; lower-case letters, digits and hyphens, unique per environment.')
@minLength(4)
@maxLength(20)
param resourceBaseName string

@description('Azure region of the web app, its plan, the identity, storage and monitoring.')
param location string = resourceGroup().location

@description('Client id of the Entra app the tab signs in with (the audience of SSO tokens).')
param entraClientId string

@description('Tenant(s) whose SSO tokens the API accepts, comma-separated.')
param entraTenantId string = tenant().tenantId

@description('App Service plan SKU: B1 or above (Always On); S1 or above for deployment slots.')
param webAppSku string = 'B1'

@description('Instances of the App Service plan.')
@minValue(1)
@maxValue(30)
param webAppInstanceCount int = 1

@description('Runtime stack of the Linux web app.')
param linuxFxVersion string = 'NODE|22-lts'

@description('Azure Bot SKU: F0 (free) or S1.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Name of the bot in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'Story Wall'

@description('Create Application Insights (with a Log Analytics workspace) for the web app.')
param enableApplicationInsights bool = true

@description('Entra object ids of the first admins, comma-separated (ADMIN_USER_IDS); may stay empty when the StoryWall.Admin app role is assigned instead.')
param adminUserIds string = ''

@description('Tags applied to every resource.')
@description('Text search on Azure AI Search (SEARCH=azure) instead of the index in each instance: for more than one instance or a large wall.')
param enableAzureSearch bool = false

@description('Pricing tier of the search service, when enableAzureSearch.')
@allowed(['basic', 'standard', 'standard2'])
param searchSku string = 'basic'

param tags object = {}

// Storage account names: 3 to 24 lower-case letters and digits, globally unique.
var storageAccountName = take(toLower('${replace(resourceBaseName, '-', '')}${uniqueString(resourceGroup().id)}'), 24)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${resourceBaseName}-identity'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    dataContributorPrincipalId: identity.outputs.principalId
    tags: tags
  }
}

module search 'modules/search.bicep' = if (enableAzureSearch) {
  name: 'search'
  params: {
    name: '${resourceBaseName}-search'
    location: location
    sku: searchSku
    appPrincipalId: identity.outputs.principalId
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = if (enableApplicationInsights) {
  name: 'monitoring'
  params: {
    name: resourceBaseName
    location: location
    tags: tags
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    name: resourceBaseName
    location: location
    sku: webAppSku
    instanceCount: webAppInstanceCount
    linuxFxVersion: linuxFxVersion
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    storageTableEndpoint: storage.outputs.tableEndpoint
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    appInsightsConnectionString: enableApplicationInsights ? monitoring.outputs.connectionString : ''
    adminUserIds: adminUserIds
    azureSearchEndpoint: enableAzureSearch ? search.outputs.endpoint : ''
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: resourceBaseName
    displayName: botDisplayName
    sku: botServiceSku
    webAppHostName: webApp.outputs.defaultHostName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    tags: tags
  }
}

// Output names become variables of env/.env.<env> (arm/deploy writes them back).
output TAB_DOMAIN string = webApp.outputs.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output BOT_DOMAIN string = webApp.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output BOT_ID string = identity.outputs.clientId
output BOT_TENANT_ID string = identity.outputs.tenantId
output BOT_RESOURCE_ID string = bot.outputs.id
output IDENTITY_CLIENT_ID string = identity.outputs.clientId
output IDENTITY_RESOURCE_ID string = identity.outputs.id
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output WEB_APP_NAME string = webApp.outputs.name
output WEB_APP_RESOURCE_ID string = webApp.outputs.id
