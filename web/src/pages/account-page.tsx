// Tài khoản: who is signed in, change password (first, when the password is one-time), log out here or everywhere.
import { Alert, Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useSession } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';

function ChangePassword() {
  const { a } = useAccountT();
  const { forget } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    // Only what the form can tell before asking: the length and the repeat; the server decides the rest.
    const found: typeof errors = {};
    if (next.length < 12) found.next = a.passwordTooShort;
    if (again !== next) found.again = a.passwordMismatch;
    setErrors(found);
    if (found.next || found.again) return;
    setBusy(true);
    try {
      const r = await api.POST('/api/auth/password', { body: { current, next } });
      if (r.response.status === 204) {
        forget();
        sessionStorage.setItem('chitieu.notice', 'passwordChanged');
        void navigate({ to: '/login' });
        return;
      }
      setErrors({ current: a.passwordWrong });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="password-form">
      <Stack gap="sm">
        <PasswordInput
          id="pw-current"
          label={a.currentPassword}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.current}
          data-testid="pw-current"
        />
        <PasswordInput
          id="pw-next"
          label={a.newPassword}
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.next}
          data-testid="pw-next"
        />
        <PasswordInput
          id="pw-again"
          label={a.confirmPassword}
          autoComplete="new-password"
          required
          value={again}
          onChange={(e) => setAgain(e.currentTarget.value)}
          error={errors.again}
          data-testid="pw-again"
        />
        <Button color="red.9" type="submit" loading={busy} data-testid="pw-submit">
          {a.changePassword}
        </Button>
      </Stack>
    </form>
  );
}

export function AccountPage() {
  const { a } = useAccountT();
  const { user, pending, mustChangePassword, logOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (pending) return null;
  if (!user)
    return (
      <p>
        {a.needLogin} <Link to="/login">{a.navLogin}</Link>
      </p>
    );
  const out = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await logOut(everywhere);
      void navigate({ to: '/login' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper maw={520} mx="auto" p="lg" withBorder className="account-card">
      <Title order={1} size="h2" mb="xs">
        {a.accountTitle}
      </Title>
      <p data-testid="signed-in-as">{a.signedInAs(user.email)}</p>
      <p>
        {a.roles}: {user.roles.map((r) => a.roleNames[r] ?? r).join(', ')}
      </p>
      {mustChangePassword && (
        <Alert color="orange" role="alert" mb="md" data-testid="must-change">
          {a.mustChange}
        </Alert>
      )}
      <Title order={2} size="h3" mt="md" mb="sm">
        {a.changePassword}
      </Title>
      <ChangePassword />
      <Group mt="lg">
        <Button color="red.9" variant="default" onClick={() => void out(false)} disabled={busy} data-testid="logout">
          {a.logOut}
        </Button>
        <Button
          color="red.9"
          variant="outline"
          onClick={() => void out(true)}
          disabled={busy}
          data-testid="logout-everywhere"
        >
          {a.logOutEverywhere}
        </Button>
      </Group>
    </Paper>
  );
}
