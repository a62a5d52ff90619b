-- Files of workbook records (issue 13: 学生心理成长原创作品与感悟 with photos or scans of the work): uploaded for a
-- form and a student, referenced by id from the record's answers; checked by their bytes; never deleted.
create table form_file (
    id           bigserial primary key,
    student_id   bigint not null references student (id),
    school_id    bigint not null references school (id),
    form_id      text not null,
    filename     text not null check (length(filename) between 1 and 200),
    content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size         bigint not null check (size > 0),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea not null,
    uploaded_by  bigint not null references app_user (id),
    uploaded_at  timestamptz not null,
    check (size = octet_length(content))
);
create index form_file_student_idx on form_file (student_id, form_id, id);
create trigger form_file_keep before delete on form_file for each row execute function form_records_keep();
