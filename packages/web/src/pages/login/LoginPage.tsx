import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { getSession, login } from '../../api/session';
import { errorMessage, isApiError } from '../../api/request';
import Logo from '../../components/Logo';
import { OWNER_NAME, SYSTEM_NAME } from '../../lib/format';
import { safeRedirect } from '../../lib/navigation';
import './login.css';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = safeRedirect(params.get('redirect'));

  // Already signed in (a second tab, the back button): go straight on.
  useEffect(() => {
    const ctrl = new AbortController();
    getSession(ctrl.signal).then(
      () => navigate(target, { replace: true }),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [navigate, target]);

  async function onFinish(values: LoginValues) {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (e) {
      setError(isApiError(e, 'INVALID_CREDENTIALS') ? '用户名或密码错误，请重新输入' : errorMessage(e));
      form.setFieldValue('password', '');
      form.getFieldInstance('password')?.focus?.();
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-banner">
        <Logo size={44} />
        <div>
          <h1 className="login-title">{SYSTEM_NAME}</h1>
          <div className="login-owner">{OWNER_NAME}</div>
        </div>
      </div>
      <main className="login-card">
        <h2 className="login-card-title">用户登录</h2>
        {params.get('redirect') && !error && <Alert type="info" showIcon message="请先登录，登录后将回到您要访问的页面。" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginValues> form={form} name="login" layout="vertical" requiredMark={false} onFinish={onFinish} size="large" autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button id="login_submit" type="primary" htmlType="submit" block loading={submitting}>
              登 录
            </Button>
          </Form.Item>
        </Form>
        <p className="login-hint">账号由上级工会分配；忘记密码请联系系统管理员重置。</p>
      </main>
      <footer className="login-footer">{OWNER_NAME} · 城镇困难职工建档立卡</footer>
    </div>
  );
}
