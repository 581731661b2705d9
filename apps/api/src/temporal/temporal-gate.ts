import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';

/** How long one probe may take, and how long a good answer is trusted. */
const PROBE_MS = 1500;
const TRUSTED_MS = 3000;

/**
 * Refuses commands at once (503, Retry-After) while Temporal is unreachable, instead of letting
 * the client retry each one for ~20 s first. A command sent while Temporal answered still gets the
 * client's own retries, so a short blip in the middle of a step does not fail it.
 */
@Injectable()
export class TemporalGate {
  private trustedUntil = 0;
  private probing?: Promise<boolean>;

  constructor(private readonly client: Client) {}

  async ensureReachable(): Promise<void> {
    if (Date.now() < this.trustedUntil) return;
    this.probing ??= this.probe().finally(() => (this.probing = undefined));
    if (!(await this.probing)) throw new TemporalUnavailableError();
  }

  /** A command found Temporal away: the next one probes again before it is sent. */
  distrust(): void {
    this.trustedUntil = 0;
  }

  private async probe(): Promise<boolean> {
    try {
      await this.client.connection.withDeadline(Date.now() + PROBE_MS, () => this.client.workflowService.getSystemInfo({}));
      this.trustedUntil = Date.now() + TRUSTED_MS;
      return true;
    } catch {
      return false;
    }
  }
}
