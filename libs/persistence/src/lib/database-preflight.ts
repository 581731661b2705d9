import { Client } from 'pg';

/**
 * Tries the database for up to `waitMs`; answers null when it is reachable, or one line that
 * says why it is not (without the password).
 */
export async function databaseUnreachableReason(url: string, waitMs = 10_000): Promise<string | null> {
  const deadline = Date.now() + waitMs;
  let reason = 'not tried';
  while (Date.now() < deadline) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      reason = (error as Error).message || (error as { code?: string }).code || String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return `DATABASE_URL=${redactPassword(url)} is unreachable: ${reason}`;
}

export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
