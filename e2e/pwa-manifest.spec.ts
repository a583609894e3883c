import { expect, test, type Page } from '@playwright/test';

/**
 * What a browser reads to install SAC: the web app manifest (identity, shortcuts, the
 * install sheet's screenshots, icons), the iOS Home Screen icon and the notification badge.
 * Every image must resolve (HTTP 200, PNG) at the size the manifest claims.
 */
interface Icon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}
interface Manifest {
  id: string;
  start_url: string;
  scope: string;
  icons: Icon[];
  shortcuts: { name: string; short_name?: string; url: string; icons: Icon[] }[];
  screenshots: (Icon & { form_factor: 'narrow' | 'wide'; label: string })[];
}

/** Width, height, and whether every pixel is opaque / white-or-transparent, as drawn. */
async function measure(page: Page, src: string) {
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = true;
    let monochrome = true;
    let transparent = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3]! < 255) opaque = false;
      if (px[i + 3] === 0) transparent++;
      // Antialiased edges keep their colour white; only alpha varies.
      else if (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250) monochrome = false;
    }
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      opaque,
      monochrome,
      transparentShare: transparent / (px.length / 4),
    };
  }, src);
}

async function expectPng(page: Page, src: string, sizes: string): Promise<void> {
  const res = await page.request.get(src);
  expect(res.status(), src).toBe(200);
  expect(res.headers()['content-type'], src).toBe('image/png');
  const { width, height } = await measure(page, src);
  expect(`${width}x${height}`, src).toBe(sizes);
}

test('the manifest has an id, shortcuts, screenshots and icons that all resolve at their sizes', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  const cdp = await page.context().newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest', {});
  expect(read.errors).toEqual([]);
  const manifest = JSON.parse(read.data!) as Manifest;

  // The identity Chromium gives the installed app: the same one it derived before there was
  // an id (start_url), so apps installed earlier stay the same app.
  expect(manifest.id).toBe('/');
  const { appId, recommendedId } = await cdp.send('Page.getAppId');
  expect(appId).toBe(`${baseURL}/`);
  expect(recommendedId).toBe('/');

  for (const icon of manifest.icons) await expectPng(page, icon.src, icon.sizes);
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);

  // Shortcuts: to the resident's alert buttons and their alerts, inside the app's scope.
  expect(manifest.shortcuts.map((s) => [s.name, s.url])).toEqual([
    ['Alerta', '/#/'],
    ['Mis alertas', '/#/alerts'],
  ]);
  for (const shortcut of manifest.shortcuts) {
    expect(
      new URL(shortcut.url, baseURL).href.startsWith(new URL(manifest.scope, baseURL).href),
    ).toBe(true);
    for (const icon of shortcut.icons) await expectPng(page, icon.src, icon.sizes);
  }
  // …and each opens what it says.
  await page.goto('/#/alerts');
  await expect(page).toHaveURL(/#\/alerts$/);

  // The install sheet: phone and desktop screenshots of the real app, with a label each.
  const factors = manifest.screenshots.map((s) => s.form_factor);
  expect(factors).toContain('narrow');
  expect(factors).toContain('wide');
  for (const shot of manifest.screenshots) {
    await expectPng(page, shot.src, shot.sizes);
    expect(shot.label.length).toBeGreaterThan(10);
    const [w, h] = shot.sizes.split('x').map(Number) as [number, number];
    // Chromium shows only screenshots between 320 and 3840 px whose long side is at most
    // 2.3 times the short one; narrow ones are portrait, wide ones landscape.
    expect(Math.min(w, h)).toBeGreaterThanOrEqual(320);
    expect(Math.max(w, h)).toBeLessThanOrEqual(3840);
    expect(Math.max(w, h) / Math.min(w, h)).toBeLessThanOrEqual(2.3);
    expect(shot.form_factor === 'narrow' ? h > w : w > h).toBe(true);
  }

  // Installable, as far as Chromium's own checks go (a test browser's context is incognito,
  // where nothing installs: that one is the browser's, not the app's).
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

  // iOS: a 180 px Home Screen icon, opaque (iOS fills transparency with black).
  const apple = page.locator('link[rel="apple-touch-icon"]');
  expect(await apple.getAttribute('sizes')).toBe('180x180');
  const appleSrc = (await apple.getAttribute('href'))!;
  await expectPng(page, appleSrc, '180x180');
  expect((await measure(page, appleSrc)).opaque).toBe(true);

  // The notification badge: a white glyph on transparent, since Android uses only its alpha.
  await expectPng(page, '/icons/badge-96.png', '96x96');
  const badge = await measure(page, '/icons/badge-96.png');
  expect(badge.monochrome).toBe(true);
  expect(badge.transparentShare).toBeGreaterThan(0.3);
  expect(badge.transparentShare).toBeLessThan(0.9);
});
