-- The warning loop (issue 8, ADR 0023): one case (个案) per student at risk, its history append-only, its plan
-- (一生一策) versioned; the hospital directory (medical grid).
create table warning_case (
    id                   bigserial primary key,
    student_id           bigint not null references student (id),
    school_id            bigint not null references school (id),
    state                text not null check (state in ('REPORTED', 'ASSESSING', 'WATCH', 'FAMILY', 'REFERRED',
                                                        'ON_LEAVE', 'RETURN_REVIEW', 'RELEASED', 'CLOSED')),
    category             smallint check (category between 1 and 3),
    -- 重点学生预警库: categories 2 and 3 always, category 1 unless the team recorded why not
    in_database          boolean not null default false,
    -- parents refused referral; contract + commitment signed; the student stays at school under closer watch
    stays_against_advice boolean not null default false,
    opened_by            bigint not null references app_user (id),
    opened_at            timestamptz not null,
    ended_at             timestamptz,
    version              int not null default 0,
    check ((state in ('RELEASED', 'CLOSED')) = (ended_at is not null))
);
-- One open case per student at a time; parallel reports on one student end in one case.
create unique index warning_case_one_open_idx on warning_case (student_id) where ended_at is null;
create index warning_case_school_idx on warning_case (school_id, state, id);
create index warning_case_student_idx on warning_case (student_id, id);

-- Who may read a case, and how much (ADR 0023): 3 the clinical team of the school (psychology teachers, crisis
-- team, leaders), 2 the head teacher of the class, 1 the student's mentors. Nobody else (404).
create view case_access as
    select p.user_id, s.id as student_id, 3 as tier
      from post p join app_user u on u.id = p.user_id and u.enabled
      join student s on s.school_id = p.school_id
     where p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER')
    union all
    select p.user_id, s.id, 2
      from post p join app_user u on u.id = p.user_id and u.enabled
      join student s on s.class_id = p.class_id
     where p.role = 'HEAD_TEACHER'
    union all
    select ma.mentor_user_id, ma.student_id, 1
      from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id and u.enabled
      join student s on s.id = ma.student_id and s.class_id = ma.class_id;

-- Every step of a case: who, when, what (details as the action's fields), from which state to which.
-- Append-only: a correction is a new event that voids an earlier one with a reason.
create table warning_case_event (
    id         bigserial primary key,
    case_id    bigint not null references warning_case (id),
    action     text not null,
    from_state text,
    to_state   text not null,
    details    jsonb not null default '{}',
    by_user    bigint not null references app_user (id),
    at         timestamptz not null,
    voids      bigint references warning_case_event (id)
);
create index warning_case_event_case_idx on warning_case_event (case_id, id);

create function warning_case_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'warning_case_event is append-only';
end $$;
create trigger warning_case_event_no_update before update or delete on warning_case_event
    for each row execute function warning_case_event_append_only();
create trigger warning_case_event_no_truncate before truncate on warning_case_event
    for each statement execute function warning_case_event_append_only();

-- The reports a case answers.
alter table warning_report add column case_id bigint references warning_case (id);
create index warning_report_case_idx on warning_report (case_id);

-- 一生一策: the current plan and every earlier version.
create table case_plan (
    case_id    bigint primary key references warning_case (id),
    version    int not null,
    content    jsonb not null,
    updated_by bigint not null references app_user (id),
    updated_at timestamptz not null
);
create table case_plan_revision (
    case_id    bigint not null references warning_case (id),
    version    int not null,
    content    jsonb not null,
    updated_by bigint not null references app_user (id),
    updated_at timestamptz not null,
    primary key (case_id, version)
);

-- Hospitals of the medical grid, kept by the city (school_id and district_id null), a district or a school.
-- Public facts only: names, departments, addresses, switchboard numbers; never a doctor's name.
create table hospital (
    id            bigserial primary key,
    district_id   bigint references district (id),
    school_id     bigint references school (id),
    name          text not null,
    departments   text,
    address       text,
    phone         text,
    green_channel boolean not null default false,
    notes         text,
    created_by    bigint references app_user (id),
    created_at    timestamptz not null default now()
);
