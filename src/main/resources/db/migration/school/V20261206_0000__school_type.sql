-- Issue 12: what a bureau filters and classes schools by (measure 17: city schools, junior secondary and private
-- schools are watched more closely). Whether a psychology teacher is part-time is post.part_time already.
alter table school
    add column ownership text not null default 'PUBLIC' check (ownership in ('PUBLIC', 'PRIVATE')),
    add column locale text not null default 'URBAN' check (locale in ('URBAN', 'RURAL'));
