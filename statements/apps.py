from django.apps import AppConfig
from django.db.backends.signals import connection_created


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """SQLite has no accent folding; give it ours so search matches 'Pyeongchang' and
    'PYEONGCHANG' and 'Pyeóngchang' alike (PostgreSQL uses its own full-text search)."""
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("parley_fold", 1, fold, deterministic=True)


class StatementsConfig(AppConfig):
    name = "statements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import config.checks  # noqa: F401  (registers the deployment checks)

        connection_created.connect(register_sqlite_functions, dispatch_uid="parley_fold")
