/**
 * The console's history, residents' directory, response-time hints and readable audit log
 * (Spanish, voseo). Spread into `es` (es.ts).
 */
export const historyEs = {
  'history.title': 'Historial de alertas',
  'history.from': 'Desde',
  'history.to': 'Hasta',
  'history.browse': 'Ver el historial completo',
  'history.search_all': 'Buscar «{text}» en todo el historial',
  'history.live': 'Volver a las alertas en curso',
  'history.found': '{count} alertas',
  'history.on_day': 'del {day}',
  'history.range': 'del {from} al {to}',
  'history.since': 'desde el {from}',
  'history.until': 'hasta el {to}',
  'history.all_time': 'en todo el historial',
  'history.loading': 'Buscando en el historial…',
  'history.failed': 'No se pudo consultar el historial. Probá de nuevo.',
  'history.none': 'Ninguna alerta del historial coincide con la búsqueda.',
  'history.silent_rule':
    'Las alertas silenciosas no se encuentran por el nombre ni el domicilio de quien las envió.',
  'history.pages': 'Páginas del historial',
  'history.page': '{first}–{last} de {total}',
  'history.newer': '‹ Más recientes',
  'history.older': 'Más antiguas ›',
  'history.count_waiting': '{open} abiertas · {waiting} sin tomar',
  'history.count_hint':
    'Alertas abiertas en el centro ahora, sin importar los filtros ni el historial.',

  'stats.hint.received':
    'Alertas recibidas hoy desde las 0:00 (hora de la ciudad): {count}, de las que {cancelled} canceló el vecino.',
  'stats.hint.acknowledged':
    'Mediana desde que se recibe hasta que un operador la toma, sobre {count} alertas de hoy.',
  'stats.hint.dispatched':
    'Mediana desde que se recibe hasta que se despacha un móvil, sobre {count} alertas de hoy.',
  'stats.hint.on_scene':
    'Mediana desde que se recibe hasta que el móvil llega al lugar, sobre {count} alertas de hoy.',
  'stats.hint.closed':
    'Mediana desde que se recibe hasta que el centro la cierra (resuelta o falsa alarma), sobre {count} alertas de hoy. No cuenta las {cancelled} que canceló el vecino.',

  'residents.title': 'Vecinos registrados ({count})',
  'residents.search': 'Buscar vecinos',
  'residents.search_hint': 'Nombre, usuario, domicilio o teléfono',
  'residents.status': 'Filtrar por estado de la cuenta',
  'residents.any_status': 'Todas las cuentas',
  'residents.any_area': 'Todos los barrios',
  'residents.area': 'Filtrar por barrio',
  'residents.column.name': 'Nombre',
  'residents.column.phone': 'Teléfono',
  'residents.column.area': 'Barrio',
  'residents.column.status': 'Cuenta',
  'residents.none': 'Ningún vecino coincide con la búsqueda.',
  'residents.open': 'Ver la ficha de {name}',
  'residents.detail': 'Ficha de {name}',
  'residents.close': 'Cerrar la ficha',
  'residents.address': 'Domicilio',
  'residents.registered': 'Registro',
  'residents.no_home': 'No registró la ubicación de su casa.',
  'residents.home_map': 'Mapa del domicilio de {name}',
  'residents.home_outside': 'La ubicación quedó fuera de los barrios de la ciudad.',
  'residents.pages': 'Páginas de vecinos',
  'residents.show_map': 'Ver en el mapa',

  'audit.subject.alert': '{type} · {area} · {time}',
  'audit.subject.request': '{category} · {area}',
  'audit.subject.siren': 'Sirena {label}',
  'audit.subject.plan': 'Plan de {unit} · {day} · turno {shift}',
  'audit.subject.address': 'Conexión {address}',
  'audit.detail.unit': 'Móvil: {unit}',
  'audit.detail.outcome': 'Resultado: {outcome}',
  'audit.detail.time': 'A las {time}',
  'audit.detail.note': '«{text}»',
  'audit.detail.step_done': 'Hecho: {step}',
  'audit.detail.step_undone': 'Desmarcado: {step}',
  'audit.action.signin.release': 'Desbloqueó un ingreso',
  'audit.action.plan.edit': 'Editó un plan de patrullaje',
  'audit.action.alert.cancelled': 'Canceló una alerta',
  'audit.action.other': 'Otra acción',
  'audit.unknown_actor': 'Usuario desconocido',
  'audit.no_area': 'sin barrio',
} as const;
