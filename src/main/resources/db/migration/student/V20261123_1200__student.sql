-- Students (roster) and their growth archive (一生一档) with every previous version kept.
create table student (
    id             bigserial primary key,
    school_id      bigint not null references school (id),
    class_id       bigint not null references school_class (id),
    student_no     text not null,
    name           text not null,
    gender         text not null check (gender in ('M', 'F')),
    birth_date     date not null,
    ethnicity      text,
    native_place   text,
    address        text,
    guardian_name  text,
    guardian_phone text,
    status         text not null default 'ENROLLED' check (status in ('ENROLLED', 'LEFT')),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (school_id, student_no)
);
create index student_class_idx on student (class_id);
create index student_name_idx on student (school_id, name);

create table growth_archive (
    student_id  bigint primary key references student (id),
    version     int not null,
    content     jsonb not null,
    updated_by  bigint references app_user (id),
    updated_at  timestamptz not null
);

create table growth_archive_revision (
    id          bigserial primary key,
    student_id  bigint not null references student (id),
    version     int not null,
    content     jsonb not null,
    changed_by  bigint references app_user (id),
    changed_at  timestamptz not null,
    unique (student_id, version)
);
