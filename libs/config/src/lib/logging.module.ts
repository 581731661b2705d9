import { LoggerModule } from 'nestjs-pino';
import { AppConfigService } from './app-config.module';

/** Structured logs; one readable line per entry outside production. */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfigService],
  useFactory: (config: AppConfigService) => ({
    pinoHttp: {
      level: config.values.LOG_LEVEL,
      autoLogging: { ignore: (req) => req.url === '/health' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(process.env['NODE_ENV'] === 'production'
        ? {}
        : {
            transport: {
              target: 'pino-pretty',
              options: { singleLine: true, colorize: false, ignore: 'pid,hostname,req,res', translateTime: 'SYS:HH:MM:ss.l' },
            },
          }),
    },
  }),
});
