-- Crisis events (issue 10, ADR 0026): the event, its five first-time actions and other entries (aftercare,
-- follow-up, cooperation), and the 1-hour report to the district bureau with its follow-ups (续报).
-- The place columns are copied from the school when the event is raised, so that bureau lists need no joins.
create table crisis_event (
    id                  bigserial primary key,
    school_id           bigint not null references school (id),
    district_id         bigint not null references district (id),
    city_id             bigint not null references city (id),
    -- null: the student is not known yet; the team links them later
    student_id          bigint references student (id),
    class_id            bigint references school_class (id),
    -- what the raiser wrote about a student not yet identified (never shown to the bureau)
    student_hint        text,
    kind                text not null check (kind in ('SELF_HARM', 'SUICIDE_ATTEMPT', 'SUICIDE', 'HARM_TO_OTHERS',
                                                      'MISSING', 'OTHER')),
    occurred_at         timestamptz not null,
    place               text,
    summary             text,
    raised_by           bigint not null references app_user (id),
    raised_at           timestamptz not null,
    -- the 1-hour report: due one hour after the school learned of the event (raised_at)
    report_due_at       timestamptz not null,
    report_submitted_at timestamptz,
    -- reminders sent so far: 1 at 40 minutes, 2 at 50 minutes, 3 overdue at 60 minutes
    reminder_level      smallint not null default 0,
    case_id             bigint references warning_case (id),
    closed_at           timestamptz,
    closed_by           bigint references app_user (id),
    version             int not null default 0
);
create index crisis_event_school_idx on crisis_event (school_id, raised_at desc, id desc);
create index crisis_event_district_idx on crisis_event (district_id, raised_at desc, id desc);
create index crisis_event_city_idx on crisis_event (city_id, raised_at desc, id desc);
create index crisis_event_raiser_idx on crisis_event (raised_by, raised_at desc, id desc);
create index crisis_event_student_idx on crisis_event (student_id) where student_id is not null;
create index crisis_event_class_idx on crisis_event (class_id) where class_id is not null;
-- the reminder job reads only events whose report is still missing
create index crisis_event_report_open_idx on crisis_event (report_due_at) where report_submitted_at is null;

-- Every entry on an event: a first-time action ticked (step with the time it was done), a step marked not
-- applicable (with a reason), aftercare given, a follow-up duty opened, cooperation with another department, a
-- note. Append-only; a correction is a new entry that voids an earlier one.
create table crisis_entry (
    id          bigserial primary key,
    event_id    bigint not null references crisis_event (id),
    action      text not null check (action in ('CALL_DOCTOR', 'SEND_TO_HOSPITAL', 'INFORM_POLICE', 'NOTIFY_PARENTS',
                                                'REPORT_UPWARD', 'NOT_APPLICABLE', 'AFTERCARE', 'FOLLOW_UP',
                                                'COOPERATION', 'IDENTIFY_STUDENT', 'CLOSE', 'VOID')),
    -- for NOT_APPLICABLE: which of the five steps
    step        text,
    -- when it was done (may be earlier than recorded: a doctor called at 10:02 is ticked at 10:20)
    done_at     timestamptz not null,
    details     jsonb not null default '{}',
    by_user     bigint not null references app_user (id),
    recorded_at timestamptz not null,
    voids       bigint references crisis_entry (id)
);
create index crisis_entry_event_idx on crisis_entry (event_id, id);

-- The report to the bureau: the first one (INITIAL, the 1-hour report) and follow-ups (FOLLOW_UP, 续报) appended
-- to it. The district acknowledges each.
create table crisis_report (
    id              bigserial primary key,
    event_id        bigint not null references crisis_event (id),
    kind            text not null check (kind in ('INITIAL', 'FOLLOW_UP')),
    content         jsonb not null,
    submitted_by    bigint not null references app_user (id),
    submitted_at    timestamptz not null,
    acknowledged_by bigint references app_user (id),
    acknowledged_at timestamptz
);
create unique index crisis_report_one_initial_idx on crisis_report (event_id) where kind = 'INITIAL';
create index crisis_report_event_idx on crisis_report (event_id, id);

create function crisis_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger crisis_entry_no_update before update or delete on crisis_entry
    for each row execute function crisis_append_only();
create trigger crisis_entry_no_truncate before truncate on crisis_entry
    for each statement execute function crisis_append_only();
