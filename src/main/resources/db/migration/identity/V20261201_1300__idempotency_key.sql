-- The first answer to a create that carried an Idempotency-Key, so that a retry gets it again instead of creating a
-- second record. A row without a status is a request still in progress; the unique key lets only one of several
-- parallel retries claim it. Rows expire after mindgrid.idempotency.ttl (24 h) and are deleted by a job.
create table idempotency_key (
    id            bigserial primary key,
    user_id       bigint not null references app_user (id),
    key           text not null,
    request_hash  text not null,
    status        int,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz not null,
    completed_at  timestamptz,
    unique (user_id, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
