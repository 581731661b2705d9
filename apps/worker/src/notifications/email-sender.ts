import type { ClaimedDelivery } from '@reform/persistence';
import { createTransport, type Transporter } from 'nodemailer';
import { failureReason, forNow, permanently, SENT, type ChannelSender, type SendResult } from './delivery-attempt';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps:// (TLS from the start), with timeouts. */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  };
}

/** Message-ID from the notification and the person, so a resent mail can be told for the same one. */
export function messageId(delivery: ClaimedDelivery): string {
  const local = `${delivery.notification.key}.${delivery.personId ?? 'nobody'}`.replace(/[^A-Za-z0-9.-]/g, '.');
  return `<${local}@reform.notifications>`;
}

/** The mail for one person: Chinese subject, plain text and HTML, the link to the console. */
export function emailMessage(delivery: ClaimedDelivery, link: string, from: string) {
  const { notification } = delivery;
  const name = notification.recipients.find((person) => person.personId === delivery.personId)?.name;
  const greeting = name ? `${name}同志：` : '您好：';
  const text = `${greeting}\n\n${notification.body}\n\n在系统中查看：${link}\n\n通知编号 ${notification.key}\n（本邮件由以案促改系统自动发送，请勿直接回复。）`;
  const html =
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(notification.body)}</p>` +
    `<p><a href="${escapeHtml(link)}">在系统中查看</a></p>` +
    `<p style="color:#666;font-size:12px">通知编号 ${escapeHtml(notification.key)}<br>本邮件由以案促改系统自动发送，请勿直接回复。</p>`;
  return {
    from,
    to: delivery.address ?? undefined,
    subject: `【以案促改】${notification.title}`,
    text,
    html,
    messageId: messageId(delivery),
    headers: { 'X-Reform-Notification': notification.key },
  };
}

/**
 * E-mail over SMTP_URL. A 5xx from the server (an address refused, say) is final; a 4xx, a lost
 * connection or a timeout is tried again.
 */
export class EmailSender implements ChannelSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpOptions(smtpUrl));
  }

  async send(delivery: ClaimedDelivery, link: string): Promise<SendResult> {
    if (!delivery.address) return permanently('未登记电子邮箱 (no e-mail address in the people register)');
    try {
      await this.transport.sendMail(emailMessage(delivery, link, this.from));
      return SENT;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const reason = failureReason(error);
      return code !== undefined && code >= 500 && code < 600 ? permanently(reason) : forNow(reason);
    }
  }

  close(): void {
    this.transport.close();
  }
}
