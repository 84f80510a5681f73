// Optional Application Insights for the web app, on a Log Analytics workspace (Application
// Insights resources are workspace-based). App Service's Node.js auto-instrumentation sends the
// requests, dependencies and logs; the app itself carries no telemetry SDK.

@description('Base name of the workspace and the Application Insights resource.')
param name string

@description('Azure region of both resources.')
param location string

@description('Days the workspace keeps telemetry.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Tags applied to both resources.')
param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output connectionString string = appInsights.properties.ConnectionString
output id string = appInsights.id
