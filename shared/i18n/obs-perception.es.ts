/** The observatory's perception section. */
export const obsPerceptionEs = {
  'obs.section.perception': 'Percepción',
  'obs.method.wilson_shares':
    'Proporción de respuestas con intervalo de Wilson al 95 %; solo con {min} respuestas o más. Conversaciones de los oficiales con vecinos; el filtro de tipo no se aplica.',
  'obs.perception.question': 'Pregunta',
  'obs.perception.answer': 'Respuesta',
  'obs.perception.total': '{answer}: {share} ({ci}) de {n} respuestas',
  'obs.perception.total_withheld': 'Menos de {min} respuestas: no se muestra la proporción.',
  'obs.perception.withheld': 'menos de {min} respuestas',
  'obs.perception.ci': 'IC 95 % {low}–{high} %',
  'obs.perception.type_ignored':
    'El filtro de tipo no se aplica: las conversaciones hablan del lugar, no de un incidente.',
  'obs.perception.map': 'Dónde: proporción de «{answer}» por celda de {metres} m',
  'obs.perception.map_label': 'Mapa de la proporción de respuestas por celda',
  'obs.perception.cell_tip': 'Celda {id}: {share} «{answer}» de {n} respuestas ({ci})',
  'obs.perception.cell_tip_withheld': 'Celda {id}: {n} respuestas, menos de {min}',
  'obs.perception.legend_withheld': 'Menos de {min} respuestas (sin color)',
  'obs.perception.areas': 'Por barrio',
  'obs.perception.areas_caption': 'Por barrio: proporción de cada respuesta (IC 95 %)',
  'obs.perception.col.area': 'Barrio',
  'obs.perception.col.answers': 'Respuestas',
  'obs.perception.quadrant': 'Percepción frente a incidentes',
  'obs.perception.quadrant_intro':
    'Barrios con {min} respuestas o más a «¿Se siente seguro de noche?». Inseguro: la proporción de «No» está en la mediana de los barrios o por encima; muchos incidentes: la tasa por 1.000 hogares registrados también.',
  'obs.perception.kind.unsafe_many': 'Se siente inseguro, muchos incidentes',
  'obs.perception.kind.unsafe_few': 'Se siente inseguro, pocos incidentes',
  'obs.perception.kind.safe_many': 'Se siente seguro, muchos incidentes',
  'obs.perception.kind.safe_few': 'Se siente seguro, pocos incidentes',
  'obs.perception.hint.unsafe_many': 'Donde más se nota: presencia y prevención a la vez.',
  'obs.perception.hint.unsafe_few':
    'Donde alumbrado, limpieza o presencia pueden ayudar más que la persecución.',
  'obs.perception.hint.safe_many': 'Los incidentes no llegan a la sensación de los vecinos.',
  'obs.perception.hint.safe_few': 'Sin señales que atender.',
  'obs.perception.quadrant_item': '{area}: {share} dice «No» · {rate} incidentes por 1.000 hogares',
  'obs.perception.quadrant_empty': 'Ningún barrio',
  'obs.perception.quadrant_none': 'Ningún barrio llega a {min} respuestas en este período.',
  'obs.perception.export': 'percepción',
} as const;
