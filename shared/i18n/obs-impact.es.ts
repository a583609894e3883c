/** The observatory's before and after section. */
export const obsImpactEs = {
  'obs.section.impact': 'Antes y después',
  'obs.method.wdd_wdq':
    'Diferencia de desplazamiento ponderada (Wheeler y Ratcliffe) y cociente de desplazamiento ponderado (Bowers y Johnson).',
} as const;
