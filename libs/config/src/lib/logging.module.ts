import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfigService } from './app-config.module';

/** A caller's X-Request-Id is kept when it is a short plain token, so logs join up across services. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Anything shaped like a JWT (three base64url parts, the first a JSON header). */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/**
 * Every request gets an id, echoed in the X-Request-Id response header and on each of its log lines:
 * with tracing on, its trace id (the HTTP instrumentation's span is active here), so a log line
 * leads to its trace; without, the caller's X-Request-Id or a new UUID.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = traceId() ?? (typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID());
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The active span's trace id; none while tracing is off (the API's no-op has no active span). */
function traceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}

/** Tokens never reach the log: not from the Authorization header, nor pasted into a URL. */
export function withoutTokens(text: string): string {
  return text.replace(JWT_LIKE, '[redacted]');
}

/** The serialised request (pino's std serializer has run) with tokens cut out of its URL and query. */
function requestWithoutTokens(req: { url?: unknown; query?: unknown }): object {
  const url = typeof req.url === 'string' ? withoutTokens(req.url) : req.url;
  const query = req.query === undefined ? undefined : (JSON.parse(withoutTokens(JSON.stringify(req.query))) as unknown);
  return { ...req, url, query };
}

/**
 * pino-http options: request and user ids on every request's lines, credentials redacted; one
 * readable line per entry outside production (`pretty`), JSON in production.
 */
export function pinoHttpOptions(level: string, pretty: boolean): Options {
  return {
    level,
    genReqId: requestId,
    // Every line logged while serving a request carries its id (not the whole request again).
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    // Evaluated again when the response is logged, by which time the auth guard has set req.user.
    customProps: (req) => ({ userId: (req as { user?: { id?: string } }).user?.id }),
    autoLogging: { ignore: (req) => req.url === '/health' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["proxy-authorization"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: { req: requestWithoutTokens },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { singleLine: true, colorize: false, ignore: 'pid,hostname,req,res', translateTime: 'SYS:HH:MM:ss.l' },
          },
        }
      : {}),
  };
}

/** Structured logs; one readable line per entry outside production. */
export const LoggingModule = LoggerModule.forRootAsync({
  imports: [],
  providers: [],
  inject: [AppConfigService],
  useFactory: (config: AppConfigService) => ({
    pinoHttp: pinoHttpOptions(config.values.LOG_LEVEL, process.env['NODE_ENV'] !== 'production'),
  }),
});
