-- Issue 12 point 6: periods of high risk (高危时段) a district announces in advance, with its message to schools.
create table high_risk_period (
    id          bigserial primary key,
    district_id bigint not null references district (id),
    kind        text not null check (kind in ('EXAM', 'TERM_START', 'BEFORE_HOLIDAY', 'AFTER_HOLIDAY', 'CUSTOM')),
    title       text not null check (length(title) between 1 and 100),
    starts_on   date not null,
    ends_on     date not null,
    message     text not null check (length(message) between 1 and 2000),
    created_by  bigint not null references app_user (id),
    created_at  timestamptz not null,
    -- when the head teachers and mentors of the district were reminded (once, on the first day)
    reminded_at timestamptz,
    check (ends_on >= starts_on and ends_on - starts_on <= 92)
);
create index high_risk_period_district_idx on high_risk_period (district_id, ends_on desc);
