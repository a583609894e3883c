/**
 * API keys for other systems (client/views/admin/integrations-view.ts), as the audit shows
 * them, and the Open311 services' descriptions (server/open311) in the city's language.
 */
export const integrationsEs = {
  'ops.tab.integrations': 'Integraciones',
  'audit.action.integration.issued': 'Emitió una clave de API',
  'audit.action.integration.revoked': 'Revocó una clave de API',
  'integrations.intro':
    'Claves para que otros sistemas de la Municipalidad hablen con SAC: la mesa de ayuda 147 que carga pedidos por Open311, Defensa Civil que lee las alertas públicas en CAP. Cada clave es de un solo sistema; si se filtra, revocala y emití otra.',
  'integrations.new': 'Nueva clave',
  'integrations.name': 'Sistema que la usa',
  'integrations.name_hint': 'Por ejemplo «Mesa de ayuda 147» o «Defensa Civil». De 2 a 80 letras.',
  'integrations.scopes': 'Qué puede hacer',
  'integrations.scope.open311': 'Cargar pedidos de vecinos (Open311)',
  'integrations.scope.open311_hint':
    'Los pedidos entran a la cola del centro de monitoreo con el nombre de este sistema, como cualquier otro.',
  'integrations.scope.cap': 'Leer las alertas públicas (CAP)',
  'integrations.scope.cap_hint':
    'Lee las alertas que ya ven los vecinos, nunca las silenciosas ni datos de quien avisó.',
  'integrations.scope_needed': 'Elegí al menos un permiso.',
  'integrations.issue': 'Emitir clave',
  'integrations.issued_title': 'Clave para {name}',
  'integrations.issued_once':
    'Copiala ahora y pasala por un canal seguro: no la vas a ver de nuevo. Si se pierde, revocala y emití otra.',
  'integrations.copy': 'Copiar clave',
  'integrations.copied': 'Copiada.',
  'integrations.copy_failed': 'No se pudo copiar: seleccioná la clave y copiala a mano.',
  'integrations.done': 'Ya la copié',
  'integrations.list': 'Claves emitidas',
  'integrations.key': 'Clave',
  'integrations.created': 'Emitida',
  'integrations.last_used': 'Último uso',
  'integrations.never_used': 'Nunca',
  'integrations.state': 'Estado',
  'integrations.active': 'Activa',
  'integrations.revoked': 'Revocada el {at} por {name}',
  'integrations.by': 'por {name}',
  'integrations.revoke': 'Revocar',
  'integrations.revoke_label': 'Revocar la clave de {name}',
  'integrations.revoke_confirm':
    '¿Revocar la clave de «{name}»? Deja de funcionar en el acto y no se puede volver a activar.',
  'integrations.none': 'Todavía no hay claves emitidas.',
  'integrations.offline': 'Sin conexión: no se hizo nada. Probá de nuevo cuando vuelva la señal.',
  'integrations.invalid_name':
    'El nombre debe tener entre 2 y 80 letras, sin caracteres invisibles.',
  'ops.requests.from_open311': 'cargado por {name} (Open311)',
  'ops.requests.contact': 'Contacto que envió el sistema',
  'ops.requests.open_data_hint':
    'La respuesta y el estado se publican como datos abiertos (Open311), sin el nombre ni la descripción del vecino: no pongas datos personales.',
  'open311.service.street_lighting': 'Luminarias apagadas, intermitentes o dañadas.',
  'open311.service.trash': 'Residuos fuera de horario, contenedores llenos o rotos.',
  'open311.service.weeds': 'Malezas altas en veredas, terrenos o espacios públicos.',
  'open311.service.abandoned_vehicle': 'Vehículos abandonados en la vía pública.',
  'open311.service.debris': 'Escombros o restos de obra en la vía pública.',
  'open311.service.cleanliness': 'Limpieza de calles, acequias y espacios verdes.',
  'open311.service.noise': 'Ruidos molestos reiterados.',
  'open311.service.tree_pruning': 'Poda o extracción de árboles del arbolado público.',
  'open311.service.other': 'Otros pedidos de mantenimiento de la ciudad.',
};
