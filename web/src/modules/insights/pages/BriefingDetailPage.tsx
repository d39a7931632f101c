import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../lib/format-time';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { BRIEFING_STATE_NAMES, briefingsApi } from '../briefings-api';
import { periodText } from '../briefing-periods';
import { BriefingFootnotes, BriefingText } from '../components/BriefingText';
import { useBriefing, useBriefingActions } from '../use-briefings';

/** One briefing: read it (numbers with their sources), edit the draft, issue it, earlier versions, Word, print. */
export default function BriefingDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const b = useBriefing(id);
  const { edit, issue } = useBriefingActions();
  const [version, setVersion] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ title: string; text: string } | null>(null);
  const old = useApiQuery(
    ['insights', 'briefings', 'version', id, version],
    (s) => briefingsApi.version(id, version!, s),
    undefined,
    {
      enabled: version !== null,
    },
  );
  if (b.error) return <ErrorAlert error={b.error} />;
  const d = b.data;
  if (!d) return <Card loading />;
  // Of its drafting office: sees the draft, edits and issues (others read what was issued).
  const writer = d.drafter;
  const shown = version !== null && old.data ? old.data : d;
  // The text shown: a version chosen, else the current one (the last issued when nothing changed since).
  const shownVersion = version ?? d.version ?? (d.state === 'issued' ? d.issuedVersion : null);
  const versions = [
    ...(writer ? [{ value: -1, label: d.state === 'draft' ? '当前草稿' : `当前（第${d.issuedVersion}版）` }] : []),
    ...d.versions.map((v) => ({
      value: v.version,
      label: `第${v.version}版 ${v.issuedBy} ${formatDate(v.issuedAt)}`,
    })),
  ];
  const save = () => draft && edit.mutate({ id, ...draft }, { onSuccess: () => setDraft(null) });
  return (
    <Card
      size="small"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('..')} aria-label="返回" />
          <span>{shown.title}</span>
          <Tag color={d.state === 'issued' ? 'green' : 'orange'}>{BRIEFING_STATE_NAMES[d.state]}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Select
            size="small"
            style={{ width: 210 }}
            value={version ?? (writer ? -1 : (d.version ?? undefined))}
            options={versions}
            onChange={(v) => setVersion(v === -1 ? null : v)}
            data-testid="briefing-version"
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={briefingsApi.docxUrl(id, shownVersion)}
            data-testid="briefing-docx"
          >
            下载Word
          </Button>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => navigate(`print${shownVersion ? `?version=${shownVersion}` : ''}`)}
          >
            打印
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="单位">{d.unit.name}</Descriptions.Item>
        <Descriptions.Item label="期间">{periodText(d.from, d.to)}</Descriptions.Item>
        <Descriptions.Item label="模板">{d.templateName}</Descriptions.Item>
        <Descriptions.Item label="数据统计时间">{formatDateTime(d.asOf)}</Descriptions.Item>
        <Descriptions.Item label="起草人">{d.createdBy}</Descriptions.Item>
        <Descriptions.Item label="签发">
          {d.issuedBy ? `${d.issuedBy}（第${d.issuedVersion}版）` : '未签发'}
        </Descriptions.Item>
      </Descriptions>
      {draft ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} maxLength={100} />
          <Input.TextArea
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            autoSize={{ minRows: 8, maxRows: 18 }}
            data-testid="briefing-edit-text"
          />
          <Typography.Text type="secondary">
            数字后的 [1] [2] 是注释标记：带标记的数字须与统计数据一致；自行改写数字时请一并删除其标记。
          </Typography.Text>
          {edit.error && <Alert type="error" showIcon message={errorText(edit.error)} />}
          <Space>
            <Button type="primary" loading={edit.isPending} onClick={save} data-testid="briefing-save">
              保存
            </Button>
            <Button onClick={() => setDraft(null)}>取消</Button>
          </Space>
        </Space>
      ) : (
        <BriefingText text={shown.text} figures={shown.figures} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        附注
      </Typography.Title>
      <BriefingFootnotes figures={shown.figures} />
      {writer && !draft && version === null && (
        <Space style={{ marginTop: 8 }}>
          <Button
            icon={<EditOutlined />}
            onClick={() => setDraft({ title: d.title, text: d.text })}
            data-testid="briefing-edit"
          >
            {d.state === 'issued' ? '修改（形成新版本）' : '编辑'}
          </Button>
          <Popconfirm
            title={`签发为第${d.issuedVersion + 1}版？签发后该版本不可更改。`}
            onConfirm={() => issue.mutate(id)}
            disabled={d.state === 'issued'}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={d.state === 'issued'}
              loading={issue.isPending}
              data-testid="briefing-issue"
            >
              签发
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}
