// Đăng nhập: the login page. A one-time password sends the user to the account page to change it first.
import { Alert, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { LoginForm } from '../components/login-form.tsx';
import { useAccountT } from '../i18n/account-messages.ts';

export function LoginPage() {
  const { a } = useAccountT();
  const navigate = useNavigate();
  // A notice left by the page that sent the user here (a password change ends every session).
  const [notice] = useState(() => {
    const n = sessionStorage.getItem('chitieu.notice');
    sessionStorage.removeItem('chitieu.notice');
    return n;
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder className="account-card">
      <Title order={1} size="h2" mb="md">
        {a.loginTitle}
      </Title>
      {notice === 'passwordChanged' && (
        <Alert color="green" role="status" mb="md" data-testid="login-notice">
          {a.passwordChanged}
        </Alert>
      )}
      <LoginForm idPrefix="login" onDone={(mustChange) => void navigate({ to: mustChange ? '/account' : '/' })} />
    </Paper>
  );
}
