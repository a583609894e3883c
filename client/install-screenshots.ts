/**
 * The screenshots a browser shows in its install sheet (the manifest's `screenshots`):
 * the real app, made by e2e/install-screenshots.spec.ts into client/public/screenshots/.
 * `narrow` ones are for phones, `wide` for computers; a browser shows those of its kind.
 * The sizes are what the capture produces (viewport × scale), checked by e2e/manifest.spec.ts.
 */
export interface InstallScreenshot {
  /** under /screenshots/ */
  file: string;
  form_factor: 'narrow' | 'wide';
  viewport: { width: number; height: number };
  scale: number;
  /** what the install sheet reads aloud and shows beside it (the manifest is in Spanish) */
  label: string;
}

export const SCREENSHOTS: readonly InstallScreenshot[] = [
  {
    file: 'phone-alert.png',
    form_factor: 'narrow',
    viewport: { width: 390, height: 844 },
    scale: 2,
    label: 'Pedí ayuda con un toque: el centro de monitoreo la recibe al instante',
  },
  {
    file: 'phone-my-alert.png',
    form_factor: 'narrow',
    viewport: { width: 390, height: 844 },
    scale: 2,
    label: 'Seguí tu alerta paso a paso, hasta que llega el móvil',
  },
  {
    file: 'desktop-console.png',
    form_factor: 'wide',
    viewport: { width: 1280, height: 800 },
    scale: 1,
    label: 'El centro de monitoreo ve cada alerta en el mapa y despacha un móvil',
  },
];

/** The manifest's entries. */
export const INSTALL_SCREENSHOTS = SCREENSHOTS.map((s) => ({
  src: `/screenshots/${s.file}`,
  sizes: `${s.viewport.width * s.scale}x${s.viewport.height * s.scale}`,
  type: 'image/png',
  form_factor: s.form_factor,
  label: s.label,
}));
