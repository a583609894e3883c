import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDemoDevices, DEMO_DEVICES_FILE } from './demo-devices.js';
import { SimulatedSiren } from './sim-device.js';

/**
 * `npm run siren:sim -- [--unit siren-1 | --area area-1 | --all] [--url …]
 *   [--ack-delay ms] [--no-heartbeat] [--drop-acks]`
 * Runs demo siren units against a SAC server and prints what each receives. Tokens come
 * from `DATA_DIR/demo-devices.json`, written by a server started with DEMO=1.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:8080' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
    unit: { type: 'string', multiple: true },
    area: { type: 'string' },
    all: { type: 'boolean', default: false },
    'ack-delay': { type: 'string', default: '0' },
    'no-heartbeat': { type: 'boolean', default: false },
    'drop-acks': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const USAGE = `usage: npm run siren:sim -- (--unit <id> … | --area <areaId> | --all)
  [--url http://localhost:8080] [--data-dir ./data] [--ack-delay <ms>] [--no-heartbeat] [--drop-acks]`;

function main(): void {
  if (values.help || (!values.all && !values.unit && !values.area)) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const dataDir = path.resolve(values['data-dir']);
  let devices;
  try {
    devices = readDemoDevices(dataDir);
  } catch (error) {
    console.error(`Cannot read ${path.join(dataDir, DEMO_DEVICES_FILE)}: ${String(error)}`);
    console.error('Start the server with DEMO=1 first (npm start), or pass --data-dir.');
    process.exit(1);
  }
  const chosen = devices.filter(
    (d) => values.all || values.unit?.includes(d.id) || d.areaId === values.area,
  );
  if (!chosen.length) {
    console.error('No demo unit matches.');
    process.exit(1);
  }
  const ackDelayMs = Number(values['ack-delay']);
  const stamp = () => new Date().toISOString().slice(11, 23);
  const sims = chosen.map((d) => {
    const say = (msg: string) => console.log(`[${stamp()}] ${d.id} (${d.areaId}) ${msg}`);
    return new SimulatedSiren({
      url: values.url,
      id: d.id,
      token: d.token,
      ackDelayMs: Number.isFinite(ackDelayMs) ? ackDelayMs : 0,
      dropAcks: values['drop-acks'],
      heartbeat: !values['no-heartbeat'],
    })
      .on((e) => {
        if (e.kind === 'open') say('connected');
        else if (e.kind === 'close') say(`closed ${e.code} ${e.reason}`);
        else say(`← ${JSON.stringify(e.command)}`);
      })
      .start();
  });
  console.log(`Running ${sims.length} unit(s) against ${values.url}. Ctrl-C to stop.`);
  process.on('SIGINT', () => {
    for (const s of sims) s.stop();
    setTimeout(() => process.exit(0), 100);
  });
}

main();
