// The Azure Bot: it signs in as the user-assigned managed identity (no app secret) and sends the
// Teams channel's activities to the web app's /api/messages.

@description('Name of the Azure Bot resource.')
param name string

@description('Name shown for the bot in the Azure portal.')
@maxLength(42)
param displayName string

@description('Azure Bot SKU: F0 (free) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Host name of the web app that serves /api/messages.')
param webAppHostName string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity (the bot\'s app id).')
param identityClientId string

@description('Tenant of that identity.')
param identityTenantId string

@description('Tags applied to the bot.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${webAppHostName}/api/messages'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: identityTenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output id string = bot.id
output messagingEndpoint string = bot.properties.endpoint
