/**
 * The app's own life on the device: a new version, the notification card and how to get
 * notifications on an iPhone. Spread into `es` (./es.ts).
 */
export const pwaEs = {
  'update.label': 'Actualización de SAC',
  'update.available': 'Nueva versión disponible',
  'update.failed': 'No se pudo cargar esta parte de SAC: puede haber una versión nueva.',
  'update.action': 'Actualizar',
  // A first visit signed in with no city on the phone yet, and no answer from the server.
  'boot.unreachable': 'No pudimos conectar con SAC.',
  'boot.unreachable.hint':
    'Revisá tu señal o tus datos. Seguimos intentando solos; también podés reintentar ahora.',
  // The notification card names the device it is on: an operator reads it on a desk computer.
  'push.prompt.title.phone': 'Avisos en este teléfono',
  'push.prompt.title.tablet': 'Avisos en esta tablet',
  'push.prompt.title.computer': 'Avisos en esta computadora',
  'push.prompt.text.officer':
    'Activá las notificaciones para recibir los despachos de tu móvil aunque la app esté cerrada.',
  'push.prompt.text.operator':
    'Activá las notificaciones para enterarte de cada alerta nueva aunque SAC esté cerrado o en otra pestaña.',
  // iPhone and iPad: Web Push exists only for an app added to the Home Screen.
  'push.ios.text':
    'En iPhone y iPad, las notificaciones funcionan solo con SAC en tu pantalla de inicio:',
  'push.ios.step.share': 'Tocá Compartir (el cuadrado con una flecha hacia arriba).',
  'push.ios.step.add': 'Elegí «Agregar a inicio» y tocá «Agregar».',
  'push.ios.step.open': 'Abrí SAC desde el ícono nuevo de tu pantalla de inicio.',
  'push.ios.step.enable': 'Ingresá y tocá «Activar» en este aviso.',
  'push.ios.too_old':
    'Para recibir notificaciones, actualizá tu iPhone o iPad a iOS 16.4 o posterior y después agregá SAC a tu pantalla de inicio.',
  'push.ios.dismiss': 'Entendido',
} as const;
