"""Schema version 6: the reconciled outputs kept (reconciled): series, conflicts, sources.

The statements are schema.MIGRATIONS' for version 6; see claimledger.store.migrations.
"""
from claimledger.store.migrations import apply, refuse_downgrade

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply(6)


def downgrade() -> None:
    refuse_downgrade()
