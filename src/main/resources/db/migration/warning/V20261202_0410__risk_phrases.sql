-- Issue 7, point 14 (ADR 0022): a record saved without escalation whose text holds a risk phrase goes to the
-- psychology teachers' queue as REVIEW (请复核), below HIGH; the phrases found are kept on its source for highlighting.
alter table warning_report drop constraint warning_report_urgency_check;
alter table warning_report add constraint warning_report_urgency_check check (urgency in ('URGENT', 'HIGH', 'REVIEW'));
alter table warning_report_source drop constraint warning_report_source_urgency_check;
alter table warning_report_source add constraint warning_report_source_urgency_check
    check (urgency in ('URGENT', 'HIGH', 'REVIEW'));
alter table warning_report_source add column phrases text[] not null default '{}';

-- A school's own phrases and exclusions over the shipped list (warning/risk-phrases.tsv). Removed, never deleted.
create table risk_phrase_override (
    id          bigserial primary key,
    school_id   bigint not null references school (id),
    phrase      text not null check (length(phrase) between 1 and 30),
    kind        text not null check (kind in ('ADD', 'EXCLUDE')),
    sign        int check (sign between 1 and 15),
    created_by  bigint not null references app_user (id),
    created_at  timestamptz not null,
    removed_by  bigint references app_user (id),
    removed_at  timestamptz,
    check ((kind = 'ADD') = (sign is not null)),
    check ((removed_by is null) = (removed_at is null))
);
create unique index risk_phrase_override_live_idx on risk_phrase_override (school_id, kind, phrase) where removed_at is null;
