import { createServer } from 'node:net';

/**
 * Ports freePort tries: below Linux's default ephemeral range (32768-60999), from which the system gives outgoing
 * connections their local ports. A port picked there (as `listen(0)` does) could be taken by any connection before
 * the ring's master listened on it again: tests running in parallel met EADDRINUSE that way.
 */
const FIRST_PORT = 20_000;
const PORTS = 12_000;

/** A TCP port that was free a moment ago on loopback (one at random below the ephemeral range, else any). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIRST_PORT + Math.floor(Math.random() * PORTS);
    if (await canListen(port)) return port;
  }
  return listenAnywhere();
}

function canListen(port: number): Promise<boolean> {
  const s = createServer();
  return new Promise((resolve) => {
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function listenAnywhere(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}
