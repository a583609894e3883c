/** The observatory's reports section. */
export const obsReportsEs = {
  'obs.section.reports': 'Informes',
} as const;
