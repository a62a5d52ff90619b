-- Issue 6: login throttling per (username, client) and per username, failed attempts the user and the school
-- admin can see, revocable tokens with an idle limit, sessions that end on a password change, two-factor login.

-- One row per (username as typed, normalised) and client ('ip:<address>', 'dev:<device id>') plus one row per
-- username with client '*' counting failures from clients the account has never logged in from. Rows exist for
-- unknown usernames too, so throttling tells nothing about which accounts exist.
create table login_throttle (
    username          text not null,
    client            text not null,
    failures          int not null default 0,
    window_started_at timestamptz not null,
    next_allowed_at   timestamptz,
    locked_until      timestamptz,
    primary key (username, client)
);
create index login_throttle_username_idx on login_throttle (username);

-- Failed logins of existing accounts (wrong password, wrong code, throttled), shown to the user and the admin.
create table login_failure (
    id             bigserial primary key,
    user_id        bigint not null references app_user (id),
    occurred_at    timestamptz not null,
    client_address text,
    reason         text not null check (reason in ('PASSWORD', 'TOTP', 'THROTTLED', 'CURRENT_PASSWORD'))
);
create index login_failure_user_idx on login_failure (user_id, occurred_at desc);

-- Clients an account has logged in from: they keep their own counter when strangers hammer the account.
create table login_known_client (
    user_id         bigint not null references app_user (id),
    client          text not null,
    last_success_at timestamptz not null,
    primary key (user_id, client)
);

-- The account-wide lock now lives in login_throttle (client '*').
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;

-- Bumped by a password change or reset: page sessions started before it end on their next request.
alter table app_user add column credentials_epoch int not null default 0;

-- Two-factor login (RFC 6238). The secret is encrypted with the deployment's key (shared SecretBox).
alter table app_user add column totp_secret text;
alter table app_user add column totp_enabled_at timestamptz;
alter table app_user add column totp_last_step bigint;
-- An administrator may require two-factor login for an account even where the role does not.
alter table app_user add column totp_required boolean not null default false;

create table totp_recovery_code (
    user_id   bigint not null references app_user (id),
    code_hash text not null,
    created_at timestamptz not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- Tokens get an id (to list and revoke), an idle limit and the address they were issued to.
alter table api_token add column id bigserial;
alter table api_token add constraint api_token_id_key unique (id);
alter table api_token add column last_used_at timestamptz;
update api_token set last_used_at = created_at;
alter table api_token alter column last_used_at set not null;
alter table api_token add column client_address text;
