"""Schema version 3: the ledger as a record: document versions, aliases, text hashes, what made the claims.

The statements are schema.MIGRATIONS' for version 3; see claimledger.store.migrations.
"""
from claimledger.store.migrations import apply, refuse_downgrade

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply(3)


def downgrade() -> None:
    refuse_downgrade()
