"""Schema version 4: the index that serves the ledger's reading order (documents_order).

The statements are schema.MIGRATIONS' for version 4; see claimledger.store.migrations.
"""
from claimledger.store.migrations import apply, refuse_downgrade

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply(4)


def downgrade() -> None:
    refuse_downgrade()
