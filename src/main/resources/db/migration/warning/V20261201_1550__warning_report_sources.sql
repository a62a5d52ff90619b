-- One open warning report per student (ADR 0018): later signs join the open report as sources instead of raising
-- another. Each source (observation, concern report, talk, home visit, contact) is a row of the report's history.
create table warning_report_source (
    id           bigserial primary key,
    report_id    bigint not null references warning_report (id),
    source_kind  text not null,
    source_id    bigint,
    signs        int[] not null default '{}',
    urgency      text not null check (urgency in ('URGENT', 'HIGH')),
    raised_by    bigint not null references app_user (id),
    raised_at    timestamptz not null,
    -- true when this source made the report urgent (or moved its deadline earlier)
    escalated    boolean not null default false
);
create index warning_report_source_report_idx on warning_report_source (report_id, raised_at, id);
create index warning_report_source_record_idx on warning_report_source (source_kind, source_id);

create function warning_report_source_keep() returns trigger language plpgsql as $$
begin
    raise exception 'warning report sources are never deleted' using errcode = 'insufficient_privilege';
end;
$$;
create trigger warning_report_source_keep before delete on warning_report_source
    for each row execute function warning_report_source_keep();

-- Every existing report is its own first source.
insert into warning_report_source (report_id, source_kind, source_id, signs, urgency, raised_by, raised_at)
select id, source_kind, source_id, signs, urgency, raised_by, raised_at from warning_report order by id;

-- A report joined into another before this rule existed is MERGED, pointing at the report that carries on.
alter table warning_report add column merged_into bigint references warning_report (id);
alter table warning_report drop constraint warning_report_status_check;
alter table warning_report add constraint warning_report_status_check
    check (status in ('OPEN', 'RESOLVED', 'MERGED'));
alter table warning_report drop constraint warning_report_check;
alter table warning_report add constraint warning_report_check
    check (status = 'OPEN'
        or (status = 'RESOLVED' and resolved_by is not null and resolved_at is not null and length(resolution_reason) > 0)
        or (status = 'MERGED' and merged_into is not null));

-- Students with several open reports today: the oldest carries on and takes the others' sources, the most urgent
-- urgency, the earliest deadline and every sign; their open assessment duties move to it (one per teacher).
create temporary table warning_report_merge on commit drop as
select w.id, k.keep_id
  from warning_report w
  join (select student_id, min(id) as keep_id from warning_report where status = 'OPEN'
         group by student_id having count(*) > 1) k on k.student_id = w.student_id
 where w.status = 'OPEN' and w.id <> k.keep_id;

update warning_report k
   set urgency = case when k.urgency = 'URGENT' or m.any_urgent then 'URGENT' else k.urgency end,
       due_at = least(k.due_at, m.due_at),
       signs = array(select distinct x from unnest(k.signs || m.signs) x order by x)
  from (select g.keep_id, bool_or(w.urgency = 'URGENT') as any_urgent, min(w.due_at) as due_at,
               array(select distinct x from warning_report w2 join warning_report_merge g2 on g2.id = w2.id,
                            unnest(w2.signs) x where g2.keep_id = g.keep_id) as signs
          from warning_report_merge g join warning_report w on w.id = g.id group by g.keep_id) m
 where k.id = m.keep_id;

update warning_report_source s set report_id = g.keep_id from warning_report_merge g where s.report_id = g.id;

update duty k set due_at = least(k.due_at, m.due_at)
  from (select g.keep_id, d.assignee_user_id, min(d.due_at) as due_at
          from duty d join warning_report_merge g on d.source_kind = 'WARNING_REPORT' and d.source_id = g.id
         where d.status = 'OPEN' group by g.keep_id, d.assignee_user_id) m
 where k.source_kind = 'WARNING_REPORT' and k.source_id = m.keep_id and k.assignee_user_id = m.assignee_user_id
   and k.status = 'OPEN';

-- A teacher without a duty on the kept report keeps one (the earliest) of theirs, moved over; the rest are cancelled.
update duty d set source_id = g.keep_id
  from warning_report_merge g
 where d.source_kind = 'WARNING_REPORT' and d.source_id = g.id and d.status = 'OPEN'
   and not exists (select 1 from duty k where k.source_kind = 'WARNING_REPORT' and k.source_id = g.keep_id
                    and k.assignee_user_id = d.assignee_user_id and k.status = 'OPEN')
   and d.id = (select min(d2.id) from duty d2 join warning_report_merge g2 on g2.id = d2.source_id
                where d2.source_kind = 'WARNING_REPORT' and d2.status = 'OPEN' and g2.keep_id = g.keep_id
                  and d2.assignee_user_id = d.assignee_user_id);
update duty d set status = 'CANCELLED', done_note = 'MERGED'
  from warning_report_merge g
 where d.source_kind = 'WARNING_REPORT' and d.source_id = g.id and d.status = 'OPEN';

update warning_report w set status = 'MERGED', merged_into = g.keep_id from warning_report_merge g where w.id = g.id;

-- The rule itself: at most one open report per student, whatever runs at once.
create unique index warning_report_one_open_idx on warning_report (student_id) where status = 'OPEN';
