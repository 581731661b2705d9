/** Node's own codes for a connection refused, dropped or never made (to any backing service). */
const NETWORK_CODES: unknown[] = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE'];
/** PostgreSQL's own "not now": shutting down or starting up (57P01-03), too many connections (53300). */
const DATABASE_AWAY_CODES: unknown[] = ['57P01', '57P02', '57P03', '53300'];

/**
 * Whether something in the chain is a refused or dropped connection to PostgreSQL or another backing
 * service: the client may retry (503), and it is not the server's own fault. Temporal's failures are
 * translated by its façade, not here.
 */
export function isConnectionFailure(error: unknown): boolean {
  return causeChain(error).some((e) => {
    const code = (e as { code?: unknown }).code;
    return (
      NETWORK_CODES.includes(code) ||
      DATABASE_AWAY_CODES.includes(code) ||
      // SQLSTATE class 08: connection exception.
      /^08/.test(String(code)) ||
      /failed to connect|connection terminated/i.test(e.message)
    );
  });
}

/** The error and its causes, outermost first (at most ten, so a cyclic chain ends). */
export function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}
