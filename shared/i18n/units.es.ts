/** The console's truth about units: who is connected, dispatches waiting for a crew. */
export const unitsEs = {
  'status.accepted': 'Móvil en camino',
  'ops.units.crew': 'Tripulación',
  'ops.crew.none': 'Nadie conectado',
  'ops.crew.seen': 'visto por última vez hace {time}',
  'ops.crew.never': 'no se conectó desde que arrancó el sistema',
  'ops.crew.connected': 'conectado',
  'ops.unit.nobody': 'Sin nadie conectado',
  'ops.dispatch.nobody_title': 'Nadie de {unit} tiene la app abierta',
  'ops.dispatch.nobody_body':
    'El aviso puede no sonar en ningún teléfono. Si despachás igual, vigilá que alguien acepte.',
  'ops.dispatch.nobody_yes': 'Despachar igual',
  'ops.dispatch.nobody_other': 'Elegir otro móvil',
  'ops.accept.waiting': 'Esperando que {unit} acepte (despachado hace {time})',
  'ops.accept.taken': '{unit} aceptó a las {time}',
  'ops.accept.overdue': '{unit} no aceptó el despacho: hace {time} que espera',
  'ops.accept.offer': 'Enviar {unit} ({distance})',
  'ops.accept.offer_hint': 'el móvil libre más cercano con alguien conectado',
  'ops.accept.no_other': 'No hay otro móvil libre con alguien conectado: llamá a la tripulación.',
  'ops.accept.sent': 'Alerta enviada a {unit}.',
  'ops.accept.failed':
    'No se pudo enviar a otro móvil: la alerta cambió o no hay conexión. Mirá su estado.',
  'ops.overdue.one': '1 despacho sin aceptar',
  'ops.overdue.many': '{count} despachos sin aceptar',
  'ops.overdue.open': 'Ver',
  'ops.keys.redispatch': 'Enviar el móvil siguiente (despacho sin aceptar)',
  'officer.dispatch.reassigned': 'La central envió otro móvil a esta alerta.',
} as const;
