"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27 08:36:37.253326
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_code', sa.String(length=40), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('preferred_name', sa.String(length=100), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex_at_birth', sa.String(length=20), nullable=True),
    sa.Column('gender', sa.String(length=20), nullable=True),
    sa.Column('race', sa.String(length=40), nullable=True),
    sa.Column('ethnicity', sa.String(length=30), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('consent_contact', sa.Boolean(), nullable=False),
    sa.Column('consent_share', sa.Boolean(), nullable=False),
    sa.Column('given_search', sa.String(length=200).with_variant(sa.String(length=200, collation='NOCASE'), 'sqlite'), nullable=False),
    sa.Column('family_search', sa.String(length=200).with_variant(sa.String(length=200, collation='NOCASE'), 'sqlite'), nullable=False),
    sa.Column('preferred_search', sa.String(length=200).with_variant(sa.String(length=200, collation='NOCASE'), 'sqlite'), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("ethnicity IS NULL OR ethnicity IN ('hispanic_latino', 'not_hispanic_latino', 'declined')", name=op.f('ck_clients_ethnicity_code')),
    sa.CheckConstraint("gender IS NULL OR gender IN ('woman', 'man', 'non_binary', 'transgender_woman', 'transgender_man', 'other', 'declined')", name=op.f('ck_clients_gender_code')),
    sa.CheckConstraint("race IS NULL OR race IN ('american_indian_alaska_native', 'asian', 'black', 'native_hawaiian_pacific_islander', 'white', 'multiple', 'other', 'declined')", name=op.f('ck_clients_race_code')),
    sa.CheckConstraint("sex_at_birth IS NULL OR sex_at_birth IN ('female', 'male', 'intersex', 'unknown', 'declined')", name=op.f('ck_clients_sex_at_birth_code')),
    sa.CheckConstraint('length(client_code) > 0', name=op.f('ck_clients_client_code_present')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['clients.id'], name=op.f('fk_clients_merged_into_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients')),
    sa.UniqueConstraint('client_code', name=op.f('uq_clients_client_code'))
    )
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.create_index('ix_clients_birth_date', ['birth_date'], unique=False)
        batch_op.create_index('ix_clients_family_given', ['family_search', 'given_search'], unique=False)
        batch_op.create_index('ix_clients_given_search', ['given_search'], unique=False)
        batch_op.create_index('ix_clients_preferred_search', ['preferred_search'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('front_desk', 'manager', 'admin')", name=op.f('ck_users_role_code')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at_utc', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=60), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=60), nullable=True),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.CheckConstraint("action IN ('create', 'update', 'view', 'export', 'merge', 'delete', 'import', 'sign_in')", name=op.f('ck_audit_log_action_code')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('encounters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('area', sa.String(length=20), nullable=True),
    sa.Column('naloxone_kits', sa.Integer(), nullable=False),
    sa.Column('reversals_reported', sa.Integer(), nullable=False),
    sa.Column('syringes_out', sa.Integer(), nullable=False),
    sa.Column('syringes_returned', sa.Integer(), nullable=False),
    sa.Column('test_strips', sa.Integer(), nullable=False),
    sa.Column('hiv_tests', sa.Integer(), nullable=False),
    sa.Column('hcv_tests', sa.Integer(), nullable=False),
    sa.Column('referrals', sa.Integer(), nullable=False),
    sa.CheckConstraint('hcv_tests >= 0', name=op.f('ck_encounters_hcv_tests_not_negative')),
    sa.CheckConstraint('hiv_tests >= 0', name=op.f('ck_encounters_hiv_tests_not_negative')),
    sa.CheckConstraint('naloxone_kits >= 0', name=op.f('ck_encounters_naloxone_kits_not_negative')),
    sa.CheckConstraint('referrals >= 0', name=op.f('ck_encounters_referrals_not_negative')),
    sa.CheckConstraint('reversals_reported >= 0', name=op.f('ck_encounters_reversals_reported_not_negative')),
    sa.CheckConstraint('syringes_out >= 0', name=op.f('ck_encounters_syringes_out_not_negative')),
    sa.CheckConstraint('syringes_returned >= 0', name=op.f('ck_encounters_syringes_returned_not_negative')),
    sa.CheckConstraint('test_strips >= 0', name=op.f('ck_encounters_test_strips_not_negative')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_encounters_client_id_clients'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_encounters'))
    )
    with op.batch_alter_table('encounters', schema=None) as batch_op:
        batch_op.create_index('ix_encounters_client', ['client_id'], unique=False)
        batch_op.create_index('ix_encounters_occurred_on', ['occurred_on'], unique=False)

    op.create_table('episodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('reentry', sa.Boolean(), nullable=False),
    sa.CheckConstraint('closed_on IS NULL OR closed_on >= opened_on', name=op.f('ck_episodes_closed_after_open')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_episodes_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_episodes'))
    )
    with op.batch_alter_table('episodes', schema=None) as batch_op:
        batch_op.create_index('ix_episodes_client_opened', ['client_id', 'opened_on'], unique=False)
        batch_op.create_index('ix_episodes_closed_on', ['closed_on'], unique=False)
        batch_op.create_index('ix_episodes_opened_on', ['opened_on'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('event', sa.String(length=24), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint("event IN ('overdose_nonfatal', 'death', 'ed_visit', 'hospitalisation', 'hiv_positive_new', 'hcv_positive_new', 'arrest', 'incarceration_start', 'incarceration_end', 'dui', 'child_welfare_report', 'child_removal', 'family_violence', 'family_reported_harm', 'public_order_citation')", name=op.f('ck_events_event_code')),
    sa.CheckConstraint('count >= 1', name=op.f('ck_events_count_positive')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_events_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_client_occurred', ['client_id', 'occurred_on'], unique=False)
        batch_op.create_index('ix_events_occurred_on', ['occurred_on'], unique=False)

    op.create_table('followup_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('intake_on', sa.Date(), nullable=False),
    sa.Column('point_months', sa.Integer(), nullable=False),
    sa.Column('attempted_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('outcome', sa.String(length=14), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("method IN ('phone', 'text', 'in_person', 'letter', 'outreach', 'other')", name=op.f('ck_followup_attempts_method_code')),
    sa.CheckConstraint("outcome IN ('reached', 'no_answer', 'left_message', 'wrong_number', 'scheduled', 'refused')", name=op.f('ck_followup_attempts_outcome_code')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_followup_attempts_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_followup_attempts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup_attempts'))
    )
    with op.batch_alter_table('followup_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_followup_attempts_client', ['client_id', 'attempted_on'], unique=False)

    op.create_table('assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=True),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('contact_status', sa.String(length=16), nullable=False),
    sa.Column('last_use_on', sa.Date(), nullable=True),
    sa.Column('injecting_days_28', sa.Integer(), nullable=True),
    sa.Column('shared_equipment', sa.Boolean(), nullable=True),
    sa.Column('offending_days_28', sa.Integer(), nullable=True),
    sa.Column('work_days_28', sa.Integer(), nullable=True),
    sa.Column('housing_problem', sa.Boolean(), nullable=True),
    sa.Column('psych_health', sa.Integer(), nullable=True),
    sa.Column('physical_health', sa.Integer(), nullable=True),
    sa.Column('quality_of_life', sa.Integer(), nullable=True),
    sa.Column('medication', sa.String(length=16), nullable=True),
    sa.Column('medication_as_prescribed', sa.Boolean(), nullable=True),
    sa.Column('controlled_environment', sa.String(length=16), nullable=True),
    sa.Column('barc10_1', sa.Integer(), nullable=True),
    sa.Column('barc10_2', sa.Integer(), nullable=True),
    sa.Column('barc10_3', sa.Integer(), nullable=True),
    sa.Column('barc10_4', sa.Integer(), nullable=True),
    sa.Column('barc10_5', sa.Integer(), nullable=True),
    sa.Column('barc10_6', sa.Integer(), nullable=True),
    sa.Column('barc10_7', sa.Integer(), nullable=True),
    sa.Column('barc10_8', sa.Integer(), nullable=True),
    sa.Column('barc10_9', sa.Integer(), nullable=True),
    sa.Column('barc10_10', sa.Integer(), nullable=True),
    sa.Column('goal', sa.String(length=12), nullable=True),
    sa.Column('self_identified_recovery', sa.String(length=10), nullable=True),
    sa.Column('prior_recovery_attempts', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("contact_status IN ('completed', 'not_located', 'refused', 'incarcerated', 'hospitalized', 'deceased')", name=op.f('ck_assessments_contact_status_code')),
    sa.CheckConstraint("controlled_environment IS NULL OR controlled_environment IN ('none', 'jail_prison', 'residential', 'hospital', 'other')", name=op.f('ck_assessments_controlled_environment_code')),
    sa.CheckConstraint("goal IS NULL OR goal IN ('abstinence', 'reduction', 'safer_use', 'medication', 'undecided', 'other')", name=op.f('ck_assessments_goal_code')),
    sa.CheckConstraint("kind IN ('intake', 'follow_up', 'discharge')", name=op.f('ck_assessments_kind_code')),
    sa.CheckConstraint("medication IS NULL OR medication IN ('none', 'methadone', 'buprenorphine', 'naltrexone', 'other')", name=op.f('ck_assessments_medication_code')),
    sa.CheckConstraint("self_identified_recovery IS NULL OR self_identified_recovery IN ('yes', 'no', 'declined')", name=op.f('ck_assessments_self_identified_recovery_code')),
    sa.CheckConstraint('barc10_1 IS NULL OR (barc10_1 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_1_range')),
    sa.CheckConstraint('barc10_10 IS NULL OR (barc10_10 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_10_range')),
    sa.CheckConstraint('barc10_2 IS NULL OR (barc10_2 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_2_range')),
    sa.CheckConstraint('barc10_3 IS NULL OR (barc10_3 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_3_range')),
    sa.CheckConstraint('barc10_4 IS NULL OR (barc10_4 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_4_range')),
    sa.CheckConstraint('barc10_5 IS NULL OR (barc10_5 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_5_range')),
    sa.CheckConstraint('barc10_6 IS NULL OR (barc10_6 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_6_range')),
    sa.CheckConstraint('barc10_7 IS NULL OR (barc10_7 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_7_range')),
    sa.CheckConstraint('barc10_8 IS NULL OR (barc10_8 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_8_range')),
    sa.CheckConstraint('barc10_9 IS NULL OR (barc10_9 BETWEEN 1 AND 6)', name=op.f('ck_assessments_barc10_9_range')),
    sa.CheckConstraint('injecting_days_28 IS NULL OR (injecting_days_28 BETWEEN 0 AND 28)', name=op.f('ck_assessments_injecting_days_28_range')),
    sa.CheckConstraint('last_use_on IS NULL OR last_use_on <= assessed_on', name=op.f('ck_assessments_use_before')),
    sa.CheckConstraint('offending_days_28 IS NULL OR (offending_days_28 BETWEEN 0 AND 28)', name=op.f('ck_assessments_offending_days_28_range')),
    sa.CheckConstraint('physical_health IS NULL OR (physical_health BETWEEN 0 AND 20)', name=op.f('ck_assessments_physical_health_range')),
    sa.CheckConstraint('prior_recovery_attempts IS NULL OR (prior_recovery_attempts BETWEEN 0 AND 999)', name=op.f('ck_assessments_prior_recovery_attempts_range')),
    sa.CheckConstraint('psych_health IS NULL OR (psych_health BETWEEN 0 AND 20)', name=op.f('ck_assessments_psych_health_range')),
    sa.CheckConstraint('quality_of_life IS NULL OR (quality_of_life BETWEEN 0 AND 20)', name=op.f('ck_assessments_quality_of_life_range')),
    sa.CheckConstraint('work_days_28 IS NULL OR (work_days_28 BETWEEN 0 AND 28)', name=op.f('ck_assessments_work_days_28_range')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_assessments_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_assessments_episode_id_episodes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments')),
    sa.UniqueConstraint('client_id', 'assessed_on', name=op.f('uq_assessments_client_id_assessed_on'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index('ix_assessments_assessed_on', ['assessed_on'], unique=False)
        batch_op.create_index('ix_assessments_episode', ['episode_id'], unique=False)

    op.create_table('substance_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('substance_class', sa.String(length=14), nullable=False),
    sa.Column('primary', sa.Boolean(), nullable=False),
    sa.Column('criteria', sa.String(length=300), nullable=False),
    sa.Column('criteria_last_met_on', sa.Date(), nullable=True),
    sa.Column('use_days_28', sa.Integer(), nullable=True),
    sa.CheckConstraint("substance_class IN ('alcohol', 'opioid', 'stimulant', 'cannabis', 'sedative', 'hallucinogen', 'inhalant', 'tobacco', 'other')", name=op.f('ck_substance_records_substance_class_code')),
    sa.CheckConstraint('use_days_28 IS NULL OR (use_days_28 BETWEEN 0 AND 28)', name=op.f('ck_substance_records_use_days_28_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_substance_records_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_substance_records')),
    sa.UniqueConstraint('assessment_id', 'substance_class', name=op.f('uq_substance_records_assessment_id_substance_class'))
    )
    with op.batch_alter_table('substance_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_substance_records_assessment_id'), ['assessment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('substance_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_substance_records_assessment_id'))

    op.drop_table('substance_records')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index('ix_assessments_episode')
        batch_op.drop_index('ix_assessments_assessed_on')

    op.drop_table('assessments')
    with op.batch_alter_table('followup_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_followup_attempts_client')

    op.drop_table('followup_attempts')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_occurred_on')
        batch_op.drop_index('ix_events_client_occurred')

    op.drop_table('events')
    with op.batch_alter_table('episodes', schema=None) as batch_op:
        batch_op.drop_index('ix_episodes_opened_on')
        batch_op.drop_index('ix_episodes_closed_on')
        batch_op.drop_index('ix_episodes_client_opened')

    op.drop_table('episodes')
    with op.batch_alter_table('encounters', schema=None) as batch_op:
        batch_op.drop_index('ix_encounters_occurred_on')
        batch_op.drop_index('ix_encounters_client')

    op.drop_table('encounters')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')

    op.drop_table('audit_log')
    op.drop_table('users')
    op.drop_table('settings')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index('ix_clients_preferred_search')
        batch_op.drop_index('ix_clients_given_search')
        batch_op.drop_index('ix_clients_family_given')
        batch_op.drop_index('ix_clients_birth_date')

    op.drop_table('clients')
