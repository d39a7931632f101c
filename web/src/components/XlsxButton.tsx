import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';

/**
 * A download of an .xlsx the server builds (台账、汇总、考核、模板): a plain link, so the browser's own
 * download carries the session cookie and no file passes through script.
 */
export function XlsxButton({ href, children = '导出 Excel', ...rest }: ButtonProps & { href: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} {...rest}>
      {children}
    </Button>
  );
}
