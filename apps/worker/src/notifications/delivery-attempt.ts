import type { ClaimedDelivery } from '@reform/persistence';

/** How one send ended, as the channel saw it: done, refused for good, or worth another try. */
export type SendResult = { sent: true } | { sent: false; permanent: boolean; reason: string };

/** One channel's way of sending a claimed delivery. */
export interface ChannelSender {
  send(delivery: ClaimedDelivery, link: string): Promise<SendResult>;
}

export const SENT: SendResult = { sent: true };
export const permanently = (reason: string): SendResult => ({ sent: false, permanent: true, reason });
export const forNow = (reason: string): SendResult => ({ sent: false, permanent: false, reason });

/** Why a fetch or socket failed, with its cause (ECONNREFUSED and the like). */
export function failureReason(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

const SEND_TIMEOUT_MS = 10_000;

/**
 * POSTs JSON; a 2xx is sent, a 4xx other than 408/429 is refused for good (the receiver will not
 * change its mind), anything else — 5xx, a timeout, no connection — is tried again.
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<SendResult & { text?: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return { sent: true, text };
    const reason = `HTTP ${response.status} ${response.statusText}${text ? `: ${text.slice(0, 200)}` : ''}`.trim();
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    return { sent: false, permanent, reason };
  } catch (error) {
    return forNow(failureReason(error));
  }
}
