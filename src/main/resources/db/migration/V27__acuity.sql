-- Acuity and criteria to reside (spec 3.11, 3.14): the tool's rows and level bands are data a service can change;
-- each assessment keeps the rows it was asked with, their words and weights (a snapshot), so changing the tool never
-- rewrites a past assessment. The defaults below are documented and cited in docs/acuity-tool.md.

create table acuity_tool_row (
    code           varchar(40)  primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    row_group      varchar(30)  not null check (row_group in ('INTERVENTIONS', 'PROFESSIONAL_INPUT', 'CONDITION',
                                                              'CRITERIA_TO_RESIDE')),
    question       varchar(300) not null,
    weight         integer      not null check (weight between 0 and 10),
    -- a row that, when present, holds the level at least this high whatever the score (e.g. clinically unstable)
    floor_level    integer      check (floor_level between 1 and 4),
    active         boolean      not null default true,
    display_order  integer      not null,
    version        integer      not null default 1,
    changed_by     varchar(100) not null,
    changed_at     timestamptz  not null,
    -- criteria to reside are answered met / not met and never add to the score
    check (row_group <> 'CRITERIA_TO_RESIDE' or (weight = 0 and floor_level is null))
);

-- every version of every row, the first included: who changed what and when
create table acuity_tool_row_version (
    code           varchar(40)  not null references acuity_tool_row (code),
    version        integer      not null,
    row_group      varchar(30)  not null,
    question       varchar(300) not null,
    weight         integer      not null,
    floor_level    integer,
    active         boolean      not null,
    display_order  integer      not null,
    changed_by     varchar(100) not null,
    changed_at     timestamptz  not null,
    reason         varchar(500) not null,
    primary key (code, version)
);

