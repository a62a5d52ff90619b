-- The post-incident review (复盘, issue 10 point 5, ADR 0027): one per crisis event, run by the district. Its
-- findings and responsibility chain are edited while OPEN and read-only once CLOSED; the actions it decides are
-- duties of their owners. Nothing is ever deleted.
create table crisis_review (
    id             bigserial primary key,
    event_id       bigint not null unique references crisis_event (id),
    state          text not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    findings       text,
    -- the responsibility chain: [{"role", "person", "finding"}]
    responsibility jsonb not null default '[]',
    opened_by      bigint not null references app_user (id),
    opened_at      timestamptz not null,
    updated_by     bigint references app_user (id),
    updated_at     timestamptz,
    closed_by      bigint references app_user (id),
    closed_at      timestamptz,
    version        int not null default 0,
    check ((state = 'CLOSED') = (closed_at is not null and closed_by is not null))
);

-- An action the review decided: what, whose, by when; the owner's CRISIS_REVIEW_ACTION duty.
create table crisis_review_action (
    id            bigserial primary key,
    review_id     bigint not null references crisis_review (id),
    what          text not null check (length(what) > 0),
    owner_user_id bigint not null references app_user (id),
    due_on        date not null,
    duty_id       bigint references duty (id),
    created_by    bigint not null references app_user (id),
    created_at    timestamptz not null
);
create index crisis_review_action_review_idx on crisis_review_action (review_id, id);

create function crisis_review_keep() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted', tg_table_name using errcode = 'insufficient_privilege';
end $$;
create trigger crisis_review_no_delete before delete on crisis_review
    for each row execute function crisis_review_keep();
create trigger crisis_review_action_no_delete before delete on crisis_review_action
    for each row execute function crisis_review_keep();
-- a closed review stays as it was closed
create function crisis_review_closed_stays() returns trigger language plpgsql as $$
begin
    if old.state = 'CLOSED' then
        raise exception 'crisis review % is closed', old.id using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger crisis_review_closed_stays before update on crisis_review
    for each row execute function crisis_review_closed_stays();
create trigger crisis_review_no_truncate before truncate on crisis_review
    for each statement execute function crisis_review_keep();
create trigger crisis_review_action_no_truncate before truncate on crisis_review_action
    for each statement execute function crisis_review_keep();
