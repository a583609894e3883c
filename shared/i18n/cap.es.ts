/**
 * The CAP 1.2 messages for civil-protection systems (server/cap): one `info` block in es-AR
 * and one in en-US. Never anything a resident wrote: the type, the area, the hour, the step.
 */
export const capEs = {
  'cap.feed.title': 'Alertas verificadas de {city} (CAP 1.2)',
  'cap.sender_name': 'Centro de Monitoreo de {city} (SAC)',
  'cap.demo_note': 'Demostración de SAC: datos ficticios, no es una alerta real.',
  'cap.headline.acknowledged': '{type} en {area}: aviso verificado',
  'cap.headline.dispatched': '{type} en {area}: unidad en camino',
  'cap.headline.on_scene': '{type} en {area}: unidad en el lugar',
  'cap.headline.resolved': '{type} en {area}: aviso resuelto',
  'cap.headline.false_alarm': '{type} en {area}: falsa alarma',
  'cap.headline.cancelled': '{type} en {area}: aviso cancelado',
  'cap.description.acknowledged':
    '{type} en {area} ({city}): el centro de monitoreo verificó el aviso a las {time}. La respuesta está en curso.',
  'cap.description.dispatched':
    '{type} en {area} ({city}): a las {time} el centro de monitoreo envió una unidad.',
  'cap.description.on_scene': '{type} en {area} ({city}): a las {time} la unidad llegó al lugar.',
  'cap.description.resolved':
    '{type} en {area} ({city}): a las {time} el centro de monitoreo dio el aviso por resuelto. No hace falta ninguna acción.',
  'cap.description.false_alarm':
    '{type} en {area} ({city}): a las {time} el centro de monitoreo determinó que fue una falsa alarma. Quedan sin efecto los mensajes anteriores.',
  'cap.description.cancelled':
    '{type} en {area} ({city}): el aviso se canceló a las {time}. Quedan sin efecto los mensajes anteriores.',
  'cap.instruction.general': 'Prestá atención en la zona. Si ves algo, llamá al {phone}.',
  'cap.instruction.medical': 'Dejá libre el paso a la ambulancia y a la unidad.',
  'cap.instruction.bicycle_theft': 'Si ves algo, llamá al {phone}.',
  'cap.instruction.fire': 'Evitá la zona y dejá libre el paso a los bomberos.',
};
