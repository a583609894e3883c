import type { integrationsEs } from './integrations.es.js';

/** English for integrations.es.ts. */
export const integrationsEn: Record<keyof typeof integrationsEs, string> = {
  'ops.tab.integrations': 'Integrations',
  'audit.action.integration.issued': 'Issued an API key',
  'audit.action.integration.revoked': 'Revoked an API key',
  'integrations.intro':
    "Keys for the city's other systems to talk to SAC: the 147 help desk filing requests through Open311, civil protection reading public alerts as CAP. One key per system; if one leaks, revoke it and issue another.",
  'integrations.new': 'New key',
  'integrations.name': 'System that uses it',
  'integrations.name_hint': 'For example "147 help desk" or "Civil protection". 2 to 80 letters.',
  'integrations.scopes': 'What it may do',
  'integrations.scope.open311': "File neighbours' requests (Open311)",
  'integrations.scope.open311_hint':
    "Requests enter the monitoring centre's queue under this system's name, like any other.",
  'integrations.scope.cap': 'Read public alerts (CAP)',
  'integrations.scope.cap_hint':
    'Reads the alerts neighbours already see, never silent ones nor who raised them.',
  'integrations.scope_needed': 'Pick at least one permission.',
  'integrations.issue': 'Issue key',
  'integrations.issued_title': 'Key for {name}',
  'integrations.issued_once':
    'Copy it now and hand it over through a safe channel: you will not see it again. If it is lost, revoke it and issue another.',
  'integrations.copy': 'Copy key',
  'integrations.copied': 'Copied.',
  'integrations.copy_failed': 'Could not copy: select the key and copy it by hand.',
  'integrations.done': 'I have copied it',
  'integrations.list': 'Issued keys',
  'integrations.key': 'Key',
  'integrations.created': 'Issued',
  'integrations.last_used': 'Last used',
  'integrations.never_used': 'Never',
  'integrations.state': 'State',
  'integrations.active': 'Active',
  'integrations.revoked': 'Revoked on {at} by {name}',
  'integrations.by': 'by {name}',
  'integrations.revoke': 'Revoke',
  'integrations.revoke_label': "Revoke {name}'s key",
  'integrations.revoke_confirm':
    'Revoke the key of "{name}"? It stops working at once and cannot be turned back on.',
  'integrations.none': 'No keys issued yet.',
  'integrations.offline': 'Offline: nothing was done. Try again when the signal is back.',
  'integrations.invalid_name': 'The name must be 2 to 80 letters, with no invisible characters.',
  'ops.requests.from_open311': 'filed by {name} (Open311)',
  'ops.requests.contact': 'Contact sent by the system',
  'ops.requests.open_data_hint':
    "The reply and the status are published as open data (Open311), without the neighbour's name or description: write nothing personal.",
  'open311.service.street_lighting': 'Street lights out, flickering or damaged.',
  'open311.service.trash': 'Rubbish out of hours, full or broken bins.',
  'open311.service.weeds': 'Tall weeds on pavements, plots or public spaces.',
  'open311.service.abandoned_vehicle': 'Vehicles abandoned on the street.',
  'open311.service.debris': 'Rubble or building waste on the street.',
  'open311.service.cleanliness': 'Cleaning of streets, irrigation ditches and green spaces.',
  'open311.service.noise': 'Repeated noise nuisance.',
  'open311.service.tree_pruning': 'Pruning or removal of street trees.',
  'open311.service.other': 'Other city maintenance requests.',
};
