-- Files of a case (issue 8 points 5–8, ADR 0024): the meeting's recording, signed letters scanned back, the
-- doctor's diagnosis, the parents' return application and medical proof. Kept in the database with the case, so a
-- backup holds them; checked by their bytes, not by their name. Append-only like the case's history: a wrong file
-- is answered by a new one and an event that says why, never by deleting.
create table case_attachment (
    id           bigserial primary key,
    case_id      bigint not null references warning_case (id),
    kind         text not null check (kind in ('RECORDING', 'SIGNED_NOTICE', 'SIGNED_REFERRAL', 'SIGNED_CONTRACT',
                                               'SIGNED_COMMITMENT', 'DIAGNOSIS_SCAN', 'RETURN_APPLICATION',
                                               'MEDICAL_PROOF', 'SIGNED_RETURN_RECOMMENDATION', 'OTHER')),
    filename     text not null check (length(filename) between 1 and 200),
    content_type text not null,
    size         bigint not null check (size > 0),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea not null,
    uploaded_by  bigint not null references app_user (id),
    uploaded_at  timestamptz not null,
    check (size = octet_length(content))
);
create index case_attachment_case_idx on case_attachment (case_id, id);

create function case_attachment_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_attachment is append-only';
end $$;
create trigger case_attachment_no_update before update or delete on case_attachment
    for each row execute function case_attachment_append_only();
create trigger case_attachment_no_truncate before truncate on case_attachment
    for each statement execute function case_attachment_append_only();
