-- Who took the report up (started the assessment) and when; the reporters are told, without clinical details.
alter table warning_report add column taken_up_by bigint references app_user (id),
                           add column taken_up_at timestamptz;
