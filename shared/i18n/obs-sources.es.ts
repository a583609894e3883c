/** The observatory's other sources section. */
export const obsSourcesEs = {
  'obs.section.sources': 'Otras fuentes',
  'obs.method.imported_records': 'Registros importados, agregados por celda.',
} as const;
