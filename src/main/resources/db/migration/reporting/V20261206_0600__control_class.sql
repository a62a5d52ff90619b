-- The three control classes of regions and schools (三大分类管控, measure 17, issue 12 point 5, ADR 0034), as the
-- city assigns them, with the reason. A new assignment ends the one before it; the history stays.
create table control_class (
    id            bigserial primary key,
    city_id       bigint not null references city (id),
    district_id   bigint references district (id),
    school_id     bigint references school (id),
    control_class text not null check (control_class in ('KEY', 'WATCH', 'ROUTINE')),
    reason        text not null check (length(reason) between 1 and 2000),
    assigned_by   bigint not null references app_user (id),
    assigned_at   timestamptz not null,
    ended_at      timestamptz,
    check ((district_id is null) <> (school_id is null))
);
create unique index control_class_district_current on control_class (district_id) where ended_at is null and district_id is not null;
create unique index control_class_school_current on control_class (school_id) where ended_at is null and school_id is not null;
create index control_class_city_idx on control_class (city_id, ended_at);
