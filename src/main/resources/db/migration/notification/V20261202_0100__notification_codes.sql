-- Notifications keep a message key and its arguments, rendered at display time in the reader's language (issue 7,
-- point 8); a notice with nothing the reader may open has no link. Arguments: [{"type": "code|text|number|time|class",
-- "value": "..."}] (NoticeArg). Existing rows are turned into codes; a title no rule knows is kept as the one text
-- argument of notification.legacy.
alter table notification add column message_key text, add column args jsonb not null default '[]'::jsonb;
alter table notification alter column link drop not null;

create function pg_temp.arg(t text, v text) returns jsonb language sql immutable
    as $$ select jsonb_build_object('type', t, 'value', v) $$;
create function pg_temp.iso(at timestamptz) returns text language sql immutable
    as $$ select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- New and escalated warning reports: the student's class and the report's deadline.
update notification n
   set message_key = case n.title
           when '【紧急】新的预警报告，需在 2 小时内完成一对一评估' then 'notification.warning.new.urgent'
           when '【紧急】预警报告升级为紧急，需在 2 小时内完成一对一评估' then 'notification.warning.escalated'
           else 'notification.warning.new' end,
       args = jsonb_build_array(pg_temp.arg('class', s.class_id::text), pg_temp.arg('time', pg_temp.iso(w.due_at)))
  from warning_report w join student s on s.id = w.student_id
 where n.kind = 'WARNING_REPORT' and n.link = '/warnings/' || w.id
   and n.title in ('【紧急】新的预警报告，需在 2 小时内完成一对一评估', '【紧急】预警报告升级为紧急，需在 2 小时内完成一对一评估',
                   '新的预警报告，需在 1 个上学日内完成一对一评估');

-- Concern reports without a sign that raises a report: the student's class.
update notification n
   set message_key = 'notification.concern', args = jsonb_build_array(pg_temp.arg('class', s.class_id::text))
  from student s
 where n.kind = 'CONCERN_REPORT' and n.link = '/students/' || s.id and n.title = '心理委员提交了一份关注报告，请查看';

-- 四必访: the class and the kind of the student's latest trigger recorded up to the notice.
update notification n
   set message_key = 'notification.trigger',
       args = jsonb_build_array(pg_temp.arg('class', s.class_id::text),
                                pg_temp.arg('code', coalesce('trigger.' || (
                                    select t.kind from trigger_event t where t.student_id = s.id
                                       and t.recorded_at <= n.created_at order by t.recorded_at desc limit 1),
                                    'notification.trigger.any')))
  from student s
 where n.kind = 'TRIGGER_HOME_VISIT' and n.link = '/students/' || s.id and n.title = '四必访：有学生需在下一个上学日内家访';

-- Overdue duties: the duty's kind.
update notification n
   set message_key = case when n.title like '【待办逾期升级】%' then 'duty.notify.overdue.leader'
                          when n.title like '【待办逾期】本班%' then 'duty.notify.overdue.head'
                          else 'duty.notify.overdue.assignee' end,
       args = jsonb_build_array(pg_temp.arg('code', 'duty.kind.' || d.kind))
  from duty d
 where n.kind = 'DUTY_OVERDUE' and n.link = '/duties/' || d.id
   and (n.title like '【待办逾期升级】%' or n.title like '【待办逾期】本班%' or n.title like '【待办逾期】您的%');

-- Bursts of refusals: 安全提醒：{name}（{username}）在 {minutes} 分钟内有 {count} 次访问学生信息被拒绝…
update notification n
   set message_key = 'audit.refusals.notify',
       args = jsonb_build_array(pg_temp.arg('text', m[1]), pg_temp.arg('text', m[2]), pg_temp.arg('number', m[4]),
                                pg_temp.arg('number', m[3]))
  from (select id, regexp_match(title, '^安全提醒：(.*)（([^（）]*)）在 (\d+) 分钟内有 (\d+) 次') m from notification
         where kind = 'ACCESS_REFUSALS') r
 where n.id = r.id and r.m is not null;

update notification set message_key = 'notification.legacy', args = jsonb_build_array(pg_temp.arg('text', title))
 where message_key is null;

alter table notification alter column message_key set not null;
alter table notification drop column title;
