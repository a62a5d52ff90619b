-- Issue 12 point 2: the seed's rules as indicators (definitions: reporting/indicators.yml). A job computes each
-- indicator's units per school (met / all) for a month and keeps them here, so that dashboards over hundreds of
-- schools read a few thousand rows instead of the records (point 11).
create table indicator_value (
    indicator_id text not null,
    period       text not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    district_id  bigint not null references district (id),
    -- null: a unit of the district itself (its joint meetings)
    school_id    bigint references school (id),
    met          bigint not null check (met >= 0),
    units        bigint not null check (units >= met),
    computed_at  timestamptz not null
);
create unique index indicator_value_key on indicator_value (indicator_id, period, district_id, coalesce(school_id, 0));
create index indicator_value_school_idx on indicator_value (school_id, period);
create index indicator_value_district_idx on indicator_value (district_id, period);

-- When a district's values of a month were last computed (none: computed on first read).
create table indicator_refresh (
    period      text not null,
    district_id bigint not null references district (id),
    computed_at timestamptz not null,
    primary key (period, district_id)
);

-- A district's own threshold (the rule's number: 2 lessons, 15 students) or target (the share to reach) for an
-- indicator; none: the definition's.
create table indicator_setting (
    indicator_id text not null,
    district_id  bigint not null references district (id),
    threshold    numeric(10, 2),
    target       numeric(5, 2) check (target between 0 and 100),
    updated_by   bigint not null references app_user (id),
    updated_at   timestamptz not null,
    primary key (indicator_id, district_id)
);

-- What the units' queries look up by school and time.
create index if not exists duty_school_kind_due_idx on duty (school_id, kind, due_at);
create index if not exists home_visit_creator_idx on home_visit (created_by, visited_at);
create index if not exists crisis_event_district_raised_idx on crisis_event (district_id, raised_at);
