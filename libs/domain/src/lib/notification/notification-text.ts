import type { Notification, NotificationContext, NotificationText } from '@reform/contracts';

/** 2026年12月3日 18:00, on the wall clock of the commission (TZ_BUSINESS). */
export function businessTime(iso: unknown, timeZone: string): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return '（未定）';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}年${parts['month']}月${parts['day']}日 ${parts['hour']}:${parts['minute']}`;
}

/** The Chinese title and body of a notification, from what it says and what it concerns. */
export function notificationText(notification: Notification, context: NotificationContext, timeZone: string): NotificationText {
  const data = notification.data;
  const time = (value: unknown) => businessTime(value, timeZone);
  const unit = context.unitName ?? context.unitId ?? '';
  const finding = `“${context.findingTitle ?? ''}”${context.caseCode ? `（${context.caseCode}）` : ''}`;
  const recommendation = `${context.recommendationTitle ?? '纪检监察建议书'}${context.docNo ? `（${context.docNo}）` : ''}`;
  switch (notification.kind) {
    case 'REMINDER':
      return notification.findingId === null
        ? {
            title: `建议书回复时限提醒：${recommendation}`,
            body: `${unit}：${recommendation}的书面回复时限为 ${time(data['replyDueAt'])}，请按期回复。`,
          }
        : {
            title: `整改时限提醒：${context.findingTitle}`,
            body: `${unit}：问题${finding}的整改时限为 ${time(data['dueAt'])}，请按期完成整改并提交整改报告。`,
          };
    case 'PLAN_OVERDUE_NOTICE':
      return {
        title: `整改方案逾期：${context.findingTitle}`,
        body: `${unit}：问题${finding}的整改方案应于 ${time(data['planDueAt'])} 前提交，至今未交，请尽快提交。`,
      };
    case 'SUPERVISION_NOTICE':
      return {
        title: `督办通知：${context.findingTitle}`,
        body: `${unit}：问题${finding}已超过整改时限（${time(data['dueAt'])}）仍未完成，现予督办，请立即整改并报告。`,
      };
    case 'INTERVIEW_NOTICE':
      return { title: `约谈通知：${context.findingTitle}`, body: `${unit}：问题${finding}经督办仍未整改，拟约谈单位负责人，请做好准备。` };
    case 'ACCOUNTABILITY_PROPOSED':
      return {
        title: `问责建议待审批：${context.findingTitle}`,
        body: `${unit}的问题${finding}经督办、约谈仍未整改，建议启动问责，请审批。`,
      };
    case 'APPROVAL_OVERDUE':
      return {
        title: `审批超时：${context.findingTitle}`,
        body: `${unit}的问题${finding}有待审批事项，自 ${time(data['since'])} 起已超过审批时限，请尽快处理。`,
      };
    case 'FOLLOW_UP_DUE':
      return { title: `回头看到期：${context.findingTitle}`, body: `${unit}的问题${finding}已整改销号，回头看期限已到，请组织回头看。` };
    case 'RECOMMENDATION_ISSUED':
      return {
        title: `纪检监察建议书：${recommendation}`,
        body: `${unit}：${recommendation}已印发，请于 ${time(data['receiptDueAt'])} 前签收，并于 ${time(data['replyDueAt'])} 前书面回复。`,
      };
    case 'RECEIPT_OVERDUE':
      return {
        title: `建议书逾期未签收：${recommendation}`,
        body: `${unit}未在 ${time(data['receiptDueAt'])} 前签收${recommendation}，请督促签收。`,
      };
    case 'REPLY_OVERDUE':
      return {
        title: `建议书逾期未回复：${recommendation}`,
        body: `${unit}未在 ${time(data['replyDueAt'])} 前书面回复${recommendation}，请督促回复。`,
      };
    case 'INTERVIEW_SCHEDULED': {
      const interviewee = data['interviewee'] as { name?: string } | undefined;
      return {
        title: `${data['moved'] ? '约谈时间调整' : '约谈安排'}：${unit}`,
        body: `${unit}：定于 ${time(data['scheduledAt'])} 约谈，约谈人 ${String(data['interviewer'] ?? '')}，约谈对象 ${interviewee?.name ?? ''}。`,
      };
    }
    case 'INTERVIEW_OVERDUE':
      return { title: `约谈逾期未开展：${unit}`, body: `对${unit}的约谈应于 ${time(data['dueAt'])} 前开展，至今未开展，请尽快安排。` };
    case 'DAILY_DIGEST':
      return { title: String(data['title'] ?? '每日待办'), body: String(data['body'] ?? '') };
  }
}

/** Where in the console a notification is read: its interview, finding or recommendation, else the inbox. */
export function notificationPath(about: { interviewId: string | null; findingId: string | null; recommendationId: string | null }): string {
  if (about.interviewId) return `/interviews/${about.interviewId}`;
  if (about.findingId) return `/findings/${about.findingId}`;
  if (about.recommendationId) return `/recommendations/${about.recommendationId}`;
  return '/inbox';
}
