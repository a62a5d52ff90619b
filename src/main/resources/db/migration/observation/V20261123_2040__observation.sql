-- Daily observations (tool 2), concern reports by psych committee members, and 四必访 trigger events.
create table observation (
    id                 bigserial primary key,
    student_id         bigint not null references student (id),
    school_id          bigint not null references school (id),
    class_id           bigint not null references school_class (id),
    observer_user_id   bigint not null references app_user (id),
    observed_on        date not null,
    categories         text[] not null default '{}',
    category_other     text,
    signs              int[] not null default '{}',
    other_clues        text,
    crisis_level       text not null check (crisis_level in ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
    home_contact_done  boolean not null default false,
    handling_advice    text,
    notes              text,
    warning_report_id  bigint references warning_report (id),
    created_at         timestamptz not null
);
create index observation_student_idx on observation (student_id, created_at desc);

create table concern_report (
    id                 bigserial primary key,
    student_id         bigint not null references student (id),
    school_id          bigint not null references school (id),
    class_id           bigint not null references school_class (id),
    reporter_user_id   bigint not null references app_user (id),
    signs              int[] not null default '{}',
    description        text not null,
    warning_report_id  bigint references warning_report (id),
    created_at         timestamptz not null
);
create index concern_report_student_idx on concern_report (student_id, created_at desc);

create table trigger_event (
    id           bigserial primary key,
    student_id   bigint not null references student (id),
    school_id    bigint not null references school (id),
    kind         text not null check (kind in ('ABSENCE', 'ABNORMAL_EMOTION', 'FAMILY_CHANGE', 'ACADEMIC_DROP')),
    occurred_on  date not null,
    note         text,
    source_kind  text not null,
    source_id    bigint,
    recorded_by  bigint not null references app_user (id),
    recorded_at  timestamptz not null
);
create index trigger_event_student_idx on trigger_event (student_id, recorded_at desc);

-- Observations, concern reports and trigger events are records of what was seen: never deleted.
create function observation_records_keep() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger observation_keep before delete on observation for each row execute function observation_records_keep();
create trigger concern_report_keep before delete on concern_report for each row execute function observation_records_keep();
create trigger trigger_event_keep before delete on trigger_event for each row execute function observation_records_keep();
