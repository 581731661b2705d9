import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InboxPage, Principal } from '@reform/contracts';
import { InboxPageSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds, RespondsEmpty } from '../docs/responds.decorator';
import { ListInboxQuery } from './dto/list-inbox.query';
import { NotificationKeyPipe } from './dto/notification-ids.pipe';
import { NotificationsService } from './notifications.service';

/** Everyone signed in has an inbox: what is addressed to them, their unit's, or awaits their decision. */
const READERS = ['officer', 'supervisor', 'unit', 'auditor', 'admin'] as const;

/** 通知 — the caller's own notifications, in Chinese, with read state per person. */
@ApiTags('notifications')
@ApiBearerAuth()
@Access({ roles: [...READERS], scope: 'scoped' })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary:
      'the caller’s notifications, newest first: to them, to their unit (a unit user), awaiting a decision in the jurisdiction (a supervisor)',
  })
  @Responds(200, InboxPageSchema, 'a page of notifications, and how many are unread')
  @Refuses(400)
  list(@Query() query: ListInboxQuery, @CurrentUser() user: Principal): Promise<InboxPage> {
    return this.notifications.list(query, user);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '全部标为已读 — marks every notification the caller sees read' })
  @RespondsEmpty('all read')
  readAll(@CurrentUser() user: Principal): Promise<void> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '标为已读 — marks one read for the caller (again: no change)' })
  @RespondsEmpty('read')
  @Refuses(404)
  read(@Param('id', new NotificationKeyPipe()) id: string, @CurrentUser() user: Principal): Promise<void> {
    return this.notifications.markRead(id, user);
  }
}
