import { ConfigError, describeConfig, loadConfig } from './config.js';
import { startServer } from './server.js';
import { DEMO_PASSWORD } from '../shared/demo-city.js';

/** Entry point: `npm start` runs this with DEMO=1 unless told otherwise. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ DEMO: '1', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(config).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  // A browser treats localhost as a secure origin (service worker, geolocation); 127.0.0.1 too,
  // but people type and bookmark localhost.
  const shown = running.url.replace('//127.0.0.1:', '//localhost:');
  console.log(`SAC is serving ${shown}  (${describeConfig(config)})`);
  if (config.DEMO) {
    console.log(
      `Demo accounts (password ${DEMO_PASSWORD}): residents vecino1…vecino120 (three per neighbourhood), officers oficial1…oficial20, operators operador1…operador3, admin, analyst analista1`,
    );
  }
  const stop = (signal: string) => {
    console.log(`${signal}: flushing and closing`);
    const started = performance.now();
    void running.close().then(() => {
      console.log(`closed in ${Math.round(performance.now() - started)} ms`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
