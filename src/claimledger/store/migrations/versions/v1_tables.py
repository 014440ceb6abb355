"""Schema version 1: the ledger's tables (meta, documents, claims, entities, claim_entities) and their indexes.

The statements are schema.MIGRATIONS' for version 1; see claimledger.store.migrations.
"""
from claimledger.store.migrations import apply, refuse_downgrade

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply(1)


def downgrade() -> None:
    refuse_downgrade()
