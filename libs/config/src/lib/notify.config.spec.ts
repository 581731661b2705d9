import { loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/db' };

describe('notification channels', () => {
  it('defaults to the inbox, plus the webhook when NOTIFY_WEBHOOK_URL is set', () => {
    expect(loadConfig(base).notify).toMatchObject({ channels: ['inbox'], consoleUrl: 'http://localhost:3000', digestAt: undefined });
    expect(loadConfig({ ...base, NOTIFY_WEBHOOK_URL: 'http://hooks.example/n' }).notify.channels).toEqual(['inbox', 'webhook']);
  });

  it('takes every channel NOTIFY_CHANNELS names, with the address each needs', () => {
    const notify = loadConfig({
      ...base,
      NOTIFY_CHANNELS: 'inbox, email,wecom',
      SMTP_URL: 'smtps://jw:secret@mail.example.gov.cn:465',
      WECOM_ROBOT_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      CONSOLE_URL: 'https://zg.example.gov.cn/',
      NOTIFY_DIGEST_AT: '08:30',
    }).notify;
    expect(notify).toMatchObject({
      channels: ['inbox', 'email', 'wecom'],
      smtpUrl: 'smtps://jw:secret@mail.example.gov.cn:465',
      consoleUrl: 'https://zg.example.gov.cn',
      digestAt: { hour: 8, minute: 30 },
    });
  });

  it.each([
    [{ NOTIFY_CHANNELS: 'inbox,sms' }, /^NOTIFY_CHANNELS="inbox,sms": expected a comma list of inbox, email, wecom, webhook/],
    [{ NOTIFY_CHANNELS: 'inbox,inbox' }, /^NOTIFY_CHANNELS="inbox,inbox": expected each channel once/],
    [{ NOTIFY_CHANNELS: 'email' }, /^NOTIFY_CHANNELS includes email, but SMTP_URL is not set/],
    [{ NOTIFY_CHANNELS: 'wecom' }, /^NOTIFY_CHANNELS includes wecom, but WECOM_ROBOT_URL is not set/],
    [{ NOTIFY_CHANNELS: 'webhook' }, /^NOTIFY_CHANNELS includes webhook, but NOTIFY_WEBHOOK_URL is not set/],
    [{ SMTP_URL: 'mail.example.gov.cn' }, /^SMTP_URL="mail.example.gov.cn": expected smtp:\/\/user:pass@host:port/],
    [{ WECOM_ROBOT_URL: 'ftp://x' }, /^WECOM_ROBOT_URL="ftp:\/\/x": expected an http\(s\) URL/],
    [{ NOTIFY_DIGEST_AT: '8:30' }, /^NOTIFY_DIGEST_AT="8:30": expected a time of day as HH:mm/],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });
});
