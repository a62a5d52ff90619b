-- Issue 12 point 1: the records the seed's rules are checked against, which nothing recorded until now.
-- Append-mostly; a wrong row is corrected (updated) by its school and audited, never silently deleted.

-- 心理辅导课: ≥ 2 periods per class per month (measure 2).
create table psych_lesson (
    id              bigserial primary key,
    school_id       bigint not null references school (id),
    class_id        bigint not null references school_class (id),
    given_on        date not null,
    periods         int not null check (periods between 1 and 10),
    topic           text not null check (length(topic) between 1 and 200),
    teacher_user_id bigint not null references app_user (id),
    recorded_by     bigint not null references app_user (id),
    recorded_at     timestamptz not null default now()
);
create index psych_lesson_class_idx on psych_lesson (class_id, given_on);
create index psych_lesson_school_idx on psych_lesson (school_id, given_on);

-- 心理健康活动周, 5·25 心理健康活动节, and activities at term start, graduation and exams (measure 2).
create table theme_activity (
    id          bigserial primary key,
    school_id   bigint not null references school (id),
    kind        text not null check (kind in ('ACTIVITY_WEEK', 'FESTIVAL_525', 'TERM_START', 'GRADUATION', 'EXAM', 'OTHER')),
    title       text not null check (length(title) between 1 and 200),
    held_on     date not null,
    organiser   text check (length(organiser) <= 100),
    recorded_by bigint not null references app_user (id),
    recorded_at timestamptz not null default now()
);
create index theme_activity_school_idx on theme_activity (school_id, held_on);

-- The classes an activity reached (none: the whole school).
create table theme_activity_class (
    activity_id bigint not null references theme_activity (id),
    class_id    bigint not null references school_class (id),
    primary key (activity_id, class_id)
);

-- 家长心理健康教育专题活动: ≥ 1 per class per semester, by the head teacher (measure 4).
create table parent_session (
    id                   bigserial primary key,
    school_id            bigint not null references school (id),
    class_id             bigint not null references school_class (id),
    held_on              date not null,
    topic                text not null check (length(topic) between 1 and 200),
    head_teacher_user_id bigint not null references app_user (id),
    families_attended    int not null check (families_attended between 0 and 200),
    recorded_by          bigint not null references app_user (id),
    recorded_at          timestamptz not null default now()
);
create index parent_session_class_idx on parent_session (class_id, held_on);
create index parent_session_school_idx on parent_session (school_id, held_on);

-- Staff training (measures 7 and 19): crisis identification for all staff each semester, mentors ≥ 8 hours a
-- year, psychology teachers' advanced training ≥ 1 week (40 hours) a year. A school's own training or the
-- district's (school_id null).
create table staff_training (
    id          bigserial primary key,
    district_id bigint not null references district (id),
    school_id   bigint references school (id),
    kind        text not null check (kind in ('CRISIS_IDENTIFICATION', 'MENTOR', 'PSYCH_ADVANCED', 'OTHER')),
    title       text not null check (length(title) between 1 and 200),
    held_on     date not null,
    hours       numeric(5, 1) not null check (hours > 0 and hours <= 200),
    recorded_by bigint not null references app_user (id),
    recorded_at timestamptz not null default now()
);
create index staff_training_school_idx on staff_training (school_id, held_on);
create index staff_training_district_idx on staff_training (district_id, held_on);

create table staff_training_attendee (
    training_id bigint not null references staff_training (id),
    user_id     bigint not null references app_user (id),
    primary key (training_id, user_id)
);
create index staff_training_attendee_user_idx on staff_training_attendee (user_id);

-- 联席会议: the district's cross-department meeting, usually once a semester (measure 16).
create table joint_meeting (
    id          bigserial primary key,
    district_id bigint not null references district (id),
    held_on     date not null,
    departments text[] not null check (cardinality(departments) between 1 and 20),
    minutes     text not null check (length(minutes) between 1 and 20000),
    decisions   text check (length(decisions) <= 20000),
    recorded_by bigint not null references app_user (id),
    recorded_at timestamptz not null default now()
);
create index joint_meeting_district_idx on joint_meeting (district_id, held_on);
