import { Select, Tag } from 'antd';
import type { ReportForm } from '../api';
import { periodTypeLabel } from '../labels';

export function FormSelect(props: {
  forms: ReportForm[] | null;
  value?: string;
  onChange(id: string): void;
  'data-testid'?: string;
}) {
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      loading={props.forms === null}
      placeholder="请选择报表"
      style={{ width: 260 }}
      showSearch
      optionFilterProp="label"
      notFoundContent="暂无可用报表"
      data-testid={props['data-testid']}
      options={(props.forms ?? []).map((f) => ({
        value: f.id,
        label: f.name,
        title: f.name,
      }))}
      optionRender={(o) => {
        const f = props.forms?.find((x) => x.id === o.value);
        return (
          <span>
            {f?.name}
            {f && (
              <Tag style={{ marginLeft: 8 }} bordered={false}>
                {periodTypeLabel[f.periodType]}
              </Tag>
            )}
          </span>
        );
      }}
    />
  );
}
