-- Issue 11 point 2: a record's duties by their source (a case's open duties and whether one is overdue, for each
-- row of the case list and on the case page), from an index instead of a hash of every such duty in the city.
create index if not exists duty_source_idx on duty (source_kind, source_id, status, due_at);
