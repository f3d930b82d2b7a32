import { Button, Result } from 'antd';
import { Link } from 'react-router';

export default function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请检查地址是否正确。"
      extra={
        <Link to="/households">
          <Button type="primary">返回档案列表</Button>
        </Link>
      }
    />
  );
}
