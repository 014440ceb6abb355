"""Schema version 2: a claim's statement date and earlier/projection flags, and the reviews table.

The statements are schema.MIGRATIONS' for version 2; see claimledger.store.migrations.
"""
from claimledger.store.migrations import apply, refuse_downgrade

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply(2)


def downgrade() -> None:
    refuse_downgrade()
