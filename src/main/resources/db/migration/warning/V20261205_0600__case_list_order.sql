-- Issue 11 point 2: a school's case list in its order (open first, higher category first, newest first) from one
-- index, so that its first page costs the same in a school with 3,000 cases as in one with 10.
create index warning_case_list_order_idx on warning_case
    (school_id, (ended_at is null) desc, category desc nulls last, opened_at desc, id desc);
