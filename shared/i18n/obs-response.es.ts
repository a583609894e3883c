/** The observatory's response times section. */
export const obsResponseEs = {
  'obs.section.response': 'Tiempos de respuesta',
  'obs.method.response_quantiles':
    'Mediana y percentil 90 (tipo 7 de R) por etapa; canceladas y falsas alarmas aparte.',
} as const;
