import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeliveryRetry, NotificationDeliveryPage, Principal } from '@reform/contracts';
import { DeliveryRetrySchema, NotificationDeliveryPageSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { DeliveryIdPipe } from './dto/notification-ids.pipe';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { NotificationDeliveriesService } from './notification-deliveries.service';

/** The outbox: supervisors within their jurisdiction, admins all of it (they run the deployment's channels). */
@ApiTags('ops')
@ApiBearerAuth()
@Access({ roles: ['supervisor', 'admin'], scope: 'scoped' })
@Controller('ops/notifications')
export class NotificationDeliveriesController {
  constructor(private readonly deliveries: NotificationDeliveriesService) {}

  @Get()
  @ApiOperation({ summary: '通知投递 — each delivery on each channel to each person, newest first: pending, delivered or failed' })
  @Responds(200, NotificationDeliveryPageSchema, 'a page of deliveries')
  @Refuses(400)
  list(@Query() query: ListDeliveriesQuery, @CurrentUser() user: Principal): Promise<NotificationDeliveryPage> {
    return this.deliveries.list(query, user);
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: '立即重试 — sends a failed delivery again now (202: it is back to pending and on its way)' })
  @Responds(202, DeliveryRetrySchema, 'the retry is under way')
  @Refuses(404, 409, 503)
  retry(@Param('id', new DeliveryIdPipe()) id: string, @CurrentUser() user: Principal): Promise<DeliveryRetry> {
    return this.deliveries.retry(id, user);
  }
}
