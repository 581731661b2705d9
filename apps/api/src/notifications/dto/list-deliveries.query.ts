import { ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, NOTIFY_CHANNELS, type DeliveryStatus, type NotifyChannel } from '@reform/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../validation/page.query';

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: NOTIFY_CHANNELS })
  @IsOptional()
  @IsIn(NOTIFY_CHANNELS, { message: `channel must be one of ${NOTIFY_CHANNELS.join(', ')}` })
  channel?: NotifyChannel;
}
