/**
 * The per-resident alert threshold said plainly, and the sirens' missed commands (Spanish,
 * voseo). Spread into `es` (es.ts).
 */
export const heldEs = {
  'held.ops.title': 'Retenida por el límite de alertas',
  'held.ops.both':
    'Este vecino envió más de {count} alertas en {minutes} minutos: esta no hizo sonar la sirena ni avisó a los vecinos. Llegó solo al centro.',
  'held.ops.siren':
    'Este vecino envió más de {count} alertas en {minutes} minutos: esta no hizo sonar la sirena. Llegó solo al centro.',
  'held.ops.neighbours':
    'Este vecino envió más de {count} alertas en {minutes} minutos: esta no avisó a los vecinos. Llegó solo al centro.',
  'held.ops.release_both': 'Liberar: sonar la sirena y avisar a los vecinos',
  'held.ops.release_siren': 'Liberar: sonar la sirena',
  'held.ops.release_neighbours': 'Liberar: avisar a los vecinos',
  'held.ops.released': 'Liberada por {name} a las {time}: salió lo que el límite había retenido.',
  'held.ops.done': 'Alerta liberada: sale lo que el límite había retenido.',
  'held.ops.failed': 'No se pudo liberar la alerta ({code}).',
  'held.short.both': 'Retenida: sin sirena ni vecinos',
  'held.short.siren': 'Retenida: sin sirena',
  'held.short.neighbours': 'Retenida: sin avisar a vecinos',
  'held.short.released': 'Liberada',
  'held.mine.both':
    'Enviaste varias alertas en pocos minutos, así que esta llegó solo al centro de monitoreo: no sonó la sirena ni se avisó a tus vecinos. Un operador la está viendo y puede activarlas.',
  'held.mine.siren':
    'Enviaste varias alertas en pocos minutos, así que esta llegó solo al centro de monitoreo: no sonó la sirena. Un operador la está viendo y puede activarla.',
  'held.mine.neighbours':
    'Enviaste varias alertas en pocos minutos, así que esta llegó solo al centro de monitoreo: no se avisó a tus vecinos. Un operador la está viendo y puede avisarles.',
  'held.mine.released_both': 'Un operador la liberó: sonó la sirena y se avisó a tus vecinos.',
  'held.mine.released_siren': 'Un operador la liberó: sonó la sirena.',
  'held.mine.released_neighbours': 'Un operador la liberó: se avisó a tus vecinos.',
  'ops.keys.release': 'Liberar una alerta retenida por el límite',
  'audit.action.alert.released': 'Liberó una alerta retenida por el límite',

  'sirens.missed.one': '1 sirena no recibió la orden a tiempo',
  'sirens.missed.many': '{count} sirenas no recibieron la orden a tiempo',
  'sirens.missed.hint':
    'Estaban sin conexión o no respondieron, y la orden venció antes de llegar (una sirena que vuelve tarde no suena por una alerta vieja). Revisalas en el lugar.',
  'sirens.missed.column': 'Orden vencida',
  'sirens.missed.cell': '{cmd}, venció a las {time}',
  'sirens.missed.for_alert': '{cmd} ({type}), venció a las {time}',
  'sirens.cmd.sound': 'Sonar',
  'sirens.cmd.silence': 'Silenciar',
  'sirens.cmd.test': 'Prueba',
  'sirens.show_missed': 'Con órdenes vencidas',
} as const;
