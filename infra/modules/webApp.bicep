// The App Service plan (Linux) and the one web app that serves the bot endpoint, the tab's API
// and the built tab. Every app setting below is read by src/config.ts; nothing secret is among
// them, because the app signs in to storage and to the Bot Framework as the managed identity.

@description('Name of the web app; its host is <name>.azurewebsites.net.')
param name string

@description('Azure region of the plan and the web app.')
param location string

@description('App Service plan SKU (B1 or above, so that Always On can be set).')
param sku string

@description('Runtime stack of the Linux web app.')
param linuxFxVersion string = 'NODE|22-lts'

@description('Instances of the plan; every instance shares Table Storage, no sticky sessions.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity: storage credential and bot app id.')
param identityClientId string

@description('Tenant of that identity.')
param identityTenantId string

@description('Table endpoint of the storage account, e.g. https://<account>.table.core.windows.net/.')
param storageTableEndpoint string

@description('Client id of the Entra app of Teams SSO (ENTRA_CLIENT_ID).')
param entraClientId string

@description('Tenant(s) whose SSO tokens are accepted (ENTRA_TENANT_ID), comma-separated.')
param entraTenantId string

@description('Application Insights connection string; empty leaves monitoring off.')
param appInsightsConnectionString string = ''

@description('Entra object ids of the first admins (comma-separated); empty when admins come from the StoryWall.Admin app role.')
param adminUserIds string = ''

@description('Tags applied to the plan and the web app.')
@description('Azure AI Search endpoint; empty keeps the search index in each instance.')
param azureSearchEndpoint string = ''

param tags object = {}

var host = '${name}.azurewebsites.net'

var baseSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'AUTH_MODE'
    value: 'entra'
  }
  {
    // People, managers and groups from Microsoft Graph, as the managed identity (docs/DEPLOY.md).
    name: 'DIRECTORY'
    value: 'graph'
  }
  {
    name: 'ADMIN_USER_IDS'
    value: adminUserIds
  }
  {
    name: 'PUBLIC_URL'
    value: 'https://${host}'
  }
  {
    name: 'STORAGE_TABLE_ENDPOINT'
    value: storageTableEndpoint
  }
  {
    // The user-assigned identity the storage client signs in as.
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'BOT_ID'
    value: identityClientId
  }
  {
    name: 'BOT_TENANT_ID'
    value: identityTenantId
  }
  {
    name: 'BOT_APP_TYPE'
    value: 'UserAssignedMSI'
  }
  {
    name: 'ENTRA_CLIENT_ID'
    value: entraClientId
  }
  {
    name: 'ENTRA_TENANT_ID'
    value: entraTenantId
  }
  {
    // Teams SSO tokens are v2 (aad.manifest.json: requestedAccessTokenVersion 2), whose audience is
    // the client id; the application id URI is accepted as well for v1 tokens.
    name: 'ENTRA_AUDIENCE'
    value: '${entraClientId},api://${host}/${entraClientId}'
  }
  {
    // The package is built before deployment (teamsapp.yml: deploy); App Service runs it as is.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
  {
    // The deployed zip is mounted read-only, so a deployment is atomic and never half-copied.
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
]

// The app reaches the service with its managed identity (AZURE_CLIENT_ID): no key is set.
var searchSettings = empty(azureSearchEndpoint)
  ? []
  : [
      {
        name: 'SEARCH'
        value: 'azure'
      }
      {
        name: 'AZURE_SEARCH_ENDPOINT'
        value: azureSearchEndpoint
      }
    ]

var monitoringSettings = empty(appInsightsConnectionString)
  ? []
  : [
      {
        name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
        value: appInsightsConnectionString
      }
      {
        // App Service's auto-instrumentation agent for Node.js on Linux.
        name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
        value: '~3'
      }
    ]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    // Linux plan.
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Every instance can serve every request (state lives in Table Storage).
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // Runs the built server directly: the mounted package is read-only, so nothing may build
      // at start-up (npm start would try when file times look stale).
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      // FTP is off. Kudu (SCM) publishing credentials stay on: the toolkit's
      // azureAppService/zipDeploy authenticates to Kudu with them.
      ftpsState: 'Disabled'
      // An instance whose storage is unreachable answers 503 here and is taken out of rotation.
      healthCheckPath: '/healthz'
      appSettings: concat(baseSettings, searchSettings, monitoringSettings)
    }
  }
}

output id string = webApp.id
output name string = webApp.name
output defaultHostName string = webApp.properties.defaultHostName
