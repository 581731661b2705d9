import type { ClaimedDelivery } from '@reform/persistence';
import { permanently, postJson, SENT, type ChannelSender, type SendResult } from './delivery-attempt';

/** 企业微信 answers 200 with an errcode; this one means "too often", so it is worth another try. */
const RATE_LIMITED = 45009;

/** The markdown a group robot posts for one person: title, words, link, the person mentioned, the reference. */
export function wecomMarkdown(delivery: ClaimedDelivery, link: string): string {
  const { notification } = delivery;
  return [
    `**【以案促改】${notification.title}**`,
    `> ${notification.body}`,
    `[在系统中查看](${link})`,
    delivery.address ? `<@${delivery.address}>` : '',
    `<font color="comment">通知编号 ${notification.key}</font>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** 企业微信群机器人: a markdown message to WECOM_ROBOT_URL mentioning the recipient by wecomUserId. */
export class WecomSender implements ChannelSender {
  constructor(private readonly url: string) {}

  async send(delivery: ClaimedDelivery, link: string): Promise<SendResult> {
    if (!delivery.address) return permanently('未登记企业微信账号 (no wecomUserId in the people register)');
    const result = await postJson(this.url, { msgtype: 'markdown', markdown: { content: wecomMarkdown(delivery, link) } });
    if (!result.sent) return result;
    const answer = parseAnswer(result.text);
    if (answer === null || answer.errcode === 0) return SENT;
    const reason = `WeCom errcode ${answer.errcode}: ${answer.errmsg ?? ''}`.trim();
    return answer.errcode === RATE_LIMITED ? { sent: false, permanent: false, reason } : permanently(reason);
  }
}

function parseAnswer(text: string | undefined): { errcode: number; errmsg?: string } | null {
  try {
    const answer = JSON.parse(text ?? '');
    return typeof answer?.errcode === 'number' ? answer : null;
  } catch {
    return null;
  }
}
