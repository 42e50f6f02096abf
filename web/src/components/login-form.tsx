// The login form (the login page and the dialog that opens over a page whose session expired) and that dialog.
import { Alert, Button, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSession } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';

export function LoginForm({ onDone, idPrefix }: { onDone: (mustChangePassword: boolean) => void; idPrefix: string }) {
  const { a } = useAccountT();
  const { logIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await logIn(email.trim(), password);
      if (!r.ok) setError(a.loginFailed);
      else onDone(r.mustChangePassword);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid={`${idPrefix}-form`} noValidate>
      <Stack gap="sm">
        <TextInput
          id={`${idPrefix}-email`}
          label={a.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          data-testid={`${idPrefix}-email`}
        />
        <PasswordInput
          id={`${idPrefix}-password`}
          label={a.password}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid={`${idPrefix}-password`}
        />
        {error && (
          <Alert color="red" role="alert" data-testid={`${idPrefix}-error`}>
            {error}
          </Alert>
        )}
        <Button color="red.9" type="submit" loading={busy} data-testid={`${idPrefix}-submit`}>
          {busy ? a.loggingIn : a.logIn}
        </Button>
      </Stack>
    </form>
  );
}

/** Opens over the page when its session ends under it: log in again in place, nothing typed is lost. */
export function ReloginDialog() {
  const { a } = useAccountT();
  const { expired } = useSession();
  return (
    <Modal
      opened={expired}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={a.sessionExpired}
      data-testid="relogin"
    >
      <p>{a.sessionExpiredHelp}</p>
      <LoginForm idPrefix="relogin" onDone={() => {}} />
    </Modal>
  );
}
