import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import type { CasePage } from '../../../../../src/contracts/cases';
import { api } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';

/** 关联问题: search the ledger by number or words (under the campaign's scope) and link the one picked. */
export function LinkCaseSelect({
  scopeUnitId,
  onLink,
  busy,
}: {
  scopeUnitId: string;
  onLink(caseId: string): void;
  busy: boolean;
}) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string>();
  const found = useApiQuery<CasePage>(['cases', 'link-search', scopeUnitId, q], (signal) =>
    api.get<CasePage>('/cases', { unitId: scopeUnitId, limit: 20, ...(q ? { q } : {}) }, { signal }),
  );
  return (
    <Space.Compact style={{ width: 460 }}>
      <Select
        showSearch
        filterOption={false}
        value={picked}
        onSearch={setQ}
        onChange={setPicked}
        placeholder="输入问题编号或描述搜索"
        // minWidth 0: a long picked label must not push 关联问题 out of the card (and the page wider than 1366).
        style={{ flex: 1, minWidth: 0 }}
        loading={found.loading}
        options={(found.data?.items ?? []).map((c) => ({
          value: c.id,
          label: `${c.caseNumber} ${c.categoryName} ${c.description}`,
        }))}
        data-testid="link-case-select"
      />
      <Button
        type="primary"
        disabled={!picked}
        loading={busy}
        onClick={() => {
          if (!picked) return;
          onLink(picked);
          // Cleared once sent: the same case is not offered to be linked twice by a second click.
          setPicked(undefined);
        }}
        data-testid="link-case"
      >
        关联问题
      </Button>
    </Space.Compact>
  );
}
