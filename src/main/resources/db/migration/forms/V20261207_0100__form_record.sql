-- The workbook's records (issue 13, ADR 0035): one answer document per record, its form's id and version number;
-- never deleted: a correction is a new version with its reason, and every version stays.
create table form_record (
    id         bigserial primary key,
    student_id bigint not null references student (id),
    school_id  bigint not null references school (id),
    form_id    text not null check (form_id ~ '^[a-z][a-z0-9_]{1,60}$'),
    version    int not null check (version >= 1),
    answers    jsonb not null,
    created_by bigint not null references app_user (id),
    created_at timestamptz not null,
    updated_by bigint not null references app_user (id),
    updated_at timestamptz not null
);
create index form_record_student_idx on form_record (student_id, form_id, id);
create index form_record_school_idx on form_record (school_id, form_id, updated_at desc, id desc);
create index form_record_answers_idx on form_record using gin (answers jsonb_path_ops);

create table form_record_revision (
    record_id  bigint not null references form_record (id),
    version    int not null,
    answers    jsonb not null,
    reason     text check (length(reason) <= 500),
    changed_by bigint not null references app_user (id),
    changed_at timestamptz not null,
    primary key (record_id, version)
);

create function form_records_keep() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger form_record_keep before delete on form_record for each row execute function form_records_keep();
create trigger form_record_revision_keep before delete on form_record_revision for each row execute function form_records_keep();
