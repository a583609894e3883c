/**
 * The observatory's strings shown outside its own chunk (the console's tab). The section's
 * own strings are in `observatory-screen.*.ts`, loaded with it: the resident's first load
 * carries no observatory text.
 */
export const observatoryEs = {
  'obs.console_tab': 'Observatorio',
} as const;
