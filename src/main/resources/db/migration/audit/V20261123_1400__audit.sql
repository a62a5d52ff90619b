-- Append-only access and change log. Triggers refuse UPDATE, DELETE and TRUNCATE for every role,
-- including the owner the application connects as.
create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    user_id     bigint,
    username    text not null,
    action      text not null,
    resource    text not null,
    student_id  bigint,
    detail      text,
    remote_addr text
);
create index audit_event_student_idx on audit_event (student_id, occurred_at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
