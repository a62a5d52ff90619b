-- In-app inbox. A notification never carries a student's sensitive details: a title without names and a link.
create table notification (
    id          bigserial primary key,
    user_id     bigint not null references app_user (id),
    kind        text not null,
    title       text not null,
    link        text not null,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
