-- Warning reports: a student's case raised to the psychology teachers. Never deleted; resolved with a reason.
create table warning_report (
    id                bigserial primary key,
    student_id        bigint not null references student (id),
    school_id         bigint not null references school (id),
    source_kind       text not null,
    source_id         bigint,
    signs             int[] not null default '{}',
    urgency           text not null check (urgency in ('URGENT', 'HIGH')),
    summary           text,
    due_at            timestamptz not null,
    status            text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    raised_by         bigint not null references app_user (id),
    raised_at         timestamptz not null,
    resolved_by       bigint references app_user (id),
    resolved_at       timestamptz,
    resolution_reason text,
    check (status = 'OPEN' or (resolved_by is not null and resolved_at is not null and length(resolution_reason) > 0))
);
create index warning_report_queue_idx on warning_report (school_id, status, due_at);
create index warning_report_student_idx on warning_report (student_id);

-- Who saw a report, and when (first view per user is enough to answer "who saw what").
create table warning_report_view (
    report_id  bigint not null references warning_report (id),
    user_id    bigint not null references app_user (id),
    viewed_at  timestamptz not null,
    primary key (report_id, user_id)
);

create function warning_report_no_delete() returns trigger language plpgsql as $$
begin
    raise exception 'warning reports are never deleted; resolve them with a reason' using errcode = 'insufficient_privilege';
end;
$$;
create trigger warning_report_keep before delete on warning_report
    for each row execute function warning_report_no_delete();
