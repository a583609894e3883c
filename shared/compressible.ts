/**
 * Files of the built client that are text and shrink several times under brotli or gzip.
 * The build writes `<file>.br` and `<file>.gz` beside each (vite-precompress.ts) and the
 * server picks one by Accept-Encoding (server/http/static.ts). Images are already
 * compressed: a second pass only costs CPU.
 */
export const COMPRESSIBLE_EXTENSIONS: readonly string[] = [
  'js',
  'mjs',
  'css',
  'html',
  'svg',
  'json',
  'webmanifest',
  'txt',
  'xml',
];

export const isCompressibleFile = (name: string): boolean => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && COMPRESSIBLE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
};
