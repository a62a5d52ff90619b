-- Users, their posts (role at a place) and API tokens.
create table app_user (
    id                   bigserial primary key,
    username             text not null unique,
    display_name         text not null,
    password_hash        text not null,
    enabled              boolean not null default true,
    must_change_password boolean not null default false,
    failed_attempts      int not null default 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz not null default now()
);

create table post (
    id          bigserial primary key,
    user_id     bigint not null references app_user (id),
    role        text not null check (role in ('SYSTEM_ADMIN', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'SCHOOL_LEADER',
                    'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM', 'HEAD_TEACHER', 'MENTOR', 'SUBJECT_TEACHER')),
    city_id     bigint references city (id),
    district_id bigint references district (id),
    school_id   bigint references school (id),
    class_id    bigint references school_class (id),
    part_time   boolean not null default false,
    created_at  timestamptz not null default now(),
    -- a post names exactly the kind of place its role needs
    check ((role = 'SYSTEM_ADMIN' and school_id is null and class_id is null)
        or (role = 'CITY_OFFICER' and city_id is not null)
        or (role = 'DISTRICT_OFFICER' and district_id is not null)
        or (role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM') and school_id is not null and class_id is null)
        or (role in ('HEAD_TEACHER', 'MENTOR', 'SUBJECT_TEACHER') and school_id is not null and class_id is not null))
);
create unique index post_unique_idx on post (user_id, role, coalesce(city_id, 0), coalesce(district_id, 0),
    coalesce(school_id, 0), coalesce(class_id, 0));
create index post_school_idx on post (school_id, role);
create index post_class_idx on post (class_id, role);

create table api_token (
    token_hash text primary key,
    user_id    bigint not null references app_user (id),
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index api_token_user_idx on api_token (user_id);
