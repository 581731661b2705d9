import { Injectable } from '@nestjs/common';
import type { DeliveryRetry, NotificationDeliveryPage, Principal } from '@reform/contracts';
import { DeliveryQueries } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { NotFoundError } from '../errors/not-found.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import type { ListDeliveriesQuery } from './dto/list-deliveries.query';

/** The outbox for operators: every delivery beyond and within the inbox, and "retry now" for a failed one. */
@Injectable()
export class NotificationDeliveriesService {
  constructor(
    private readonly deliveries: DeliveryQueries,
    private readonly scope: AccessScope,
    private readonly workflows: ReformWorkflows,
  ) {}

  async list(query: ListDeliveriesQuery, user: Principal): Promise<NotificationDeliveryPage> {
    const filter = { status: query.status, channel: query.channel, within: await this.scope.deliveriesOf(user) };
    return this.deliveries.list(filter, { page: query.page, pageSize: query.pageSize });
  }

  /**
   * Only a failed delivery is retried; the workflow's activity puts it back to pending and sends it,
   * so the row is not written here. Outside the jurisdiction it answers 404 like an unknown id.
   */
  async retry(id: string, user: Principal): Promise<DeliveryRetry> {
    const delivery = await this.deliveries.get(id, await this.scope.deliveriesOf(user));
    if (!delivery) throw new NotFoundError('delivery', id);
    if (delivery.status !== 'failed') {
      throw new StepConflictError(`only a failed delivery can be retried; this one is ${delivery.status}`, delivery.status);
    }
    await this.workflows.retryDelivery(delivery.id);
    return { id: delivery.id, status: 'pending' };
  }
}
