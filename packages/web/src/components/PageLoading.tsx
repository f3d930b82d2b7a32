import { Spin } from 'antd';

/** While the first page of a visit loads (session check, page code). */
export default function PageLoading() {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" tip="正在加载…">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}
