-- Abuse resistance: a login throttle counted atomically, and e-mails that are unique within a tenant only.

-- One row per throttle key ('pair:<email>|<address>', 'address:<address>', 'account:<email>'), claimed with a single
-- INSERT … ON CONFLICT DO UPDATE … RETURNING before the password is checked: concurrent attempts cannot all read
-- "under the limit" and then all be checked (the table it replaces counted rows, then inserted). Not tenant data:
-- a login is throttled before any tenant is known, and one e-mail may name accounts in several tenants.
DROP TABLE login_failures;
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  attempts integer NOT NULL CHECK (attempts > 0),
  window_start timestamptz NOT NULL,
  -- Past the limit, an account key admits one attempt at a time, each after a growing delay.
  retry_at timestamptz NOT NULL
);

-- An e-mail is unique within its tenant. Globally unique e-mails let one tenant's admin learn, from a refused
-- account creation, that an address exists in another tenant; the login finds the account by e-mail (and, when one
-- e-mail has accounts in several tenants, by the password or the tenant code the client sends).
ALTER TABLE users DROP CONSTRAINT users_email_key;
CREATE UNIQUE INDEX users_tenant_email ON users(tenant_id, email);
CREATE INDEX users_email ON users(email);

-- "Has this account logged in from this address before": an owner's known address is not slowed by the account's
-- delay, so strangers' failures cannot lock the owner out.
CREATE INDEX sessions_user_ip ON sessions(user_id, ip);
