-- Screening (心理普查, issue 9, ADR 0025): campaigns, their classes and scales, parental consent, the codes that
-- stand in for accounts, answers saved as they go, scores and flags.

create table screening_campaign (
    id          bigserial primary key,
    school_id   bigint not null references school (id),
    name        text not null,
    opens_at    timestamptz not null,
    closes_at   timestamptz not null,
    created_by  bigint not null references app_user (id),
    created_at  timestamptz not null,
    check (closes_at > opens_at)
);
create index screening_campaign_school_idx on screening_campaign (school_id, opens_at desc);

-- Which scale is given to which grades (1-12) of the campaign; a student gets the scales of their grade.
create table screening_campaign_scale (
    campaign_id bigint not null references screening_campaign (id),
    scale_id    text not null,
    grade_from  int not null check (grade_from between 1 and 12),
    grade_to    int not null check (grade_to between grade_from and 12),
    -- the order in which a student answers them
    position    int not null,
    primary key (campaign_id, scale_id)
);

-- A class in the campaign and its session code (class code + 学号 + birth date, for computer rooms).
create table screening_campaign_class (
    campaign_id  bigint not null references screening_campaign (id),
    class_id     bigint not null references school_class (id),
    session_code text not null unique,
    reminded_at  timestamptz,
    primary key (campaign_id, class_id)
);

-- Every student of the campaign's classes when it was created; the two codes are credentials (>= 50 bits).
create table screening_invite (
    campaign_id  bigint not null references screening_campaign (id),
    student_id   bigint not null references student (id),
    school_id    bigint not null references school (id),
    class_id     bigint not null references school_class (id),
    grade_level  int not null,
    parent_code  text not null unique,
    answer_code  text not null unique,
    -- null: not answered; true consented; false refused (kept with the date)
    consent      boolean,
    consent_at   timestamptz,
    consent_by   bigint references app_user (id),
    consent_via  text check (consent_via in ('PARENT_CODE', 'PAPER', 'API')),
    primary key (campaign_id, student_id)
);
create index screening_invite_class_idx on screening_invite (campaign_id, class_id);
create index screening_invite_student_idx on screening_invite (student_id);

-- One questionnaire of one student on one scale: answers saved item by item until submitted.
create table screening_response (
    id           bigserial primary key,
    campaign_id  bigint not null references screening_campaign (id),
    student_id   bigint not null references student (id),
    scale_id     text not null,
    school_id    bigint not null references school (id),
    class_id     bigint not null references school_class (id),
    answers      jsonb not null default '{}'::jsonb,
    rated_by     bigint references app_user (id),
    started_at   timestamptz not null,
    updated_at   timestamptz not null,
    submitted_at timestamptz,
    unique (campaign_id, student_id, scale_id)
);
create index screening_response_class_idx on screening_response (campaign_id, class_id);

-- The scores of a submitted response (the growth archive's screening history).
create table screening_result (
    id           bigserial primary key,
    response_id  bigint not null unique references screening_response (id),
    campaign_id  bigint not null references screening_campaign (id),
    student_id   bigint not null references student (id),
    school_id    bigint not null references school (id),
    class_id     bigint not null references school_class (id),
    scale_id     text not null,
    total        double precision not null,
    band         text,
    factors      jsonb not null,
    factor_bands jsonb not null,
    -- cut-off and critical-item codes, e.g. CUTOFF, CRITICAL:9
    flags        text[] not null default '{}',
    scored_at    timestamptz not null
);
create index screening_result_student_idx on screening_result (student_id, scored_at desc);
create index screening_result_campaign_idx on screening_result (campaign_id, class_id);

-- A flagged result waiting for a psychology teacher: confirm (a warning report) or dismiss with a reason.
create table screening_flag (
    id                bigserial primary key,
    result_id         bigint not null unique references screening_result (id),
    campaign_id       bigint not null references screening_campaign (id),
    student_id        bigint not null references student (id),
    school_id         bigint not null references school (id),
    class_id          bigint not null references school_class (id),
    scale_id          text not null,
    reasons           text[] not null,
    urgent            boolean not null,
    status            text not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED', 'DISMISSED')),
    warning_report_id bigint references warning_report (id),
    flagged_at        timestamptz not null,
    reviewed_by       bigint references app_user (id),
    reviewed_at       timestamptz,
    review_reason     text
);
create index screening_flag_open_idx on screening_flag (school_id, flagged_at) where status = 'OPEN';
create index screening_flag_student_idx on screening_flag (student_id);

-- Wrong codes per client address (ADR 0025): a computer room shares one address, so only misses count.
create table screening_code_miss (
    address      text primary key,
    misses       int not null,
    window_start timestamptz not null
);

-- Codes opened from an address: once the address is over its misses, only these still answer (a computer room
-- keeps working while a guesser among them is refused).
create table screening_code_open (
    address     text not null,
    code        text not null,
    opened_at   timestamptz not null,
    primary key (address, code)
);
