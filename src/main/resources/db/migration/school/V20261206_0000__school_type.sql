-- Issue 12: what a bureau filters and classes schools by (measure 17: city schools, junior secondary and private
-- schools are watched more closely), and whether a psychology teacher is full- or part-time (measure 19's ratios).
alter table school
    add column ownership text not null default 'PUBLIC' check (ownership in ('PUBLIC', 'PRIVATE')),
    add column locale text not null default 'URBAN' check (locale in ('URBAN', 'RURAL'));

alter table post
    add column employment text check (employment in ('FULL_TIME', 'PART_TIME')),
    add constraint post_employment_psych_only check (employment is null or role = 'PSYCH_TEACHER');
