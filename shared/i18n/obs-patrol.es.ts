/** The observatory's patrol section. */
export const obsPatrolEs = {
  'obs.section.patrol': 'Patrullaje',
  'obs.method.dosage_checkins':
    'Visitas planificadas contra hechas (marcas de llegada y salida) y tiempos de permanencia.',
  'obs.method.residual_deterrence':
    'Incidentes a menos de {radius} m de un punto fijo, por hora de exposición, en los 30 minutos después de cada visita contra el resto del tiempo.',
} as const;
