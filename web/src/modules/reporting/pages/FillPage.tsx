import { FileDoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Form, Select, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { FillResult, FillSheet } from '../components/FillSections';
import { FormSelect } from '../components/FormSelect';
import { deadlineText, periodLabel, periodTypeLabel } from '../labels';
import { useFill } from '../use-fill';
import '../reporting.css';
import { ErrorAlert } from '../../../components/ErrorAlert';

function pickerOf(form: { periodType: string } | undefined): 'date' | 'week' | 'month' {
  return form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date';
}

/** 报表填报: pick the form, unit and period, then report figures or a zero report. */
export default function FillPage() {
  const {
    canSubmit,
    forms,
    formsError,
    form,
    formId,
    setFormId,
    date,
    setDate,
    period,
    unitId,
    setUnitId,
    rows,
    rowsLoading,
    rowsError,
    row,
    existing,
    refresh,
    submitting,
    result,
    setResult,
    problems,
    topErrors,
    revised,
    antForm,
    figures,
    submit,
    reloadRevised,
  } = useFill();

  if (forms && forms.length === 0) {
    return (
      <Card title="报表填报" data-testid="reporting-fill-page">
        {formsError ? <ErrorAlert error={formsError} /> : <Empty description="暂无需要填报的报表" />}
      </Card>
    );
  }

  const unitOptions = (rows ?? []).map((r) => ({
    value: r.unitId,
    label: r.unitName,
    status: r.submitted > 0 ? 'done' : 'todo',
  }));

  return (
    <Card title="报表填报" data-testid="reporting-fill-page">
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Form.Item label="报表" style={{ marginBottom: 0 }}>
          <FormSelect forms={forms} value={formId} onChange={setFormId} data-testid="fill-form-select" />
        </Form.Item>
        <Form.Item
          label="报送单位"
          style={{ marginBottom: 0 }}
          validateStatus={topErrors.unitId ? 'error' : undefined}
          help={topErrors.unitId}
        >
          <Select
            value={unitId}
            onChange={setUnitId}
            loading={rowsLoading && rows === null}
            placeholder="请选择报送单位"
            style={{ width: 240 }}
            showSearch
            optionFilterProp="label"
            notFoundContent="本期没有需要报送的单位"
            options={unitOptions}
            optionRender={(o) => (
              <span>
                {o.label}
                {o.data.status === 'done' ? (
                  <Tag color="success" style={{ marginLeft: 8 }}>
                    已报
                  </Tag>
                ) : (
                  <Tag style={{ marginLeft: 8 }}>未报</Tag>
                )}
              </span>
            )}
            data-testid="fill-unit-select"
          />
        </Form.Item>
        <Form.Item
          label={form ? `报告期（${periodTypeLabel[form.periodType]}）` : '报告期'}
          style={{ marginBottom: 0 }}
          validateStatus={topErrors.period ? 'error' : undefined}
          help={topErrors.period}
        >
          <DatePicker
            picker={pickerOf(form)}
            value={date}
            allowClear={false}
            onChange={(d) => d && setDate(d)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="fill-period"
          />
        </Form.Item>
        <Button icon={<ReloadOutlined />} onClick={() => void refresh()}>
          刷新
        </Button>
      </Space>

      {form && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }} data-testid="fill-form-info">
          <Descriptions.Item label="报告期">
            <span data-testid="fill-period-label">{period ? periodLabel(period) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="截止时间">{deadlineText(form)}</Descriptions.Item>
          <Descriptions.Item label="版本">第 {form.version} 版</Descriptions.Item>
        </Descriptions>
      )}

      {!canSubmit && (
        <Alert type="info" showIcon message="您只有查看权限，不能报送报表。" style={{ marginBottom: 12 }} />
      )}
      {formsError ? <ErrorAlert error={formsError} style={{ marginBottom: 12 }} /> : null}
      {rowsError && <ErrorAlert error={rowsError} style={{ marginBottom: 12 }} />}
      {revised && (
        <Alert
          type="warning"
          showIcon
          data-testid="fill-form-revised"
          message="该报表已发布新版本"
          description="您填写时报表的字段有调整，本次内容未保存。请重新加载报表后再填写。"
          action={
            <Button size="small" type="primary" onClick={() => void reloadRevised()}>
              重新加载报表
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {rows && rows.length === 0 && !rowsError && (
        <Alert
          type="info"
          showIcon
          message="本期没有需要您报送此报表的单位"
          description="该报表由其他单位报送，或所选报告期内本单位不在报送范围内。"
          style={{ marginBottom: 12 }}
          data-testid="fill-not-expected"
        />
      )}
      {row && existing && !result && (
        <Alert
          type="info"
          showIcon
          icon={<FileDoneOutlined />}
          data-testid="fill-existing"
          message={`${row.unitName}${period ? ` ${periodLabel(period)}` : ''}已报送${row.zero > 0 ? '（零报告）' : ''}${row.late > 0 ? '，迟报' : ''}`}
          description="再次提交将更正已报送的报告，原数据和修改人会保留在修改记录中。"
          style={{ marginBottom: 12 }}
        />
      )}
      {row && !existing && !result && (
        <Alert
          type="warning"
          showIcon
          data-testid="fill-pending"
          message={`${row.unitName}${period ? ` ${periodLabel(period)}` : ''}尚未报送`}
          style={{ marginBottom: 12 }}
        />
      )}

      {result && <FillResult result={result} onCorrect={() => setResult(null)} />}

      <Spin spinning={!forms || (rowsLoading && rows === null)}>
        {form && !result && rows && rows.length > 0 && (
          <FillSheet
            form={form}
            antForm={antForm}
            period={period}
            canSubmit={canSubmit}
            unitId={unitId}
            existing={existing}
            submitting={submitting}
            problems={problems}
            figures={figures}
            onSubmit={(zero) => void submit(zero)}
          />
        )}
      </Spin>
    </Card>
  );
}
