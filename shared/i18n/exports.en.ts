import type { exportsEs } from './exports.es.js';

/** English for exports.es.ts. */
export const exportsEn: Record<keyof typeof exportsEs, string> = {
  'ops.tab.exports': 'Export',
  'exports.title': 'Export data',
  'exports.intro':
    'Download the records of a period for a spreadsheet (CSV) or a map (GeoJSON). The download starts at once, even for a whole year.',
  'exports.scope.anonymised':
    'No personal data and no silent alerts: no names, phones or notes, patrol cars by number and positions rounded to about 100 m.',
  'exports.scope.full':
    'Full records, with the reporter’s contact details and the notes. Silent alerts come without the identity of who sent them.',
  'exports.audited':
    'Every export is kept in the audit log: who, which data, with which filters and how many rows.',
  'exports.form': 'What to export',
  'exports.dataset': 'Data',
  'exports.dataset.alerts': 'Alerts',
  'exports.dataset.requests': 'Neighbour requests',
  'exports.dataset.checkins': 'Point check-ins',
  'exports.dataset.conversations': 'Talks with neighbours',
  'exports.format': 'Format',
  'exports.format.csv': 'CSV (spreadsheet)',
  'exports.format.geojson': 'GeoJSON (map)',
  'exports.period': 'Period',
  'exports.period.this_month': 'This month',
  'exports.period.last_month': 'Last month',
  'exports.period.12m': 'Last 12 months',
  'exports.period.custom': 'Other dates',
  'exports.from': 'From',
  'exports.to': 'To',
  'exports.type': 'Alert type',
  'exports.type.all': 'All types',
  'exports.category': 'Category',
  'exports.category.all': 'All categories',
  'exports.area': 'Neighbourhood',
  'exports.area.all': 'The whole city',
  'exports.download': 'Download',
  'exports.summary': '{dataset}, {from} to {to}, as {format}',
  'exports.bad.missing': 'Choose both dates.',
  'exports.bad.order': 'The “from” date is after the “to” date.',
  'exports.bad.long': 'At most a year ({max} days) per download.',
  'exports.spreadsheet':
    'To open the CSV in a spreadsheet set to Spanish: import it as UTF-8, comma-separated, and give the lat and lng columns the language “English (USA)”, so the decimal point reads as one.',
  'audit.action.export.any': 'Exports: all',
  'audit.action.export.alerts': 'Exported alerts',
  'audit.action.export.requests': 'Exported neighbour requests',
  'audit.action.export.checkins': 'Exported point check-ins',
  'audit.action.export.conversations': 'Exported talks with neighbours',
  'audit.detail.export_rows': '{rows} rows',
  'audit.detail.export_full': 'full',
  'audit.detail.export_anonymised': 'no personal data',
};
