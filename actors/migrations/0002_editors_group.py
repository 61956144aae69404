"""The "Editors" group: exactly the permissions an editor needs to curate the knowledge base.

Editors review and correct claims and statements, add claims, fix actors (with their aliases and
roles) and meetings (with their participants and related meetings), merge duplicate actors and
read articles. They cannot change or delete articles, delete curated records, or manage users.

Permissions are normally created after `migrate` finishes (post_migrate); they are created here
first so that the group is complete on a fresh database too.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"

PERMISSIONS = {
    "statements": [
        "view_claim",
        "change_claim",
        "add_claim",
        "view_statement",
        "change_statement",
        "view_article",
    ],
    "actors": [
        "view_actor",
        "change_actor",
        "view_alias",
        "add_alias",
        "change_alias",
        "delete_alias",
        "view_role",
        "add_role",
        "change_role",
        "delete_role",
        "view_actormerge",
        "add_actormerge",
    ],
    "events": [
        "view_meeting",
        "change_meeting",
        "view_participation",
        "add_participation",
        "change_participation",
        "delete_participation",
        "view_meetingrelation",
        "add_meetingrelation",
        "change_meetingrelation",
        "delete_meetingrelation",
    ],
}


def create_editors_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = []
    for app_label, codenames in PERMISSIONS.items():
        found = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in found}
        if missing:
            raise RuntimeError(f"Permissions missing for {app_label}: {sorted(missing)}")
        wanted.extend(found)
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(wanted)


def delete_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0001_initial"),
        ("events", "0002_cameo_codes"),
        ("statements", "0003_cameo_codes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, delete_editors_group)]
