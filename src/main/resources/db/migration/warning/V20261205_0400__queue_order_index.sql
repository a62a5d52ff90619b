-- Issue 11 point 2: a school's warning queue in its order (open first, urgent first, review last, by deadline)
-- from one index, so that the first page costs the same in a school of 50,000 students as in one of 500.
create index warning_report_queue_order_idx on warning_report
    (school_id, (status = 'OPEN') desc, (urgency = 'URGENT') desc, (urgency = 'REVIEW'), due_at, id);
