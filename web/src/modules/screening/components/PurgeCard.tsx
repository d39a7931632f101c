import { App, Alert, Button, Descriptions, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { screeningApi, SCR, type Campaign, type PurgeRecordView } from '../api';

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, n]) => `${k} ${n}`)
    .join('，') || '—';

/** 结束与清除: close the campaign, purge its personal data, and the signed record that stays. */
export function PurgeCard({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState('');
  const record = useApiQuery(
    [SCR, 'purge-record', campaign.id],
    (s) => screeningApi.purgeRecord(campaign.id, s),
    undefined,
    {
      enabled: campaign.status === 'purged',
    },
  );
  const close = async () => {
    try {
      await screeningApi.close(campaign.id);
      message.success('排查已结束');
      await invalidate([SCR]);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const purge = async () => {
    try {
      await screeningApi.purge(campaign.id, name);
      message.success('个人信息已清除，统计与签名记录已留存');
      setConfirming(false);
      setName('');
      await invalidate([SCR]);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  if (campaign.status === 'purged')
    return (
      <>
        <ErrorAlert error={record.error} />
        {record.data && <RecordView view={record.data} />}
      </>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>
        排查结束后，应及时清除排查对象的个人信息（姓名、身份证号、电话、住址、各字段填写内容及协查说明），仅留存按社区、来源和核查结果的统计数，以及一份经服务器密钥签名的清除记录（个人信息保护法）。
      </Typography.Paragraph>
      {!campaign.canManage ? (
        <Alert type="info" showIcon message="本次排查由上级开启，结束与清除由开启单位办理。" />
      ) : campaign.status === 'open' ? (
        <Popconfirm title="结束后不能再登记或答复，确定结束？" onConfirm={close} okText="结束" cancelText="取消">
          <Button data-testid="scr-close">结束排查</Button>
        </Popconfirm>
      ) : (
        <Button danger onClick={() => setConfirming(true)} data-testid="scr-purge">
          清除个人信息
        </Button>
      )}
      <Modal
        open={confirming}
        title="清除个人信息"
        okText="清除"
        okButtonProps={{ danger: true, disabled: name.trim() !== campaign.name }}
        onOk={purge}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          将删除「{campaign.name}」的 {campaign.counts.entries} 名排查对象和 {campaign.counts.checks}{' '}
          条协查的个人信息，且不可恢复。请输入排查名单名称确认：
        </Typography.Paragraph>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={campaign.name}
          data-testid="scr-purge-name"
        />
      </Modal>
    </Space>
  );
}

function RecordView({ view }: { view: PurgeRecordView }) {
  const r = view.record;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="scr-purge-record">
      {view.verified ? (
        <Alert type="success" showIcon message="签名校验通过：清除记录自签名以来未被改动" />
      ) : (
        <Alert type="error" showIcon message="签名校验未通过：清除记录已被改动，或服务器密钥已更换" />
      )}
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="排查名单">{r.campaign.name}</Descriptions.Item>
        <Descriptions.Item label="范围">
          {r.campaign.scopeUnit}（{r.campaign.startsOn} 至 {r.campaign.endsOn}）
        </Descriptions.Item>
        <Descriptions.Item label="清除人">{r.purgedBy.name}</Descriptions.Item>
        <Descriptions.Item label="清除时间">{formatDateTime(r.purgedAt)}</Descriptions.Item>
        <Descriptions.Item label="已清除" span={2}>
          排查对象 {r.purged.entries} 人（上报 {r.purged.reports} 次），协查 {r.purged.checks} 条；清除项：
          {r.purged.fields.map((f) => (
            <Tag key={f}>{f}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="按社区" span={2}>
          {counts(r.counts.entriesByCommunity)}
        </Descriptions.Item>
        <Descriptions.Item label="按来源" span={2}>
          {counts(r.counts.entriesBySource)}
        </Descriptions.Item>
        <Descriptions.Item label="协查结果" span={2}>
          {counts(r.counts.checksByStatus)}；其中超时 {r.counts.checksOverdue} 条
        </Descriptions.Item>
        <Descriptions.Item label="签名（HMAC-SHA256）" span={2}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {view.signature}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