-- score -> level: a score at or above min_score (and below the next band's) is that level
create table acuity_band (
    level           integer     primary key check (level between 1 and 4),
    min_score       integer     not null unique check (min_score >= 0),
    label           varchar(40) not null,
    visits_per_day  integer     not null check (visits_per_day between 0 and 12),
    -- acuity-weighted capacity: what a patient at this level counts, a standard patient (level 2) counting 2
    capacity_weight integer     not null check (capacity_weight between 1 and 10),
    guidance        varchar(300) not null
);

create table acuity_assessment (
    id                      uuid         primary key,
    patient_id              uuid         not null references patient (id),
    assessed_on             date         not null,
    assessed_at             timestamptz  not null,
    assessed_by             varchar(100) not null,
    assessed_by_name        varchar(200) not null,
    score                   integer      not null,
    scored_level            integer      not null check (scored_level between 1 and 4),
    level                   integer      not null check (level between 1 and 4),
    raised_reason           varchar(500),
    level_label             varchar(40)  not null,
    visits_per_day          integer      not null,
    capacity_weight         integer      not null,
    meets_criteria_to_reside boolean     not null,
    note                    varchar(1000),
    check (level >= scored_level),
    check ((level > scored_level) = (raised_reason is not null))
);
create index acuity_assessment_patient_idx on acuity_assessment (patient_id, assessed_at desc);
create index acuity_assessment_at_idx on acuity_assessment (assessed_at);

-- the rows as they were asked: words, weight and floor at the time, and the answer
create table acuity_assessment_answer (
    assessment_id  uuid         not null references acuity_assessment (id),
    code           varchar(40)  not null,
    row_version    integer      not null,
    row_group      varchar(30)  not null,
    question       varchar(300) not null,
    weight         integer      not null,
    floor_level    integer,
    display_order  integer      not null,
    answer         boolean      not null,
    primary key (assessment_id, code)
);

insert into acuity_band (level, min_score, label, visits_per_day, capacity_weight, guidance) values
    (1, 0,  'Low',                 1, 1, 'Daily review; it may be virtual or by telephone, with home visits for planned interventions only'),
    (2, 4,  'Moderate',            2, 2, 'Home visits twice a day and a daily senior review'),
    (3, 9,  'High',                3, 3, 'Home visits three times a day, daily senior review in person or by video, and a review of the plan at each visit'),
    (4, 15, 'Very high (acute)',   4, 4, 'Home visits four or more times a day and a senior review today; consider whether home is still the safe place of care');

insert into acuity_tool_row (code, row_group, question, weight, floor_level, display_order, changed_by, changed_at) values
    -- interventions
    ('IV_THERAPY',          'INTERVENTIONS', 'Intravenous therapy (antibiotics, diuretics or fluids)', 3, null, 10, 'default (V27)', now()),
    ('OXYGEN',              'INTERVENTIONS', 'Oxygen therapy started or being titrated at home', 3, null, 20, 'default (V27)', now()),
    ('NEBULISERS',          'INTERVENTIONS', 'Nebulisers four or more times a day', 2, null, 30, 'default (V27)', now()),
    ('FREQUENT_OBS',        'INTERVENTIONS', 'Observations needed more often than every 4 hours', 2, null, 40, 'default (V27)', now()),
    ('SUBCUT_INFUSION',     'INTERVENTIONS', 'Subcutaneous fluids or a syringe driver', 2, null, 50, 'default (V27)', now()),
    ('DAILY_BLOODS',        'INTERVENTIONS', 'Blood tests every day or more often', 1, null, 60, 'default (V27)', now()),
    ('COMPLEX_CARE',        'INTERVENTIONS', 'Complex wound, drain, catheter or tube feeding care', 1, null, 70, 'default (V27)', now()),
    -- professional input
    ('SENIOR_REVIEW_DAILY', 'PROFESSIONAL_INPUT', 'Needs a senior review (consultant, GP or consultant practitioner) every day', 2, null, 110, 'default (V27)', now()),
    ('SPECIALIST_INPUT',    'PROFESSIONAL_INPUT', 'Needs specialist input today (for example respiratory, heart failure or palliative care)', 1, null, 120, 'default (V27)', now()),
    ('MDT_VISITS',          'PROFESSIONAL_INPUT', 'Needs visits from more than one profession today (nurse, therapist, pharmacist)', 1, null, 130, 'default (V27)', now()),
    ('TWO_STAFF',           'PROFESSIONAL_INPUT', 'Needs two staff together at a visit', 1, null, 140, 'default (V27)', now()),
    ('MEDICINES_REVIEW',    'PROFESSIONAL_INPUT', 'Needs a pharmacist''s medicines review, or new medicines were started', 1, null, 150, 'default (V27)', now()),
    -- condition
    ('SCORE_RISING',        'CONDITION', 'NEWS2 or PEWS has risen over the last 24 hours', 3, null, 210, 'default (V27)', now()),
    ('SCORE_MEDIUM_RISK',   'CONDITION', 'NEWS2 of 5 or more, or a PEWS needing urgent review, in the last 24 hours', 3, 3, 220, 'default (V27)', now()),
    ('UNSTABLE',            'CONDITION', 'Clinically unstable or deteriorating, in the assessor''s judgement', 4, 3, 230, 'default (V27)', now()),
    ('NEW_CONFUSION',       'CONDITION', 'New confusion or delirium', 2, null, 240, 'default (V27)', now()),
    ('CARE_AT_RISK',        'CONDITION', 'The carer cannot cope, or care at home is at risk of breaking down', 1, null, 250, 'default (V27)', now()),
    -- criteria to reside: NHS Data Model and Dictionary, CRITERIA TO RESIDE CODE FOR HOSPITAL PROVIDER SPELL, codes 01 to 11
    ('CTR_01_CRITICAL_CARE', 'CRITERIA_TO_RESIDE', 'Requires critical or high dependency care', 0, null, 301, 'default (V27)', now()),
    ('CTR_02_OXYGEN_NIV',    'CRITERIA_TO_RESIDE', 'Requires oxygen therapy or non-invasive ventilation', 0, null, 302, 'default (V27)', now()),
    ('CTR_03_IV_FLUIDS',     'CRITERIA_TO_RESIDE', 'Requires intravenous fluids', 0, null, 303, 'default (V27)', now()),
    ('CTR_04_NEWS2',         'CRITERIA_TO_RESIDE', 'Has a National Early Warning Score (NEWS2) greater than 3 (clinical judgement with atrial fibrillation or chronic respiratory disease)', 0, null, 304, 'default (V27)', now()),
    ('CTR_05_CONSCIOUSNESS', 'CRITERIA_TO_RESIDE', 'Has a diminished level of consciousness where recovery is realistic', 0, null, 305, 'default (V27)', now()),
    ('CTR_06_FUNCTION',      'CRITERIA_TO_RESIDE', 'Has acute functional impairment in excess of home or community care provision', 0, null, 306, 'default (V27)', now()),
    ('CTR_07_LAST_HOURS',    'CRITERIA_TO_RESIDE', 'Is in the last hours of life', 0, null, 307, 'default (V27)', now()),
    ('CTR_08_IV_MEDICATION', 'CRITERIA_TO_RESIDE', 'Requires intravenous medication more than twice a day (including analgesia)', 0, null, 308, 'default (V27)', now()),
    ('CTR_09_LOWER_LIMB',    'CRITERIA_TO_RESIDE', 'Has had lower limb surgery within the last 48 hours', 0, null, 309, 'default (V27)', now()),
    ('CTR_10_THORAX_PELVIS', 'CRITERIA_TO_RESIDE', 'Has had thorax-abdominal or pelvic surgery within the last 72 hours', 0, null, 310, 'default (V27)', now()),
    ('CTR_11_PROCEDURE',     'CRITERIA_TO_RESIDE', 'Has had an invasive procedure within the last 24 hours with a risk of acute life-threatening deterioration', 0, null, 311, 'default (V27)', now());

insert into acuity_tool_row_version (code, version, row_group, question, weight, floor_level, active, display_order,
                                     changed_by, changed_at, reason)
select code, version, row_group, question, weight, floor_level, active, display_order, changed_by, changed_at,
       'the documented default (docs/acuity-tool.md)'
from acuity_tool_row;
