import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Card, Empty, Input, Space, Spin, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { orgApi, type Unit } from '../api';
import type { UnitTree } from '../use-unit-tree';
import { UnitKindTag } from '../../../components/UnitKindTag';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  tree: UnitTree;
  selectedId: string | null;
  expandedKeys: string[];
  onExpandedKeysChange(keys: string[]): void;
  onSelect(id: string): void;
  /** Jump to a unit found by the search box. */
  onSearchPick(id: string): void;
  includeRetired: boolean;
  onIncludeRetiredChange(v: boolean): void;
  height: number;
}

export function UnitTreePanel(props: Props) {
  const { tree, selectedId, expandedKeys } = props;
  const treeRef = useRef<{
    scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto'; offset?: number }) => void;
  }>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Unit[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setHits([]);
      return;
    }
    const t = setTimeout(() => {
      setSearching(true);
      orgApi
        .listUnits({ q: term, includeRetired: props.includeRetired })
        .then((r) => setHits(r.items.slice(0, 30)))
        .catch(() => setHits([]))
        .finally(() => setSearching(false));
    }, 250);
    return () => clearTimeout(t);
  }, [q, props.includeRetired]);

  // Keep the selected node in view after it was revealed programmatically.
  useEffect(() => {
    if (!selectedId) return;
    const t = setTimeout(() => treeRef.current?.scrollTo({ key: selectedId, align: 'auto', offset: 40 }), 60);
    return () => clearTimeout(t);
  }, [selectedId, tree.children]);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const build = (id: string): TreeDataNode | null => {
      const u = tree.units[id];
      if (!u) return null;
      const kids = tree.children[id];
      return {
        key: id,
        isLeaf: u.childCount === 0 && !(kids && kids.length),
        title: (
          <span
            className={u.status === 'retired' ? 'cg-unit-node cg-retired' : 'cg-unit-node'}
            data-testid="unit-tree-node"
            data-unit-id={u.id}
            title={u.code ? `${u.name}（${u.code}）` : u.name}
          >
            <UnitKindTag kind={u.kind} />
            <span className="cg-unit-node-name">{u.name}</span>
            {u.status === 'retired' && (
              <Tag bordered={false} style={{ marginInlineStart: 6 }}>
                已撤销
              </Tag>
            )}
          </span>
        ),
        children: kids ? (kids.map((c) => build(c)).filter(Boolean) as TreeDataNode[]) : undefined,
      };
    };
    return (tree.roots ?? []).map((r) => build(r)).filter(Boolean) as TreeDataNode[];
  }, [tree.units, tree.children, tree.roots]);

  return (
    <Card
      title="组织机构"
      size="small"
      data-testid="unit-tree-card"
      extra={
        <Space size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            含已撤销
          </Typography.Text>
          <Switch
            size="small"
            checked={props.includeRetired}
            onChange={props.onIncludeRetiredChange}
            data-testid="unit-include-retired"
          />
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <AutoComplete
        style={{ width: '100%', marginBottom: 10 }}
        value={q}
        onChange={setQ}
        onSelect={(id: string) => {
          setQ('');
          setHits([]);
          props.onSearchPick(id);
        }}
        options={hits.map((u) => ({
          value: u.id,
          label: (
            <span className={u.status === 'retired' ? 'cg-retired' : undefined}>
              <UnitKindTag kind={u.kind} />
              {u.name}
              {u.code && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  {u.code}
                </Typography.Text>
              )}
            </span>
          ),
        }))}
        notFoundContent={q.trim() && !searching ? '没有匹配的单位' : null}
        popupMatchSelectWidth={320}
      >
        <Input prefix={<SearchOutlined />} placeholder="搜索单位名称或代码" allowClear data-testid="unit-search" />
      </AutoComplete>
      {tree.error != null && <ErrorAlert error={tree.error} style={{ marginBottom: 8 }} />}
      {tree.roots === null ? (
        <div style={{ textAlign: 'center', padding: 40 }}>
          <Spin />
        </div>
      ) : treeData.length === 0 ? (
        <Empty description="没有可查看的单位" />
      ) : (
        <div data-testid="unit-tree" className="cg-unit-tree">
          <Tree
            ref={treeRef as never}
            blockNode
            showLine={{ showLeafIcon: false }}
            height={props.height}
            treeData={treeData}
            expandedKeys={expandedKeys}
            loadedKeys={Object.keys(tree.children)}
            selectedKeys={selectedId ? [selectedId] : []}
            onExpand={(keys) => props.onExpandedKeysChange(keys as string[])}
            onSelect={(_keys, info) => props.onSelect(info.node.key as string)}
            loadData={async (node) => {
              await tree.loadChildren(node.key as string).catch(() => undefined);
            }}
          />
        </div>
      )}
    </Card>
  );
}
