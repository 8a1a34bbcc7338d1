"""The database cache that `cms.cache.FallbackRedisCache` uses while Redis is down: the
same table `createcachetable` makes, so Django's DatabaseCache can use it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="CacheEntry",
            fields=[
                ("cache_key", models.CharField(max_length=255, primary_key=True,
                                               serialize=False)),
                ("value", models.TextField()),
                ("expires", models.DateTimeField(db_index=True)),
            ],
            options={"db_table": "kopa_cache"},
        ),
    ]
