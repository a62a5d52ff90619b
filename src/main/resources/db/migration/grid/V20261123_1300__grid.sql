-- The class grid: which mentor cares for which student (a student may have several mentors).
create table mentor_assignment (
    id             bigserial primary key,
    class_id       bigint not null references school_class (id),
    mentor_user_id bigint not null references app_user (id),
    student_id     bigint not null references student (id),
    assigned_by    bigint references app_user (id),
    assigned_at    timestamptz not null,
    unique (mentor_user_id, student_id)
);
create index mentor_assignment_student_idx on mentor_assignment (student_id);
create index mentor_assignment_class_idx on mentor_assignment (class_id);
