-- The district's monthly inspection (每月抽查, issue 12 point 4, ADR 0033): schools × indicators sampled with the
-- values they had when sampled, a finding per item, a request for correction the school answers, and the month's
-- published results.
create table inspection (
    id               bigserial primary key,
    district_id      bigint not null references district (id),
    period           text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    state            text not null check (state in ('DRAFT', 'IN_PROGRESS', 'PUBLISHED')),
    sampled_randomly boolean not null default false,
    created_by       bigint not null references app_user (id),
    created_at       timestamptz not null,
    started_at       timestamptz,
    published_at     timestamptz,
    version          int not null default 0
);
create index inspection_district_idx on inspection (district_id, period desc, id desc);

create table inspection_item (
    id                bigserial primary key,
    inspection_id     bigint not null references inspection (id),
    school_id         bigint not null references school (id),
    indicator_id      text not null,
    -- the indicator as it stood when sampled (null value: nothing to count, or fewer than five students)
    value             numeric(7, 1),
    target            numeric(7, 1),
    status            text not null,
    state             text not null check (state in ('SAMPLED', 'FINDING_RECORDED', 'CORRECTION_REQUESTED', 'ANSWERED',
                                                     'CLOSED')),
    verdict           text check (verdict in ('MET', 'NOT_MET')),
    finding           text,
    correction        text,
    correction_due_on date,
    answer            text,
    updated_at        timestamptz not null,
    unique (inspection_id, school_id, indicator_id)
);
create index inspection_item_school_idx on inspection_item (school_id, inspection_id);

-- Every step of an item, who and when, with what was written: a reopened request keeps the earlier answer here.
create table inspection_event (
    id         bigserial primary key,
    item_id    bigint not null references inspection_item (id),
    action     text not null,
    state_from text not null,
    state_to   text not null,
    note       text,
    user_id    bigint not null references app_user (id),
    at         timestamptz not null
);
create index inspection_event_item_idx on inspection_event (item_id, id);
