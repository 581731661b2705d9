import { Injectable } from '@nestjs/common';
import type { InboxPage, Principal } from '@reform/contracts';
import { InboxQueries } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { NotFoundError } from '../errors/not-found.error';
import type { ListInboxQuery } from './dto/list-inbox.query';

/** 通知 — the caller's inbox: whose notifications it holds AccessScope decides; read state is per person. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly inbox: InboxQueries,
    private readonly scope: AccessScope,
  ) {}

  async list(query: ListInboxQuery, user: Principal): Promise<InboxPage> {
    const audience = await this.scope.inboxOf(user);
    return this.inbox.list(audience, { unread: query.unread === 'true' }, { page: query.page, pageSize: query.pageSize });
  }

  /** Reading one again changes nothing; one the caller does not see answers 404 exactly like an unknown key. */
  async markRead(key: string, user: Principal): Promise<void> {
    if (!(await this.inbox.markRead(await this.scope.inboxOf(user), key))) throw new NotFoundError('notification', key);
  }

  async markAllRead(user: Principal): Promise<void> {
    await this.inbox.markAllRead(await this.scope.inboxOf(user));
  }
}
