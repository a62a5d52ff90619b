-- Tamper-evident audit (ADR 0013): every audit_event row carries the SHA-256 of its own canonical form and the
-- hash of the row before it in its chain. There is one chain per day (chain_day, in the schools' zone); a row's
-- place in its chain is chain_seq (1, 2, 3 ...). audit_chain_head holds each chain's last position and hash: the
-- writers lock that row for the few milliseconds of their commit, and the verifier compares it with the last row
-- so that removing the newest rows is detected too.

alter table audit_event
    add column chain_day date,
    add column chain_seq bigint,
    add column prev_hash text,
    add column hash      text;

create table audit_chain_head (
    chain_day date primary key,
    last_seq  bigint not null check (last_seq >= 0),
    last_hash text   not null check (last_hash ~ '^[0-9a-f]{64}$')
);

-- One field of the canonical form: '~' for null, else the UTF-8 byte length, ':' and the text itself, so that no
-- value (even one containing '|', ':' or '~') can be confused with another.
create function audit_field(v text) returns text language sql immutable as $$
    select case when v is null then '~' else octet_length(v)::text || ':' || v end
$$;

-- The canonical form of a row (version 1). Java builds the same string (org.mindgrid.audit.AuditHash); an auditor
-- can rebuild it from this definition or the ADR. occurred_at is whole microseconds since 1970-01-01T00:00Z.
create function audit_event_canonical(p_id bigint, p_occurred_at timestamptz, p_chain_day date, p_chain_seq bigint,
        p_user_id bigint, p_username text, p_action text, p_resource text, p_student_id bigint, p_detail text,
        p_remote_addr text, p_prev_hash text) returns text language sql stable as $$
    select 'mindgrid-audit-v1'
        || '|' || audit_field(p_id::text)
        || '|' || audit_field(((extract(epoch from p_occurred_at) * 1000000)::bigint)::text)
        || '|' || audit_field(to_char(p_chain_day, 'YYYY-MM-DD'))
        || '|' || audit_field(p_chain_seq::text)
        || '|' || audit_field(p_user_id::text)
        || '|' || audit_field(p_username)
        || '|' || audit_field(p_action)
        || '|' || audit_field(p_resource)
        || '|' || audit_field(p_student_id::text)
        || '|' || audit_field(p_detail)
        || '|' || audit_field(p_remote_addr)
        || '|' || audit_field(p_prev_hash)
$$;

create function audit_event_hash(p_id bigint, p_occurred_at timestamptz, p_chain_day date, p_chain_seq bigint,
        p_user_id bigint, p_username text, p_action text, p_resource text, p_student_id bigint, p_detail text,
        p_remote_addr text, p_prev_hash text) returns text language sql stable as $$
    select encode(sha256(convert_to(audit_event_canonical(p_id, p_occurred_at, p_chain_day, p_chain_seq, p_user_id,
        p_username, p_action, p_resource, p_student_id, p_detail, p_remote_addr, p_prev_hash), 'UTF8')), 'hex')
$$;

-- Chain the rows written before this migration, day by day in the order they happened. This is the only time
-- audit_event rows are updated: the append-only trigger is off for this transaction alone.
alter table audit_event disable trigger audit_event_no_update;
do $$
declare
    r        record;
    cur_day  date;
    seq      bigint := 0;
    prev     text;
    h        text;
    genesis  constant text := repeat('0', 64);
begin
    for r in select e.*, (e.occurred_at at time zone 'Asia/Shanghai')::date as day
               from audit_event e order by day, e.occurred_at, e.id loop
        if cur_day is distinct from r.day then
            if cur_day is not null then
                insert into audit_chain_head (chain_day, last_seq, last_hash) values (cur_day, seq, prev);
            end if;
            cur_day := r.day;
            seq := 0;
            prev := genesis;
        end if;
        seq := seq + 1;
        h := audit_event_hash(r.id, r.occurred_at, cur_day, seq, r.user_id, r.username, r.action, r.resource,
                              r.student_id, r.detail, r.remote_addr, prev);
        update audit_event set chain_day = cur_day, chain_seq = seq, prev_hash = prev, hash = h where id = r.id;
        prev := h;
    end loop;
    if cur_day is not null then
        insert into audit_chain_head (chain_day, last_seq, last_hash) values (cur_day, seq, prev);
    end if;
end;
$$;
alter table audit_event enable trigger audit_event_no_update;

alter table audit_event
    alter column chain_day set not null,
    alter column chain_seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null,
    add constraint audit_event_chain_seq_positive check (chain_seq > 0),
    add constraint audit_event_hash_format check (hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$'),
    add constraint audit_event_chain_position unique (chain_day, chain_seq);

-- A chain head only moves forward; nobody deletes it.
create function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.chain_day = old.chain_day and new.last_seq > old.last_seq then
            return new;
        end if;
    end if;
    raise exception 'audit_chain_head only moves forward (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_chain_head_forward before update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward_only();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_chain_head_forward_only();
