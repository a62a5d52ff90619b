-- Counselling (心理辅导, issue 13 point 3, ADR 0036). Appointments (心理辅导预约登记表) move through the steps of
-- counselling.AppointmentTransitions, each kept in counselling_appointment_event. The individual counselling record
-- (个别心理辅导全过程记录表) and the group (团体心理辅导参与记录表) hold the counsellor's notes, read by the school's
-- psychology teachers only; sessions and attendance are never deleted.
create table counselling_appointment (
    id             bigserial primary key,
    school_id      bigint not null references school (id),
    student_id     bigint not null references student (id),
    status         text not null check (status in ('REQUESTED', 'SCHEDULED', 'COMPLETED', 'NO_SHOW', 'CANCELLED', 'DECLINED')),
    requested_via  text not null check (requested_via in ('STUDENT', 'HEAD_TEACHER', 'MENTOR', 'PSYCH_TEACHER')),
    requested_by   bigint references app_user (id),
    topic          text not null check (topic in ('EMOTION', 'STUDY', 'RELATIONSHIPS', 'FAMILY', 'ADAPTATION', 'OTHER')),
    preferred      text check (length(preferred) <= 200),
    request_note   text check (length(request_note) <= 500),
    counsellor_id  bigint references app_user (id),
    starts_at      timestamptz,
    ends_at        timestamptz,
    room           text check (length(room) between 1 and 60),
    reminded_at    timestamptz,
    version        int not null default 1,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check ((requested_via = 'STUDENT') = (requested_by is null)),
    check (status in ('REQUESTED', 'DECLINED', 'CANCELLED') or (starts_at is not null and ends_at > starts_at and counsellor_id is not null and room is not null))
);
create index counselling_appointment_calendar_idx on counselling_appointment (school_id, starts_at);
create index counselling_appointment_student_idx on counselling_appointment (student_id, id);
create index counselling_appointment_pending_idx on counselling_appointment (school_id, created_at) where status = 'REQUESTED';
create index counselling_appointment_remind_idx on counselling_appointment (starts_at) where status = 'SCHEDULED' and reminded_at is null;

create table counselling_appointment_event (
    id             bigserial primary key,
    appointment_id bigint not null references counselling_appointment (id),
    step           text not null,
    from_status    text,
    to_status      text not null,
    reason         text check (length(reason) <= 500),
    actor_id       bigint references app_user (id),
    at             timestamptz not null
);
create index counselling_appointment_event_idx on counselling_appointment_event (appointment_id, id);

-- A class's code for the students' own requests (a poster in the classroom); a new code replaces the old.
create table counselling_class_code (
    class_id   bigint primary key references school_class (id),
    code       text not null unique check (code ~ '^[2-9A-Z]{8}$'),
    created_by bigint not null references app_user (id),
    created_at timestamptz not null
);
create table counselling_code_miss (
    address text not null,
    at      timestamptz not null
);
create index counselling_code_miss_idx on counselling_code_miss (address, at);

create table counselling_record (
    id                 bigserial primary key,
    school_id          bigint not null references school (id),
    student_id         bigint not null references student (id),
    counsellor_id      bigint not null references app_user (id),
    status             text not null check (status in ('OPEN', 'CLOSED')),
    presenting_problem text not null check (length(presenting_problem) between 1 and 2000),
    background         text check (length(background) <= 2000),
    assessment         text check (length(assessment) <= 2000),
    summary            text check (length(summary) <= 4000),
    opened_at          timestamptz not null,
    closed_at          timestamptz,
    closed_by          bigint references app_user (id),
    check ((status = 'CLOSED') = (closed_at is not null))
);
create unique index counselling_record_open_idx on counselling_record (student_id) where status = 'OPEN';
create index counselling_record_student_idx on counselling_record (student_id, id);

create table counselling_group (
    id            bigserial primary key,
    school_id     bigint not null references school (id),
    name          text not null check (length(name) between 1 and 100),
    aims          text check (length(aims) <= 2000),
    counsellor_id bigint not null references app_user (id),
    created_at    timestamptz not null
);
create index counselling_group_school_idx on counselling_group (school_id, id);

create table counselling_group_member (
    group_id   bigint not null references counselling_group (id),
    student_id bigint not null references student (id),
    joined_at  timestamptz not null,
    primary key (group_id, student_id)
);
create index counselling_group_member_student_idx on counselling_group_member (student_id);

create table counselling_session (
    id             bigserial primary key,
    school_id      bigint not null references school (id),
    record_id      bigint references counselling_record (id),
    group_id       bigint references counselling_group (id),
    appointment_id bigint references counselling_appointment (id),
    held_at        timestamptz not null,
    minutes        int not null check (minutes between 5 and 240),
    goals          text check (length(goals) <= 2000),
    methods        text check (length(methods) <= 2000),
    progress       text check (length(progress) <= 4000),
    homework       text check (length(homework) <= 2000),
    counsellor_id  bigint not null references app_user (id),
    created_at     timestamptz not null,
    check (num_nonnulls(record_id, group_id) = 1)
);
create index counselling_session_record_idx on counselling_session (record_id, held_at) where record_id is not null;
create index counselling_session_group_idx on counselling_session (group_id, held_at) where group_id is not null;

create table counselling_attendance (
    session_id    bigint not null references counselling_session (id),
    student_id    bigint not null references student (id),
    present       boolean not null,
    participation text check (length(participation) <= 1000),
    primary key (session_id, student_id)
);
create index counselling_attendance_student_idx on counselling_attendance (student_id);

create function counselling_keep() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger counselling_session_keep before delete on counselling_session for each row execute function counselling_keep();
create trigger counselling_attendance_keep before delete on counselling_attendance for each row execute function counselling_keep();
create trigger counselling_record_keep before delete on counselling_record for each row execute function counselling_keep();
create trigger counselling_appointment_event_keep before delete or update on counselling_appointment_event for each row execute function counselling_keep();
