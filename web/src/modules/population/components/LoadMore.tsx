import { Button, Typography } from 'antd';

/** 已显示 N 条 · 加载更多, under a list read page by page. */
export function LoadMore({
  shown,
  next,
  loading,
  onMore,
}: {
  shown: number;
  next: string | null;
  loading: boolean;
  onMore(): void;
}) {
  if (!shown) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 8 }}>
      <Typography.Text type="secondary" style={{ marginRight: 12 }}>
        已显示 {shown} 条
      </Typography.Text>
      {next && (
        <Button size="small" loading={loading} onClick={onMore} data-testid="load-more">
          加载更多
        </Button>
      )}
    </div>
  );
}
