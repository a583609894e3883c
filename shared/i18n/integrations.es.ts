/** API keys for other systems (client/views/admin/integrations-view.ts). */
export const integrationsEs = {
  'ops.tab.integrations': 'Integraciones',
};
