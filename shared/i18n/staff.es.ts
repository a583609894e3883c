/** Staff accounts an admin creates (server/users/staff-accounts.ts), as the audit shows them. */
export const staffEs = {
  'audit.action.user.created': 'Creó una cuenta del personal',
} as const;
