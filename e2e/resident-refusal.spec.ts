import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { login, newPhone } from './support/app.js';
import { opsRoom, record, signIn, until } from './support/resident.js';

/**
 * A phone whose copy of its room the server refuses (4403) drops that copy and takes the
 * server's, but never an alert it raised that the server has not stored: it writes it again,
 * with only the fields a resident may write, and it is delivered.
 */
test('a refused copy keeps and delivers the alerts the server never stored', async ({
  browser,
}) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino16');
  const me = await signIn('vecino16');
  const ops = await opsRoom();

  // What the phone holds after a crash took server writes back: an alert raised in an earlier
  // session and never delivered, and one carrying a `receivedAt` the server no longer has.
  const kept = randomUUID();
  const ghost = randomUUID();
  const doc = new Y.Doc();
  const alerts = doc.getMap('alerts');
  for (const id of [kept, ghost]) {
    const fields = {
      id,
      type: 'medical',
      createdAt: new Date().toISOString(),
      location: null,
      note: '',
    };
    alerts.set(id, new Y.Map<unknown>(Object.entries(fields)));
  }
  (alerts.get(ghost) as Y.Map<unknown>).set('receivedAt', new Date().toISOString());
  const update = Array.from(Y.encodeStateAsUpdate(doc));
  await page.evaluate(
    ([room, bytes]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sac');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add({ room, data: new Uint8Array(bytes) });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [`user:${me.user.id}`, update] as const,
  );

  await page.reload();
  // Refused (a resident may not write `receivedAt`), reset, and both written again.
  await until(() => record(ops, 'alerts', kept)?.get('status') === 'received', 20_000);
  await until(() => record(ops, 'alerts', ghost)?.get('status') === 'received', 20_000);
  await expect(page.locator(`li[data-alert="${kept}"]`)).toContainText(
    /entregada al centro de monitoreo/i,
  );
  ops.close();
  await phone.close();
});
