-- School structure: city, districts, schools, grades, classes, semesters.
create table city (
    id         bigserial primary key,
    name       text not null unique
);

create table district (
    id         bigserial primary key,
    city_id    bigint not null references city (id),
    name       text not null,
    unique (city_id, name)
);

create table school (
    id          bigserial primary key,
    district_id bigint not null references district (id),
    name        text not null unique,
    stage       text not null check (stage in ('PRIMARY', 'JUNIOR', 'SENIOR', 'NINE_YEAR', 'COMPLETE_SECONDARY')),
    address     text,
    created_at  timestamptz not null default now()
);

create table grade (
    id         bigserial primary key,
    school_id  bigint not null references school (id),
    level      int not null check (level between 1 and 12),
    name       text not null,
    unique (school_id, level)
);

create table school_class (
    id         bigserial primary key,
    school_id  bigint not null references school (id),
    grade_id   bigint not null references grade (id),
    name       text not null,
    created_at timestamptz not null default now(),
    unique (grade_id, name)
);
create index school_class_school_idx on school_class (school_id);

create table semester (
    id         bigserial primary key,
    school_id  bigint not null references school (id),
    name       text not null,
    starts_on  date not null,
    ends_on    date not null,
    current    boolean not null default false,
    check (ends_on > starts_on),
    unique (school_id, name)
);
create unique index semester_one_current_idx on semester (school_id) where current;
