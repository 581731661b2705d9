import { NOTIFY_CHANNELS, type NotifyChannel } from '@reform/contracts';
import { z } from 'zod';

const httpUrl = z
  .string()
  .url('expected an http(s) URL')
  .refine((text) => /^https?:\/\//.test(text), 'expected an http(s) URL');

/** The notification channels' environment variables, merged into the app's schema. */
export const NOTIFY_VARIABLES = {
  /** Where notifications go: any of inbox,email,wecom,webhook; unset, inbox (plus webhook when NOTIFY_WEBHOOK_URL is set). */
  NOTIFY_CHANNELS: z
    .string()
    .transform((text) => text.split(',').map((entry) => entry.trim()))
    .refine(
      (entries) => entries.every((entry) => (NOTIFY_CHANNELS as readonly string[]).includes(entry)),
      `expected a comma list of ${NOTIFY_CHANNELS.join(', ')}`,
    )
    .refine((entries) => new Set(entries).size === entries.length, 'expected each channel once')
    .optional(),
  NOTIFY_WEBHOOK_URL: httpUrl.optional(),
  /** The commission's mail server: smtp://user:pass@host:port, or smtps:// for TLS from the start. */
  SMTP_URL: z
    .string()
    .refine((text) => /^smtps?:\/\/[^/\s]+/.test(text), 'expected smtp://user:pass@host:port or smtps://user:pass@host:port')
    .optional(),
  NOTIFY_EMAIL_FROM: z.string().min(3).default('以案促改系统 <reform-noreply@localhost>'),
  /** 企业微信群机器人: the robot's webhook address (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…). */
  WECOM_ROBOT_URL: httpUrl.optional(),
  /** Where people open the console, for the links in e-mails and robot messages; unset, http://localhost:PORT. */
  CONSOLE_URL: httpUrl.optional(),
  /** The daily digest's time of day in TZ_BUSINESS (HH:mm); unset, no digest. */
  NOTIFY_DIGEST_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:mm, such as 08:30')
    .optional(),
};

export interface NotifySettings {
  channels: NotifyChannel[];
  webhookUrl?: string;
  smtpUrl?: string;
  emailFrom: string;
  wecomRobotUrl?: string;
  consoleUrl: string;
  digestAt?: { hour: number; minute: number };
}

interface NotifyValues {
  PORT: number;
  NOTIFY_CHANNELS?: string[];
  NOTIFY_WEBHOOK_URL?: string;
  SMTP_URL?: string;
  NOTIFY_EMAIL_FROM: string;
  WECOM_ROBOT_URL?: string;
  CONSOLE_URL?: string;
  NOTIFY_DIGEST_AT?: string;
}

const NEEDS: Record<Exclude<NotifyChannel, 'inbox'>, keyof NotifyValues> = {
  email: 'SMTP_URL',
  wecom: 'WECOM_ROBOT_URL',
  webhook: 'NOTIFY_WEBHOOK_URL',
};

/** Why these channels cannot work, or undefined: a channel without its address would fail every delivery. */
export function notifyProblem(values: NotifyValues): string | undefined {
  for (const channel of values.NOTIFY_CHANNELS ?? []) {
    if (channel === 'inbox') continue;
    const variable = NEEDS[channel as keyof typeof NEEDS];
    if (!values[variable]) return `NOTIFY_CHANNELS includes ${channel}, but ${variable} is not set`;
  }
  return undefined;
}

export function notifySettings(values: NotifyValues): NotifySettings {
  const channels = (values.NOTIFY_CHANNELS ?? (values.NOTIFY_WEBHOOK_URL ? ['inbox', 'webhook'] : ['inbox'])) as NotifyChannel[];
  const [hour, minute] = values.NOTIFY_DIGEST_AT?.split(':').map(Number) ?? [];
  return {
    channels,
    webhookUrl: values.NOTIFY_WEBHOOK_URL,
    smtpUrl: values.SMTP_URL,
    emailFrom: values.NOTIFY_EMAIL_FROM,
    wecomRobotUrl: values.WECOM_ROBOT_URL,
    consoleUrl: (values.CONSOLE_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ''),
    digestAt: values.NOTIFY_DIGEST_AT === undefined ? undefined : { hour, minute },
  };
}
