/** The observatory's perception section. */
export const obsPerceptionEs = {
  'obs.section.perception': 'Percepción',
  'obs.method.wilson_shares':
    'Proporción de respuestas con intervalo de Wilson al 95 %; solo con {min} respuestas o más.',
} as const;
