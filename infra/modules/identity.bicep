// The one identity of Story Wall in Azure: the web app reaches Table Storage with it, and the
// Azure Bot and the web app's bot adapter sign in as it (BOT_APP_TYPE=UserAssignedMSI). No secret
// exists for it anywhere.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
