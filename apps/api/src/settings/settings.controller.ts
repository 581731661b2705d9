import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfigService } from '@reform/config';
import type { ConsoleSettings } from '@reform/contracts';
import { ConsoleSettingsSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { Responds } from '../docs/responds.decorator';

/** What the console needs of the deployment before it shows a single date. */
@ApiTags('settings')
@Access({ scope: 'public' })
@Controller('settings')
export class SettingsController {
  constructor(private readonly config: AppConfigService) {}

  @Get()
  @ApiOperation({ summary: "The business time zone (TZ_BUSINESS) every date is shown and entered in, whatever the reader's own zone" })
  @Responds(200, ConsoleSettingsSchema, 'the settings')
  settings(): ConsoleSettings {
    const { timeZone, deadlineTime } = this.config.workingDays;
    return { timeZone, deadlineTime };
  }
}
