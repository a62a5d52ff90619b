-- Duties: what someone must do for a student (or a class) by a deadline, and what became of it.
create table duty (
    id               bigserial primary key,
    kind             text not null,
    school_id        bigint not null references school (id),
    student_id       bigint references student (id),
    class_id         bigint references school_class (id),
    assignee_user_id bigint not null references app_user (id),
    due_at           timestamptz not null,
    status           text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    escalation_level int not null default 0,
    source_kind      text,
    source_id        bigint,
    semester_id      bigint references semester (id),
    created_at       timestamptz not null,
    done_at          timestamptz,
    done_by          bigint references app_user (id),
    done_note        text
);
create index duty_assignee_idx on duty (assignee_user_id, status, due_at);
create index duty_student_idx on duty (student_id, kind, status);
create index duty_open_due_idx on duty (due_at) where status = 'OPEN';
-- One open duty of a kind per student and assignee from the same source: generating twice changes nothing.
create unique index duty_once_idx on duty (kind, coalesce(student_id, 0), coalesce(class_id, 0), assignee_user_id,
    coalesce(source_kind, ''), coalesce(source_id, 0), coalesce(semester_id, 0)) where status = 'OPEN';
