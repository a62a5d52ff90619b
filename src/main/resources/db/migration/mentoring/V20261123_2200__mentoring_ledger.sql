-- The mentor's ledger: talks (谈心谈话), home visits (家访, tool 3) and home-school contacts (家校联系).
-- Records are never deleted or edited: a correction is an addendum, a mistake is voided with a reason, and the
-- only later change is the link to the warning report an escalation raised.
create table talk (
    id                bigserial primary key,
    student_id        bigint not null references student (id),
    school_id         bigint not null references school (id),
    talk_date         date not null,
    place             text not null,
    topics            text not null,
    student_state     text not null,
    follow_up         text,
    warning_report_id bigint references warning_report (id),
    created_by        bigint not null references app_user (id),
    created_at        timestamptz not null,
    voided_by         bigint references app_user (id),
    voided_at         timestamptz,
    void_reason       text,
    check (voided_at is null or (voided_by is not null and length(void_reason) > 0))
);
create index talk_student_idx on talk (student_id, talk_date desc);

create table home_visit (
    id                bigserial primary key,
    student_id        bigint not null references student (id),
    school_id         bigint not null references school (id),
    visited_at        timestamptz not null,
    interviewee       text not null,
    relation          text not null,
    duration_minutes  int check (duration_minutes between 1 and 1440),
    answers           jsonb not null default '{}',
    categories        text[] not null default '{}',
    warning_report_id bigint references warning_report (id),
    created_by        bigint not null references app_user (id),
    created_at        timestamptz not null,
    voided_by         bigint references app_user (id),
    voided_at         timestamptz,
    void_reason       text,
    check (voided_at is null or (voided_by is not null and length(void_reason) > 0))
);
create index home_visit_student_idx on home_visit (student_id, visited_at desc);

create table home_school_contact (
    id                bigserial primary key,
    student_id        bigint not null references student (id),
    school_id         bigint not null references school (id),
    channel           text not null check (channel in ('PHONE', 'WECHAT', 'DINGTALK', 'IN_PERSON')),
    content           text not null,
    contacted_at      timestamptz not null,
    warning_report_id bigint references warning_report (id),
    created_by        bigint not null references app_user (id),
    created_at        timestamptz not null,
    voided_by         bigint references app_user (id),
    voided_at         timestamptz,
    void_reason       text,
    check (voided_at is null or (voided_by is not null and length(void_reason) > 0))
);
create index home_school_contact_student_idx on home_school_contact (student_id, contacted_at desc);

-- Corrections and additions to a ledger record, in the order they were written.
create table ledger_addendum (
    id          bigserial primary key,
    record_kind text not null check (record_kind in ('TALK', 'HOME_VISIT', 'CONTACT')),
    record_id   bigint not null,
    student_id  bigint not null references student (id),
    text        text not null check (length(text) > 0),
    created_by  bigint not null references app_user (id),
    created_at  timestamptz not null
);
create index ledger_addendum_record_idx on ledger_addendum (record_kind, record_id, created_at);

create function ledger_keep() returns trigger language plpgsql as $$
declare
    mutable text[] := array['warning_report_id', 'voided_by', 'voided_at', 'void_reason'];
begin
    if tg_op = 'DELETE' then
        raise exception 'ledger records are never deleted; void them with a reason' using errcode = 'insufficient_privilege';
    end if;
    if tg_table_name = 'ledger_addendum' then
        raise exception 'addenda are never changed' using errcode = 'insufficient_privilege';
    end if;
    if (to_jsonb(new) - mutable) <> (to_jsonb(old) - mutable)
       or (old.warning_report_id is not null and new.warning_report_id is distinct from old.warning_report_id)
       or (old.voided_at is not null and (to_jsonb(new) <> to_jsonb(old))) then
        raise exception 'ledger records are never edited; add an addendum or void with a reason' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger talk_keep before update or delete on talk for each row execute function ledger_keep();
create trigger home_visit_keep before update or delete on home_visit for each row execute function ledger_keep();
create trigger home_school_contact_keep before update or delete on home_school_contact
    for each row execute function ledger_keep();
create trigger ledger_addendum_keep before update or delete on ledger_addendum
    for each row execute function ledger_keep();
