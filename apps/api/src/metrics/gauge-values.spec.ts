import { gaugeValues } from './gauge-values';

describe('gaugeValues: the statement rows as series', () => {
  const values = gaugeValues([
    { gauge: 'open_by_status', key: 'ASSIGNED', value: 3 },
    { gauge: 'open_by_level', key: '0', value: 2 },
    { gauge: 'open_by_level', key: '2', value: 1 },
    { gauge: 'overdue', key: null, value: 1 },
    { gauge: 'approvals_past_sla', key: 'finding', value: 1 },
    { gauge: 'approvals_past_sla', key: 'recommendation', value: 0 },
    { gauge: 'deliveries_pending', key: 'email', value: 4 },
    { gauge: 'deliveries_failed', key: 'wecom', value: 2 },
    { gauge: 'oldest_pending_age_seconds', key: 'email', value: 90.5 },
  ]);

  it('reads every open status, channel and approval kind the rows leave out as 0', () => {
    expect(values.open_by_status).toEqual([
      { labels: { status: 'DRAFT' }, value: 0 },
      { labels: { status: 'ASSIGNED' }, value: 3 },
      { labels: { status: 'PLAN_SUBMITTED' }, value: 0 },
      { labels: { status: 'RECTIFYING' }, value: 0 },
      { labels: { status: 'REPORT_SUBMITTED' }, value: 0 },
    ]);
    expect(values.deliveries_failed).toEqual([
      { labels: { channel: 'inbox' }, value: 0 },
      { labels: { channel: 'email' }, value: 0 },
      { labels: { channel: 'wecom' }, value: 2 },
      { labels: { channel: 'webhook' }, value: 0 },
    ]);
    expect(values.oldest_pending_age_seconds).toContainEqual({ labels: { channel: 'email' }, value: 90.5 });
    expect(values.oldest_pending_age_seconds).toContainEqual({ labels: { channel: 'inbox' }, value: 0 });
  });

  it('keeps the levels that have findings, level 0 always', () => {
    expect(values.open_by_level).toEqual([
      { labels: { level: '0' }, value: 2 },
      { labels: { level: '2' }, value: 1 },
    ]);
    expect(gaugeValues([]).open_by_level).toEqual([{ labels: { level: '0' }, value: 0 }]);
  });

  it('gives an unlabelled gauge one series, 0 without a row', () => {
    expect(values.overdue).toEqual([{ labels: {}, value: 1 }]);
    expect(gaugeValues([]).overdue).toEqual([{ labels: {}, value: 0 }]);
  });
});
