"""Schema version 5: views for Datasette and SQL clients (claims_readable, sources_summary and the rest).

The statements are schema.MIGRATIONS' for version 5; see claimledger.store.migrations.
"""
from claimledger.store.migrations import apply, refuse_downgrade

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply(5)


def downgrade() -> None:
    refuse_downgrade()
