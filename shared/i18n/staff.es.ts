/** Staff accounts an admin creates (server/users/staff-accounts.ts), as the audit shows them. */
export const staffEs = {
  'audit.action.user.created': 'Creó una cuenta del personal',
  'ops.tab.staff': 'Personal',
  'staff.new': 'Nueva cuenta de analista u operador',
  'staff.list': 'Cuentas del personal',
  'staff.name': 'Nombre y apellido',
  'staff.username': 'Usuario',
  'staff.username_hint': 'De 3 a 32 letras, números, puntos o guiones, sin espacios.',
  'staff.role': 'Rol',
  'staff.password': 'Contraseña inicial',
  'staff.password_hint':
    'Al menos 8 caracteres, que no se parezca al usuario. Dásela en persona: la cuenta queda activa al crearla.',
  'staff.create': 'Crear cuenta',
  'staff.created': 'Listo: {name} ya puede entrar como {username} ({role}).',
  'staff.since': 'Creada',
  'staff.none': 'Todavía no hay cuentas de analistas ni operadores.',
  'staff.offline': 'Sin conexión: la cuenta no se creó. Probá de nuevo cuando vuelva la señal.',
} as const;
