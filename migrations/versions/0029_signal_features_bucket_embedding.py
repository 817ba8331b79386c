"""signal_features: the buckets' embeddings in an index of their own

An incremental proposals refresh reads the signals of a new signal's nearest buckets as (id,
embedding) pairs: about 7,000 at a million signals. Read through the one-column bucket index,
each pair sits on a table page of its own, next to the signal's feature bag, so a cold read took
0.3-5 s on SQLite; from an index on (bucket, signal_id, embedding) the pairs of a bucket lie
together (about 400 bytes each). It replaces ``ix_signal_features_bucket``, whose first column it
shares.

Revision ID: 0029_features_bucket_embedding
Revises: 0028_signal_worklist_indexes
Create Date: 2026-12-02 02:00:00

"""
from alembic import op

revision = '0029_features_bucket_embedding'
down_revision = '0028_signal_worklist_indexes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_signal_features_bucket_embedding', 'signal_features', ['bucket', 'signal_id', 'embedding'])
    op.drop_index('ix_signal_features_bucket', table_name='signal_features')


def downgrade():
    op.create_index('ix_signal_features_bucket', 'signal_features', ['bucket'])
    op.drop_index('ix_signal_features_bucket_embedding', table_name='signal_features')
