/** The observatory's patrol section. */
export const obsPatrolEs = {
  'obs.section.patrol': 'Patrullaje',
  'obs.method.dosage_checkins':
    'Visitas planificadas contra hechas (marcas de llegada y salida) y tiempos de permanencia.',
  'obs.method.residual_deterrence':
    'Incidentes a menos de {radius} m de un punto fijo, por hora de exposición, en los 30 minutos después de cada visita contra el resto del tiempo.',
  'obs.patrol.question':
    '¿Se visitaron los puntos fijos como estaba planificado, y por cuánto tiempo?',
  'obs.patrol.done.title': 'Visitas planificadas y hechas',
  'obs.patrol.done.sentence':
    'Se hicieron {done} de {planned} visitas planificadas ({share}). Hubo {unplanned} paradas en puntos fijos fuera de las visitas del plan.',
  'obs.patrol.done.none': 'No hay planes registrados en este período.',
  'obs.patrol.done.caption':
    'Una visita cuenta como hecha si el móvil marcó llegada al punto entre 20 minutos antes y 20 minutos después del horario planificado.',
  'obs.patrol.by_unit': 'Por móvil',
  'obs.patrol.by_shift': 'Por turno',
  'obs.patrol.unit': 'Móvil',
  'obs.patrol.shift': 'Turno',
  'obs.patrol.planned': 'Planificadas',
  'obs.patrol.done': 'Hechas',
  'obs.patrol.share': 'Porcentaje',
  'obs.patrol.shift.morning': 'Mañana (6 a 14)',
  'obs.patrol.shift.afternoon': 'Tarde (14 a 22)',
  'obs.patrol.shift.night': 'Noche (22 a 6)',
  'obs.patrol.dwell.title': 'Tiempo de permanencia en el punto',
  'obs.patrol.dwell.sentence':
    'De {stays} paradas con salida marcada, {share} duró entre {min} y {max} minutos, la franja que recomienda la investigación sobre puntos calientes (intervalo de 95 %: {low} a {high}). Mediana: {median} minutos; el plan pide {planned}.',
  'obs.patrol.dwell.unclosed':
    '{count} paradas sin salida marcada quedan fuera: no se sabe cuánto duraron.',
  'obs.patrol.dwell.chart':
    'Histograma de permanencias en minutos, en tramos de 2 minutos; la franja de {min} a {max} minutos está sombreada y los {planned} minutos del plan, marcados.',
  'obs.patrol.dwell.band': 'Franja recomendada ({min}–{max} min)',
  'obs.patrol.dwell.plan': 'Plan: {planned} min',
  'obs.patrol.dwell.bin': 'Minutos',
  'obs.patrol.dwell.count': 'Paradas',
  'obs.patrol.dwell.more': '{from} o más',
  'obs.patrol.dwell.table': 'Ver los valores del histograma',
  'obs.patrol.residual.title': 'Incidentes cerca del punto después de la visita',
  'obs.patrol.residual.sentence':
    'En {points} puntos fijos con {stays} visitas: incidentes a menos de {radius} m, por cada 1.000 horas, en cada tramo de 5 minutos después de que el móvil se fue, comparados con el resto del tiempo.',
  'obs.patrol.residual.caveat':
    'Cómo leerlo: los móviles se mandan a los puntos en sus horas más activas, así que los tramos después de una visita caen en horas calientes y el "resto del tiempo" no. Una tasa menor después de la visita es evidencia de un efecto que dura solo si vuelve a subir tramo a tramo hacia la del resto del tiempo. Con pocos incidentes, los intervalos son anchos.',
  'obs.patrol.residual.table': 'Tasas por tramo después de la visita',
  'obs.patrol.residual.when': 'Momento',
  'obs.patrol.residual.during': 'Durante la visita',
  'obs.patrol.residual.bin': '{from}–{to} min después',
  'obs.patrol.residual.other': 'Resto del tiempo',
  'obs.patrol.residual.incidents': 'Incidentes',
  'obs.patrol.residual.hours': 'Horas',
  'obs.patrol.residual.rate': 'Por 1.000 h',
  'obs.patrol.residual.ratio': 'Razón contra el resto (IC 95 %)',
  'obs.patrol.csv': 'visitas y permanencias',
} as const;
