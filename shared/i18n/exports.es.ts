/** The staff's exports (client/views/exports), in the console and the observatory. */
export const exportsEs = {
  'ops.tab.exports': 'Exportar',
};
